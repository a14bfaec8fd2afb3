package org.actionlearning.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.actionlearning.query.support.QueryServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoiTest extends QueryServiceTest {

    private ProgrammeScenario s;

    @BeforeEach
    void rows() {
        s = ProgrammeScenario.insert(db);
    }

    @Test
    void phillipsRoiOfAProgramme() {
        JsonNode roi = getOk("/api/programmes/" + s.programme + "/roi?asOf=2026-04-30");

        assertThat(fieldNames(roi)).containsExactly(
                "currency", "costs", "metrics", "intangibles", "benefits", "bcr", "roiPercent", "withoutIsolation",
                "standardsBroken", "chain");
        assertText(roi, "currency", "GBP");

        JsonNode costs = roi.get("costs");
        assertThat(fieldNames(costs)).containsExactly("total", "byCategory");
        assertNumber(costs, "total", 6000 + 1500 + 2500.5 + 4000);
        assertThat(fieldNames(costs.get("byCategory"))).containsExactly("FACILITATION", "PARTICIPANT_TIME", "VENUE");
        assertNumber(costs.get("byCategory"), "FACILITATION", 6000 + 2500.5);
        assertNumber(costs.get("byCategory"), "PARTICIPANT_TIME", 4000);
        assertNumber(costs.get("byCategory"), "VENUE", 1500);

        JsonNode metrics = roi.get("metrics");
        assertThat(metrics.findValuesAsText("name")).containsExactly("Agency shifts", "Discharge delays");

        JsonNode shifts = metrics.get(0);
        assertThat(fieldNames(shifts)).containsExactly("metricId", "name", "improvement", "periodsPerYear",
                "valuePerUnit", "isolationFactor", "isolated", "estimatesCounted", "estimatesWithheld",
                "annualBenefit");
        assertText(shifts, "metricId", s.agencyShifts);
        assertNumber(shifts, "improvement", 0);           // DECREASE, 42 → 45: max(0, 42 − 45)
        assertInt(shifts, "periodsPerYear", 12);
        assertNumber(shifts, "valuePerUnit", 300);
        assertNumber(shifts, "isolationFactor", 1.0);      // no estimates
        assertThat(shifts.get("isolated").booleanValue()).isFalse();
        assertNumber(shifts, "annualBenefit", 0 * 12 * 300 * 1.0);

        JsonNode delays = metrics.get(1);
        assertText(delays, "metricId", s.delays);
        assertNumber(delays, "improvement", 100 - 84);     // baseline mean 100, latest 84
        assertInt(delays, "periodsPerYear", 52);
        assertNumber(delays, "valuePerUnit", 50);
        assertNumber(delays, "isolationFactor",
                (80 * 50 / 10_000.0 + 60 * 100 / 10_000.0 + 50 * 100 / 10_000.0) / 3); // 0.5
        assertThat(delays.get("isolated").booleanValue()).isTrue();
        assertInt(delays, "estimatesCounted", 3);
        assertInt(delays, "estimatesWithheld", 0);
        assertNumber(delays, "annualBenefit", 16 * 52 * 50 * 0.5);                            // 20 800

        JsonNode intangibles = roi.get("intangibles");
        assertThat(intangibles.findValuesAsText("name")).containsExactly("Staff engagement", "Team confidence");
        assertThat(fieldNames(intangibles.get(0))).containsExactly("metricId", "name", "improvementPercent");
        assertText(intangibles.get(0), "metricId", s.engagement);
        assertNumber(intangibles.get(0), "improvementPercent", (66 - 60) / 60.0 * 100);
        assertText(intangibles.get(1), "metricId", s.confidence);
        assertNull(intangibles.get(1), "improvementPercent");                                // no points

        assertNumber(roi, "benefits", 20800 + 0);
        assertNumber(roi, "bcr", 20800 / 14000.5);
        assertNumber(roi, "roiPercent", (20800 - 14000.5) / 14000.5 * 100);

        // crediting the programme with all of the delays' improvement: 16 × 52 × 50 = 41,600
        JsonNode unisolated = roi.get("withoutIsolation");
        assertNumber(unisolated, "benefits", 16 * 52 * 50);
        assertNumber(unisolated, "bcr", 41600 / 14000.5);
        assertNumber(unisolated, "roiPercent", (41600 - 14000.5) / 14000.5 * 100);
        // the estimates' confidence is 50%, 100% and 100% (not under 50%); agency shifts did not improve, so need none
        assertThat(roi.get("standardsBroken")).isEmpty();
    }

    @Test
    void withoutCostsThereIsNoRatio() {
        JsonNode roi = getOk("/api/programmes/" + s.emptyProgramme + "/roi");

        assertText(roi, "currency", "EUR");
        assertNumber(roi.get("costs"), "total", 0);
        assertThat(fieldNames(roi.get("costs").get("byCategory"))).isEmpty();
        assertThat(roi.get("metrics")).isEmpty();
        assertThat(roi.get("intangibles")).isEmpty();
        assertNumber(roi, "benefits", 0);
        assertNull(roi, "bcr");
        assertNull(roi, "roiPercent");
    }
}
