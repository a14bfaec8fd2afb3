package org.actionlearning.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.actionlearning.query.support.QueryServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutcomeTest extends QueryServiceTest {

    private ProgrammeScenario s;

    @BeforeEach
    void rows() {
        s = ProgrammeScenario.insert(db);
    }

    @Test
    void aMetricWithTargetSignalsAndSignificance() {
        JsonNode metric = getOk("/api/outcomes/" + s.delays + "?asOf=2026-04-30");

        assertThat(fieldNames(metric)).containsExactly("metricId", "programmeId", "name", "unit", "direction",
                "period", "valuePerUnit", "target", "baselinePoints", "followUps", "centreLine", "baseline", "latest",
                "changePercent", "improvementPercent", "targetMet", "daysToTarget", "pValue", "longestRun",
                "longestRunLimit", "crossings", "crossingsLimit", "xmr", "beyondLimits", "phases", "interventions",
                "signals", "withheld");
        assertText(metric, "metricId", s.delays);
        assertText(metric, "programmeId", s.programme);
        assertText(metric, "name", "Discharge delays");
        assertText(metric, "unit", "hours");
        assertText(metric, "direction", "DECREASE");
        assertText(metric, "period", "WEEK");
        assertNumber(metric, "valuePerUnit", 50);
        assertThat(fieldNames(metric.get("target"))).containsExactly("changePercent", "withinDays");
        assertNumber(metric.get("target"), "changePercent", 15);
        assertInt(metric.get("target"), "withinDays", 90);

        JsonNode baseline = metric.get("baselinePoints");
        assertThat(fieldNames(baseline.get(0))).containsExactly("measuredOn", "value");
        assertThat(baseline.findValuesAsText("measuredOn")).containsExactly("2026-01-05", "2026-01-12", "2026-01-19");
        assertThat(values(baseline)).containsExactly(100.0, 110.0, 90.0);
        JsonNode followUps = metric.get("followUps");
        // in date order although 04-13 was stored first
        assertThat(followUps.findValuesAsText("measuredOn")).containsExactly(
                "2026-02-02", "2026-02-16", "2026-03-02", "2026-03-16", "2026-03-30", "2026-04-13");
        assertThat(values(followUps)).containsExactly(98.0, 95.0, 92.0, 88.0, 85.0, 84.0);

        assertNumber(metric, "centreLine", 100);                        // median of 90, 100, 110
        assertNumber(metric, "baseline", (100 + 110 + 90) / 3.0);
        assertNumber(metric, "latest", 84);                             // 04-13
        assertNumber(metric, "changePercent", (84 - 100) / 100.0 * 100); // −16
        assertNumber(metric, "improvementPercent", 16);                  // DECREASE: −change
        // 15 % below 100 is 85, reached on 03-30: 12 + 28 + 30 = 70 days after the last baseline (01-19), within 90
        assertThat(metric.get("targetMet").booleanValue()).isTrue();
        assertInt(metric, "daysToTarget", 70);
        assertNumber(metric, "pValue", ProgrammeScenario.delaysPValue());
        assertThat(ProgrammeScenario.delaysPValue()).isCloseTo(0.22902174971016087, within(1e-9));
        // Anhøj: six useful points, all below 100: one run of 6, not over round(log2 6 + 3) = 6; no crossing where
        // random variation gives at least 1 (P(X <= 0) = 1/32 < 0.05 <= P(X <= 1) for Binomial(5, 0.5))
        assertInt(metric, "longestRun", 6);
        assertInt(metric, "longestRunLimit", 6);
        assertInt(metric, "crossings", 0);
        assertInt(metric, "crossingsLimit", 1);
        // XmR from 100, 110, 90 in date order: mean 100, moving ranges 10 and 20 -> 15, limits 100 ± 2.66 × 15
        assertNumber(metric.get("xmr"), "centre", 100);
        assertNumber(metric.get("xmr"), "lower", 100 - 2.66 * 15);
        assertNumber(metric.get("xmr"), "upper", 100 + 2.66 * 15);
        assertThat(metric.get("beyondLimits")).isEmpty();                // 84 is above 60.1
        // phases: the baseline's (its median and limits), then the one rebased from 03-01, whose level comes from its
        // first three points (as many as the baseline had): 92, 88, 85 -> median 88, mean 265 / 3, ranges 4 and 3
        JsonNode phases = metric.get("phases");
        assertThat(phases.findValuesAsText("startsOn")).containsExactly("2026-01-05", "2026-03-01");
        assertNumber(phases.get(0), "centreLine", 100);
        assertInt(phases.get(1), "points", 4);
        assertNumber(phases.get(1), "centreLine", 88);
        assertNumber(phases.get(1).get("xmr"), "centre", 265 / 3.0);
        assertNumber(phases.get(1).get("xmr"), "upper", 265 / 3.0 + 2.66 * 3.5);
        // all six follow-ups below the centre line 100 (SHIFT ≥ 6); each lower than the one before (TREND ≥ 5)
        assertThat(texts(metric.get("signals"))).containsExactly("SHIFT", "TREND", "FEW_CROSSINGS");
    }

    @Test
    void anIntangibleMetricWithoutTarget() {
        JsonNode metric = getOk("/api/outcomes/" + s.engagement + "?asOf=2026-04-30");

        assertText(metric, "name", "Staff engagement");
        assertText(metric, "unit", "score");
        assertText(metric, "direction", "INCREASE");
        assertText(metric, "period", "MONTH");
        assertNull(metric, "valuePerUnit");
        assertNull(metric, "target");
        assertThat(metric.get("baselinePoints").findValuesAsText("measuredOn")).containsExactly("2026-01-31");
        assertThat(metric.get("followUps").findValuesAsText("measuredOn")).containsExactly("2026-03-31");
        assertNumber(metric, "centreLine", 60);
        assertNumber(metric, "baseline", 60);
        assertNumber(metric, "latest", 66);
        assertNumber(metric, "changePercent", (66 - 60) / 60.0 * 100);  // 10
        assertNumber(metric, "improvementPercent", 10);
        assertNull(metric, "targetMet");
        assertNull(metric, "daysToTarget");
        assertNull(metric, "pValue");                                   // fewer than 2 points on each side
        assertThat(metric.get("signals").isArray()).isTrue();
        assertThat(metric.get("signals")).isEmpty();
    }

    @Test
    void aMetricThatGotWorseMissesItsTarget() {
        JsonNode metric = getOk("/api/outcomes/" + s.agencyShifts + "?asOf=2026-04-30");

        assertNumber(metric, "valuePerUnit", 300);
        assertNumber(metric.get("target"), "changePercent", 10);
        assertInt(metric.get("target"), "withinDays", 60);
        assertNumber(metric, "centreLine", (40 + 44) / 2.0);
        assertNumber(metric, "baseline", 42);
        assertNumber(metric, "latest", 45);
        assertNumber(metric, "changePercent", (45 - 42) / 42.0 * 100);
        assertNumber(metric, "improvementPercent", -(45 - 42) / 42.0 * 100);
        assertThat(metric.get("targetMet").booleanValue()).isFalse();
        assertNull(metric, "daysToTarget");
        assertNull(metric, "pValue");
        assertThat(metric.get("signals")).isEmpty();
    }

    @Test
    void aMetricWithoutPointsHasNullNumbers() {
        JsonNode metric = getOk("/api/outcomes/" + s.confidence + "?asOf=2026-04-30");

        assertText(metric, "period", "QUARTER");
        assertThat(metric.get("baselinePoints")).isEmpty();
        assertThat(metric.get("followUps")).isEmpty();
        for (String field : new String[] {"valuePerUnit", "target", "centreLine", "baseline", "latest",
                "changePercent", "improvementPercent", "targetMet", "daysToTarget", "pValue"}) {
            assertNull(metric, field);
        }
        assertThat(metric.get("signals")).isEmpty();
    }

    private static List<Double> values(JsonNode points) {
        return points.findValues("value").stream().map(JsonNode::doubleValue).toList();
    }
}
