package org.actionlearning.query.web;

import static org.actionlearning.query.jooq.Tables.MEETING_FIGURES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.actionlearning.query.support.QueryServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DashboardTest extends QueryServiceTest {

    // Per opened meeting, over its attendees (see FairnessTest for the working):
    //   M1 contributions 0, 3, 1: gini 0.5, entropy −(¾ ln ¾ + ¼ ln ¼) / ln 3, question focus 3 / (3 + 1),
    //      open-question ratio 2 / 3
    //   M2 contributions 2, 0, 2, 2: gini 0.25, entropy ln 3 / ln 4, question focus 6 / 6, open-question ratio 2 / 6
    //   M4 and M5 are Set Beta's, which has had 2 people: left out of every figure
    private static final double M1_ENTROPY = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)) / Math.log(3);
    private static final double M2_ENTROPY = Math.log(3) / Math.log(4);

    private ProgrammeScenario s;

    @BeforeEach
    void rows() {
        s = ProgrammeScenario.insert(db);
    }

    @Test
    void dashboardOfAProgrammeAsOfADate() {
        JsonNode dashboard = getOk("/api/programmes/" + s.programme + "/dashboard?asOf=2026-04-01");

        assertThat(fieldNames(dashboard)).containsExactly(
                "programmeId", "name", "counts", "followThrough", "participation", "outcomes", "roi", "withheld",
                "safety");
        // Set Beta's meetings had 2 attendees: in no figure below (SetBreakdownTest shows its row withheld)
        assertThat(dashboard.get("withheld")).extracting(w -> w.get("section").asText())
                .containsExactly("meetings");
        assertText(dashboard, "programmeId", s.programme);
        assertText(dashboard, "name", "Leading Change");

        JsonNode counts = dashboard.get("counts");
        assertThat(fieldNames(counts)).containsExactly(
                "sets", "members", "meetingsHeld", "challengesPresented", "questionsAsked", "statementsMade");
        assertInt(counts, "sets", 2);
        assertInt(counts, "members", 4);              // Ann, Ben, Cat, Eve (Dan left)
        assertInt(counts, "meetingsHeld", 2);         // M1, M2 (M3 not opened; M4 and M5 are Beta's)
        assertInt(counts, "challengesPresented", 3);  // Ann in M1, Ben and Dan in M2 (Eve's in M4 is Beta's)
        assertInt(counts, "questionsAsked", 9);       // M1: 2 + 1; M2: 2 + 2 + 2
        assertInt(counts, "statementsMade", 1);       // M1: Ben 1 (Ann's 2 in M4 are Beta's)

        JsonNode followThrough = dashboard.get("followThrough");
        assertThat(fieldNames(followThrough)).containsExactly("committed", "completed", "abandoned", "open",
                "overdue", "completionRate", "onTimeRate", "medianDaysToComplete");
        assertInt(followThrough, "committed", 3);    // X1, X2, X3: X4 and X5 are Beta's
        assertInt(followThrough, "completed", 2);    // X1, X2
        assertInt(followThrough, "abandoned", 0);
        assertInt(followThrough, "open", 1);         // X3
        assertInt(followThrough, "overdue", 1);      // X3 due 03-30 < 04-01
        assertNumber(followThrough, "completionRate", 2.0 / 3);
        assertNumber(followThrough, "onTimeRate", 1.0 / 2);            // X1 on time (02-16 ≤ 02-20), X2 late
        assertNumber(followThrough, "medianDaysToComplete", (14 + 23) / 2.0); // 02-02→02-16 = 14, 03-02→03-25 = 23

        JsonNode participation = dashboard.get("participation");
        assertThat(fieldNames(participation)).containsExactly("meetings", "meanGini", "meanNormalisedEntropy",
                "meanQuestionFocus", "meanOpenQuestionRatio");
        assertInt(participation, "meetings", 2);                                         // M1, M2
        assertNumber(participation, "meanGini", (0.5 + 0.25) / 2);
        assertNumber(participation, "meanNormalisedEntropy", (M1_ENTROPY + M2_ENTROPY) / 2);
        assertNumber(participation, "meanQuestionFocus", (0.75 + 1.0) / 2);
        assertNumber(participation, "meanOpenQuestionRatio", (2.0 / 3 + 2.0 / 6) / 2);

        // the last follow-up is measured on 04-13: outcomes and ROI as of the end of April count every point
        JsonNode endOfApril = getOk("/api/programmes/" + s.programme + "/dashboard?asOf=2026-04-30");
        JsonNode outcomes = endOfApril.get("outcomes");
        assertThat(outcomes.findValuesAsText("name"))
                .containsExactly("Agency shifts", "Discharge delays", "Staff engagement", "Team confidence");

        JsonNode shifts = outcomes.get(0);
        assertThat(fieldNames(shifts)).containsExactly("metricId", "name", "unit", "direction", "baseline", "latest",
                "changePercent", "improvementPercent", "targetMet", "daysToTarget", "pValue", "longestRun",
                "crossings", "xmr", "beyondLimits", "interventions", "signals");
        assertText(shifts, "metricId", s.agencyShifts);
        assertText(shifts, "unit", "shifts");
        assertText(shifts, "direction", "DECREASE");
        assertNumber(shifts, "baseline", (40 + 44) / 2.0);
        assertNumber(shifts, "latest", 45);
        assertNumber(shifts, "changePercent", (45 - 42) / 42.0 * 100);
        assertNumber(shifts, "improvementPercent", -(45 - 42) / 42.0 * 100);
        assertThat(shifts.get("targetMet").booleanValue()).isFalse();
        assertNull(shifts, "daysToTarget");
        assertNull(shifts, "pValue");                 // a single follow-up
        assertThat(shifts.get("signals")).isEmpty();

        JsonNode delays = outcomes.get(1);
        assertText(delays, "metricId", s.delays);
        assertText(delays, "name", "Discharge delays");
        assertText(delays, "unit", "hours");
        assertText(delays, "direction", "DECREASE");
        assertNumber(delays, "baseline", (100 + 110 + 90) / 3.0);
        assertNumber(delays, "latest", 84);
        assertNumber(delays, "changePercent", (84 - 100) / 100.0 * 100);
        assertNumber(delays, "improvementPercent", 16);
        assertThat(delays.get("targetMet").booleanValue()).isTrue();
        assertInt(delays, "daysToTarget", 70);        // 85 on 03-30 is 15 % below 100; 01-19 → 03-30 = 12 + 28 + 30
        assertNumber(delays, "pValue", ProgrammeScenario.delaysPValue());
        assertInt(delays, "longestRun", 6);
        assertInt(delays, "crossings", 0);
        assertNumber(delays.get("xmr"), "lower", 100 - 2.66 * 15);  // mean 100, moving ranges 10 and 20
        assertThat(texts(delays.get("signals"))).containsExactly("SHIFT", "TREND", "FEW_CROSSINGS");

        JsonNode engagement = outcomes.get(2);
        assertText(engagement, "metricId", s.engagement);
        assertText(engagement, "direction", "INCREASE");
        assertNumber(engagement, "baseline", 60);
        assertNumber(engagement, "latest", 66);
        assertNumber(engagement, "changePercent", (66 - 60) / 60.0 * 100);
        assertNumber(engagement, "improvementPercent", 10);
        assertNull(engagement, "targetMet");          // no target
        assertNull(engagement, "daysToTarget");
        assertNull(engagement, "pValue");
        assertThat(engagement.get("signals")).isEmpty();

        JsonNode confidence = outcomes.get(3);
        assertText(confidence, "metricId", s.confidence);
        for (String field : new String[] {"baseline", "latest", "changePercent", "improvementPercent", "targetMet",
                "daysToTarget", "pValue"}) {
            assertNull(confidence, field);
        }
        assertThat(confidence.get("signals")).isEmpty();

        JsonNode roi = endOfApril.get("roi");
        assertThat(fieldNames(roi)).containsExactly("benefits", "costs", "bcr", "roiPercent");
        // Discharge delays: (100 − 84) h/week × 52 × 50 × mean(0.8 × 0.5, 0.6 × 1.0) = 16 × 52 × 50 × 0.5 = 20 800;
        // Agency shifts got worse: improvement 0, benefit 0. Costs 6000 + 1500 + 2500.5 + 4000 = 14 000.5
        assertNumber(roi, "benefits", 20800);
        assertNumber(roi, "costs", 14000.5);
        assertNumber(roi, "bcr", 20800 / 14000.5);
        assertNumber(roi, "roiPercent", (20800 - 14000.5) / 14000.5 * 100);
    }

    /**
     * The projection stores a closed meeting's figures when it closes; the dashboard then reads them instead of the
     * counts (the scenario's rows have none stored, so the test above computes every meeting from its counts). Stored
     * figures that differ from M1's counts show which one was read.
     */
    @Test
    void aClosedMeetingsStoredFiguresAreReadInsteadOfItsCounts() {
        var f = MEETING_FIGURES;
        db.insertInto(f).set(f.MEETING_ID, s.m1).set(f.SET_ID, s.alpha).set(f.PROGRAMME_ID, s.programme)
                .set(f.ATTENDEES, 3).set(f.GINI, 0.8).set(f.NORMALISED_ENTROPY, 0.3).set(f.DOMINANCE, 2.1)
                .set(f.QUESTION_FOCUS, 0.1).set(f.OPEN_QUESTION_RATIO, (Double) null)
                .execute();

        JsonNode participation = getOk("/api/programmes/" + s.programme + "/dashboard?asOf=2026-04-01")
                .get("participation");

        assertInt(participation, "meetings", 2);
        assertNumber(participation, "meanGini", (0.8 + 0.25) / 2);
        assertNumber(participation, "meanNormalisedEntropy", (0.3 + M2_ENTROPY) / 2);
        assertNumber(participation, "meanQuestionFocus", (0.1 + 1.0) / 2);
        assertNumber(participation, "meanOpenQuestionRatio", 2.0 / 6);          // M1's is stored as none now
        JsonNode alpha = getOk("/api/programmes/" + s.programme + "/sets?asOf=2026-04-01").get(0);
        assertText(alpha, "setId", s.alpha);
        assertNumber(alpha, "meanGini", (0.8 + 0.25) / 2);
    }

    @Test
    void overdueIsAsOfTodayInUtcWhenNoDateIsGiven() {
        JsonNode followThrough = getOk("/api/programmes/" + s.programme + "/dashboard").get("followThrough");

        // today is 2026-04-05: X3 (due 03-30) is overdue (X4, also overdue, is Beta's)
        assertInt(followThrough, "overdue", 1);
        assertInt(followThrough, "open", 1);
    }

    /** The rule of docs/trust.md: no aggregate over fewer than 3 people; the empty programme has none. */
    @Test
    void aProgrammeOfFewerThanThreePeopleHasItsFollowThroughAndParticipationWithheld() {
        JsonNode dashboard = getOk("/api/programmes/" + s.emptyProgramme + "/dashboard?asOf=2026-04-01");

        assertText(dashboard, "name", "Quiet Programme");
        JsonNode counts = dashboard.get("counts");
        for (String field : new String[] {"sets", "members", "meetingsHeld", "challengesPresented", "questionsAsked",
                "statementsMade"}) {
            assertInt(counts, field, 0);
        }
        assertThat(dashboard.get("followThrough").isNull()).isTrue();
        assertThat(dashboard.get("participation").isNull()).isTrue();
        assertThat(dashboard.get("withheld")).extracting(w -> w.get("section").asText())
                .containsExactly("followThrough", "participation", "meetings");
        assertThat(dashboard.get("withheld")).allSatisfy(w ->
                assertThat(w.get("reason").asText()).contains("fewer than 3 people"));
        assertThat(dashboard.get("outcomes").isArray()).isTrue();
        assertThat(dashboard.get("outcomes")).isEmpty();
        JsonNode roi = dashboard.get("roi");
        assertNumber(roi, "benefits", 0);
        assertNumber(roi, "costs", 0);
        assertNull(roi, "bcr");                       // no costs
        assertNull(roi, "roiPercent");
    }
}
