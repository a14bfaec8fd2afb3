package org.actionlearning.query.timetravel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.actionlearning.events.learningset.QuestionForm;
import org.actionlearning.events.learningset.StatementKind;
import org.actionlearning.events.programme.CostCategory;
import org.actionlearning.projection.ProjectionBatch;
import org.actionlearning.query.support.QueryServiceTest;
import org.actionlearning.testsupport.HttpJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A programme's dashboard as of several dates and as recorded by several instants, every figure computed by hand
 * from the dated events below (business date / instant stored):
 *
 * <pre>
 * Set S: A, B, C, D joined 01-05 (stored 01-05).
 * M1 held 02-02 (stored 02-02), A B C: A presents; B an open question and advice; C a closed question
 *    contributions A 0, B 2, C 1: gini = 8 / (2 · 9 · 1) = 4/9.   X1 (A) committed 02-02 due 02-20.
 * cost 1000 incurred 02-01 (stored 02-02).  Metric O (DECREASE, WEEK, 10/unit): baseline 100, 100 (01-12, 01-19).
 * X1 completed 02-18 (stored 02-18), 16 days, on time.
 * follow-up 90 on 03-01 (stored 03-01).   M2 held 03-02 (stored 03-02), A B C D: A, D open questions, C reflects
 *    contributions 1, 0, 1, 1: gini = 6 / (2 · 16 · 3/4) = 1/4.   X2 (D) committed 03-02 due 03-10.
 * three estimates on 03-05 (stored 03-05 09:00, 09:01, 09:02): 50% × 100%, 100% × 50%, 50% × 100%: isolation
 *    (0.5 + 0.5 + 0.5) / 3 = 0.5 (estimates count in whole groups of three).
 * late: M3 held 03-16 but stored 03-25, A B C: B an open and a closed question; contributions 0, 2, 0: gini 2/3.
 * late: X2 completed 03-09, stored 03-26 (on time, 7 days).   correction: the 03-01 follow-up is 80 (stored 03-27).
 * </pre>
 */
class DashboardInThePastTest extends QueryServiceTest {

    @Autowired
    ProjectionBatch batch;

    private final UUID programme = UUID.randomUUID();
    private final UUID set = UUID.randomUUID();
    private final UUID metric = UUID.randomUUID();
    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();
    private final UUID d = UUID.randomUUID();
    private final UUID x1 = UUID.randomUUID();
    private final UUID x2 = UUID.randomUUID();

    private final DatedProgramme log = new DatedProgramme(programme, set);

    @BeforeEach
    void events() {
        UUID m1 = UUID.randomUUID();
        UUID m2 = UUID.randomUUID();
        UUID m3 = UUID.randomUUID();
        UUID ch1 = UUID.randomUUID();
        log.launched("Past views")
                .setFormed("S", List.of(a, b, c, d))
                .metric("2026-01-20T09:00:00Z", metric, null, BigDecimal.TEN)
                .baseline("2026-01-20T09:01:00Z", metric, "01-12", "100")
                .baseline("2026-01-20T09:02:00Z", metric, "01-19", "100")
                .meeting("2026-02-02T10:00:00Z", m1, "02-02", List.of(a, b, c))
                .presented("2026-02-02T10:05:00Z", m1, ch1, a, "T")
                .asked("2026-02-02T10:06:00Z", m1, ch1, b, QuestionForm.OPEN)
                .asked("2026-02-02T10:07:00Z", m1, ch1, c, QuestionForm.CLOSED)
                .said("2026-02-02T10:08:00Z", m1, ch1, b, StatementKind.ADVICE)
                .closed("2026-02-02T12:00:00Z", m1, "02-02")
                .committed("2026-02-02T12:01:00Z", x1, m1, ch1, a, "02-02", "02-20")
                .cost("2026-02-02T13:00:00Z", CostCategory.FACILITATION, "1000", "02-01")
                .completed("2026-02-18T09:00:00Z", x1, "02-18")
                .measured("2026-03-01T09:00:00Z", metric, "03-01", "90")
                .meeting("2026-03-02T10:00:00Z", m2, "03-02", List.of(a, b, c, d))
                .asked("2026-03-02T10:06:00Z", m2, ch1, a, QuestionForm.OPEN)
                .asked("2026-03-02T10:07:00Z", m2, ch1, d, QuestionForm.OPEN)
                .said("2026-03-02T10:08:00Z", m2, ch1, c, StatementKind.REFLECTION)
                .closed("2026-03-02T12:00:00Z", m2, "03-02")
                .committed("2026-03-02T12:01:00Z", x2, m2, ch1, d, "03-02", "03-10")
                .estimated("2026-03-05T09:00:00Z", metric, 50, 100, "03-05")
                .estimated("2026-03-05T09:01:00Z", metric, 100, 50, "03-05")
                .estimated("2026-03-05T09:02:00Z", metric, 50, 100, "03-05")
                .project(batch);

        // the late entries and the correction, stored after 20 March
        log.meeting("2026-03-25T09:00:00Z", m3, "03-16", List.of(a, b, c))
                .asked("2026-03-25T09:01:00Z", m3, ch1, b, QuestionForm.OPEN)
                .asked("2026-03-25T09:02:00Z", m3, ch1, b, QuestionForm.CLOSED)
                .closed("2026-03-25T09:03:00Z", m3, "03-16")
                .completed("2026-03-26T09:00:00Z", x2, "03-09")
                .measured("2026-03-27T09:00:00Z", metric, "03-01", "80")
                .project(batch);
    }

    /** Before anything happened: no set yet (it counts from its first meeting), nothing held. */
    @Test
    void asOfADateBeforeTheFirstMeeting() {
        JsonNode dashboard = dashboard("?asOf=2026-01-10");
        assertCounts(dashboard, 0, 4, 0, 0, 0, 0);
        assertThat(dashboard.get("followThrough").isNull()).isTrue();
        assertNumber(dashboard.get("roi"), "costs", 0);
    }

    /** 10 February: M1 only; X1 still open (completed 02-18), not yet due; no follow-up yet, so no benefit. */
    @Test
    void asOfTenFebruary() {
        JsonNode dashboard = dashboard("?asOf=2026-02-10");
        assertCounts(dashboard, 1, 4, 1, 1, 2, 1);
        assertFollowThrough(dashboard, 1, 0, 1, 0);
        assertNull(dashboard.get("followThrough"), "onTimeRate");
        assertNumber(dashboard.get("participation"), "meanGini", 4.0 / 9);
        assertRoi(dashboard, 0, 1000);
    }

    /**
     * 20 March as recorded on 20 March (the report issued then): M1 and M2; X2 open and overdue; latest 90, so
     * 10 × 52 × 10 × 0.5 = 2600 of benefit against 1000; mean gini (4/9 + 1/4) / 2 = 25/72.
     */
    @Test
    void asOfTwentyMarchAsRecordedThen() {
        JsonNode dashboard = dashboard("?asOf=2026-03-20&recordedBy=2026-03-20T00:00:00Z");
        assertCounts(dashboard, 1, 4, 2, 1, 4, 2);
        assertFollowThrough(dashboard, 2, 1, 1, 1);
        assertNumber(dashboard.get("followThrough"), "medianDaysToComplete", 16);
        assertNumber(dashboard.get("participation"), "meanGini", 25.0 / 72);
        assertRoi(dashboard, 2600, 1000);
        JsonNode actions = getOk("/api/programmes/" + programme + "/actions?asOf=2026-03-20"
                + "&recordedBy=2026-03-20T00:00:00Z");
        assertThat(actions.findValuesAsText("status")).containsExactly("COMPLETED", "OPEN");
    }

    /**
     * 20 March as known now: the late M3 and X2's late completion (03-09, on time) count, and the corrected 80:
     * 3 meetings, 6 questions; 2 of 2 completed, median (16 + 7) / 2 = 11.5; gini (4/9 + 1/4 + 2/3) / 3 = 49/108;
     * 20 × 52 × 10 × 0.5 = 5200.
     */
    @Test
    void asOfTwentyMarchAsKnownNow() {
        JsonNode dashboard = dashboard("?asOf=2026-03-20");
        assertCounts(dashboard, 1, 4, 3, 1, 6, 2);
        assertFollowThrough(dashboard, 2, 2, 0, 0);
        assertNumber(dashboard.get("followThrough"), "medianDaysToComplete", 11.5);
        assertNumber(dashboard.get("participation"), "meanGini", 49.0 / 108);
        assertRoi(dashboard, 5200, 1000);
        // the same figures from the dated rows (the path of a past instant) as from the read models
        JsonNode fromFacts = dashboard("?asOf=2026-03-20&recordedBy=2030-01-01T00:00:00Z");
        assertThat(fromFacts.get("counts")).isEqualTo(dashboard.get("counts"));
        assertThat(fromFacts.get("followThrough")).isEqualTo(dashboard.get("followThrough"));
        assertThat(fromFacts.get("roi")).isEqualTo(dashboard.get("roi"));
        assertNumber(fromFacts.get("participation"), "meanGini", 49.0 / 108);
    }

    /** The per-set row and the ROI answer take the same view. */
    @Test
    void theSetRowAndTheRoiAsRecordedThen() {
        JsonNode row = getOk("/api/programmes/" + programme + "/sets?asOf=2026-03-20&recordedBy=2026-03-20T00:00:00Z")
                .get(0);
        assertInt(row, "meetingsHeld", 2);
        assertInt(row, "actionsCommitted", 2);
        assertNumber(row, "completionRate", 0.5);
        JsonNode roi = getOk("/api/programmes/" + programme + "/roi?asOf=2026-03-20&recordedBy=2026-03-20T00:00:00Z");
        assertNumber(roi, "benefits", 2600);
        JsonNode metricThen = getOk("/api/outcomes/" + metric + "?asOf=2026-03-20&recordedBy=2026-03-20T00:00:00Z");
        assertNumber(metricThen, "latest", 90);
        assertNumber(getOk("/api/outcomes/" + metric), "latest", 80);
    }

    /**
     * Since the report of 20 March (as of 20 March): the late meeting, its two questions, X2's late completion and
     * the correction moved these figures, and are the records listed, in the order they were stored.
     */
    @Test
    void whatChangedSinceTheReportOfTwentyMarch() {
        JsonNode changes = getOk("/api/programmes/" + programme + "/changes?asOf=2026-03-20"
                + "&from=2026-03-20T00:00:00Z&to=2026-04-01T00:00:00Z");
        java.util.Map<String, JsonNode> moved = new java.util.HashMap<>();
        changes.get("figures").forEach(f -> moved.put(f.get("figure").asText(), f));
        assertMoved(moved, "counts/meetingsHeld", 2, 3);
        assertMoved(moved, "counts/questionsAsked", 4, 6);
        assertMoved(moved, "followThrough/completed", 1, 2);
        assertMoved(moved, "followThrough/overdue", 1, 0);
        assertMoved(moved, "followThrough/medianDaysToComplete", 16, 11.5);
        assertMoved(moved, "roi/benefits", 2600, 5200);
        assertMoved(moved, "outcomes/" + metric + "/latest", 90, 80);
        assertThat(moved).doesNotContainKeys("counts/statementsMade", "counts/challengesPresented", "roi/costs",
                "followThrough/committed");
        assertThat(changes.get("events").findValuesAsText("type")).containsExactly("MeetingOpened",
                "QuestionAsked", "QuestionAsked", "ActionCompleted", "MeasurementRecorded");
        assertThat(changes.get("events").findValuesAsText("businessDate")).containsExactly("2026-03-16",
                "2026-03-16", "2026-03-16", "2026-03-09", "2026-03-01");
        assertText(changes.get("events").get(3), "recordedAt", "2026-03-26T09:00:00Z");
    }

    /**
     * Since the report of 20 March on the dashboard page, the page recorded by 1 April: the same figures moved as
     * in {@link #whatChangedSinceTheReportOfTwentyMarch}, e.g. meetings held 2 → 3 and benefits 2600 → 5200.
     */
    @Test
    void theDashboardPageShowsWhatChangedSinceTheLastReport() {
        String page = page("/programmes/" + programme + "?asOf=2026-03-20&recordedBy=2026-04-01T00:00:00Z"
                + "&since=2026-03-20+00:00:00+UTC");
        assertThat(page).contains("Since the last report")
                .contains("<th scope=\"row\">counts/meetingsHeld</th><td class=\"n\" data-label=\"Was\">2</td>"
                        + "<td class=\"n\" data-label=\"Is\">3</td>")
                .contains("<th scope=\"row\">roi/benefits</th><td class=\"n\" data-label=\"Was\">2,600</td>"
                        + "<td class=\"n\" data-label=\"Is\">5,200</td>")
                .contains("<td data-label=\"Record\">ActionCompleted</td><td data-label=\"About\">2026-03-09</td>"
                        + "<td data-label=\"Recorded\">2026-03-26 09:00:00 UTC</td>")
                // the fields show instants as the page prints them, and take them back so (the since above)
                .contains("value=\"2026-04-01 00:00:00\"");
        // every figure of the page as recorded by 20 March: 2 meetings held, 4 questions
        String then = page("/programmes/" + programme + "?asOf=2026-03-20&recordedBy=2026-03-20");
        assertThat(then).contains("data-field=\"/counts/meetingsHeld\" data-scale=\"1.0\">2<")
                .contains("data-field=\"/counts/questionsAsked\" data-scale=\"1.0\">4<")
                .contains("figure=questionsAsked&amp;asOf=2026-03-20&amp;recordedBy=2026-03-20T00:00:00Z");
        assertThat(page("/programmes/" + programme + "?asOf=2026-03-20"))
                .contains("data-field=\"/counts/meetingsHeld\" data-scale=\"1.0\">3<");
    }

    /**
     * Without a since, the dashboard page leaves "since the last report" to be asked for: no comparison is worked
     * out, and the form offers a week before the page's recorded-by instant (1 April less 7 days: 25 March).
     */
    @Test
    void theDashboardPageComparesOnlyWhenAsked() {
        String page = page("/programmes/" + programme + "?asOf=2026-03-20&recordedBy=2026-04-01T00:00:00Z");
        assertThat(page).contains("Since the last report")
                .contains("id=\"since\" name=\"since\" value=\"2026-03-25 00:00:00\"")
                .contains("worked out when you press Compare")
                .doesNotContain("moved-figures").doesNotContain("recorded-events").doesNotContain("No figure moved");
    }

    /** The meetings behind "meetings held" as reported on 20 March: M1 and M2, without M3 (stored later). */
    @Test
    void explainMeetingsHeldAsRecordedThen() {
        JsonNode explained = explain("meetingsHeld", "&asOf=2026-03-20&recordedBy=2026-03-20T00:00:00Z");
        assertInt(explained, "count", 2);
        JsonNode records = explained.get("records");
        assertThat(records.findValuesAsText("type")).containsExactly("MeetingOpened", "MeetingOpened");
        assertThat(records.findValuesAsText("businessDate")).containsExactly("2026-02-02", "2026-03-02");
        assertThat(records.findValuesAsText("recordedAt")).containsExactly("2026-02-02T10:00:00Z",
                "2026-03-02T10:00:00Z");
        // dates and types only: no person, no text, no id of anything; the recorder by role (these envelopes
        // name none: unknown)
        records.forEach(r -> assertThat(fieldNames(r)).containsExactlyInAnyOrder("type", "businessDate",
                "recordedAt", "recordedBy"));
        assertThat(records.findValuesAsText("role")).containsExactly("unknown", "unknown");
    }

    /**
     * As known now, as of 20 March: 6 questions (B, C at M1; A, D at M2; B twice at M3), 2 statements; actions
     * X1 and X2 committed and completed (02-18, 03-09), none overdue. As recorded by 20 March X2 is overdue
     * (due 03-10). A meeting of two (A, B on 03-18, stored 03-28) with a question adds nothing.
     */
    @Test
    void explainCountsAndFollowThrough() {
        UUID small = UUID.randomUUID();
        log.meeting("2026-03-28T09:00:00Z", small, "03-18", List.of(a, b))
                .asked("2026-03-28T09:01:00Z", small, UUID.randomUUID(), a, QuestionForm.OPEN)
                .project(batch);

        JsonNode questions = explain("questionsAsked", "&asOf=2026-03-20");
        assertInt(questions, "count", 6);
        assertThat(questions.get("records").findValuesAsText("businessDate")).containsExactly("2026-02-02",
                "2026-02-02", "2026-03-02", "2026-03-02", "2026-03-16", "2026-03-16");
        assertInt(explain("statementsMade", "&asOf=2026-03-20"), "count", 2);
        assertInt(explain("challengesPresented", "&asOf=2026-03-20"), "count", 1);
        assertInt(explain("meetingsHeld", "&asOf=2026-03-20"), "count", 3);
        assertCounts(dashboard("?asOf=2026-03-20"), 1, 4, 3, 1, 6, 2);
        JsonNode completed = explain("completed", "&asOf=2026-03-20");
        assertThat(completed.get("records").findValuesAsText("businessDate")).containsExactly("2026-02-18",
                "2026-03-09");
        assertThat(completed.get("records").findValuesAsText("type")).containsOnly("ActionCompleted");
        assertInt(explain("committed", "&asOf=2026-03-20"), "count", 2);
        assertInt(explain("overdue", "&asOf=2026-03-20"), "count", 0);
        assertInt(explain("abandoned", "&asOf=2026-03-20"), "count", 0);
        JsonNode overdueThen = explain("overdue", "&asOf=2026-03-20&recordedBy=2026-03-20T00:00:00Z");
        assertInt(overdueThen, "count", 1);
        assertText(overdueThen.get("records").get(0), "businessDate", "2026-03-02");
        assertText(overdueThen.get("records").get(0), "dueOn", "2026-03-10");
    }

    /** The page of the records behind "overdue" as reported on 20 March: X2, committed 03-02, due 03-10. */
    @Test
    void theExplanationPageListsTheRecords() {
        String page = page("/programmes/" + programme + "/explain?figure=overdue&asOf=2026-03-20"
                + "&recordedBy=2026-03-20T00:00:00Z");
        assertThat(page).contains("Actions overdue: 1, as of 2026-03-20, as recorded by 2026-03-20 00:00:00 UTC.")
                .contains("<td data-label=\"Record\">ActionCommitted</td><td data-label=\"About\">2026-03-02</td>"
                        + "<td data-label=\"Due\">2026-03-10</td>"
                        + "<td data-label=\"Recorded\">2026-03-02 12:01:00 UTC</td>");
        HttpJson.Response unknown = http.send("GET", "/programmes/" + programme + "/explain?figure=gini", null,
                java.util.Map.of("Accept", "text/html"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.raw()).contains("is not a valid figure");
    }

    /**
     * The ROI's sums explained, without names: costs as of 20 March are the 1000 incurred 02-01; benefits as recorded
     * on 20 March come from the two baselines (100 each), the follow-up of 03-01 as it stood then (90) and the
     * three estimates of 03-05 (0.5 each); as known now the follow-up is the corrected 80, recorded 03-27. As of 10
     * February only the baselines.
     */
    @Test
    void explainCostsAndBenefits() {
        JsonNode costs = explain("costs", "&asOf=2026-03-20");
        assertInt(costs, "count", 1);
        assertText(costs.get("records").get(0), "type", "ProgrammeCostRecorded");
        assertText(costs.get("records").get(0), "businessDate", "2026-02-01");
        assertNumber(costs.get("records").get(0), "value", 1000);
        assertText(costs.get("records").get(0), "about", "FACILITATION");

        JsonNode then = explain("benefits", "&asOf=2026-03-20&recordedBy=2026-03-20T00:00:00Z");
        assertThat(then.get("records").findValuesAsText("type")).containsExactly("BaselineRecorded",
                "BaselineRecorded", "MeasurementRecorded", "AttributionEstimated", "AttributionEstimated",
                "AttributionEstimated");
        assertThat(then.get("records").findValues("value").stream().map(JsonNode::doubleValue).toList())
                .containsExactly(100.0, 100.0, 90.0, 0.5, 0.5, 0.5);
        then.get("records").forEach(r -> assertText(r, "about", metric));
        JsonNode now = explain("benefits", "&asOf=2026-03-20");
        assertNumber(now.get("records").get(2), "value", 80);
        assertText(now.get("records").get(2), "recordedAt", "2026-03-27T09:00:00Z");
        assertThat(explain("benefits", "&asOf=2026-02-10").get("records").findValuesAsText("type"))
                .containsExactly("BaselineRecorded", "BaselineRecorded");
        now.get("records").forEach(r -> assertThat(r.has("person")).isFalse());
        assertThat(page("/programmes/" + programme + "/roi?asOf=2026-03-20&recordedBy=2026-03-20T00:00:00Z"))
                .contains("/api/programmes/" + programme + "/explain?figure=costs&amp;asOf=2026-03-20"
                        + "&amp;recordedBy=2026-03-20T00:00:00Z\"")
                .contains("/api/programmes/" + programme + "/explain?figure=benefits&amp;asOf=2026-03-20"
                        + "&amp;recordedBy=2026-03-20T00:00:00Z\"");
    }

    /** An unknown figure is a 400 problem naming the parameter figure. */
    @Test
    void explainingAnUnknownFigureNamesTheParameter() {
        HttpJson.Response response = http.get("/api/programmes/" + programme + "/explain?figure=gini");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertText(response.body().get("errors").get(0), "field", "figure");
    }

    private JsonNode explain(String figure, String query) {
        return getOk("/api/programmes/" + programme + "/explain?figure=" + figure + query);
    }

    /** The page's HTML with the whitespace between tags taken out. */
    private String page(String path) {
        HttpJson.Response response = http.send("GET", path, null, java.util.Map.of("Accept", "text/html"));
        assertThat(response.status()).as("status of GET %s: %s", path, response.raw()).isEqualTo(200);
        return response.raw().replaceAll(">\\s+<", "><").replaceAll(">\\s+", ">").replaceAll("\\s+<", "<");
    }

    private static void assertMoved(java.util.Map<String, JsonNode> moved, String figure, double from, double to) {
        assertThat(moved).as("moved figures").containsKey(figure);
        assertNumber(moved.get(figure), "from", from);
        assertNumber(moved.get(figure), "to", to);
    }

    private JsonNode dashboard(String query) {
        return getOk("/api/programmes/" + programme + "/dashboard" + query);
    }

    private static void assertCounts(JsonNode dashboard, int sets, int members, int meetings, int challenges,
                                     int questions, int statements) {
        JsonNode counts = dashboard.get("counts");
        assertInt(counts, "sets", sets);
        assertInt(counts, "members", members);
        assertInt(counts, "meetingsHeld", meetings);
        assertInt(counts, "challengesPresented", challenges);
        assertInt(counts, "questionsAsked", questions);
        assertInt(counts, "statementsMade", statements);
    }

    private static void assertFollowThrough(JsonNode dashboard, int committed, int completed, int open, int overdue) {
        JsonNode followThrough = dashboard.get("followThrough");
        assertInt(followThrough, "committed", committed);
        assertInt(followThrough, "completed", completed);
        assertInt(followThrough, "abandoned", 0);
        assertInt(followThrough, "open", open);
        assertInt(followThrough, "overdue", overdue);
        assertNumber(followThrough, "completionRate", (double) completed / committed);
        if (completed > 0) {
            assertNumber(followThrough, "onTimeRate", 1.0);
        }
    }

    private static void assertRoi(JsonNode dashboard, double benefits, double costs) {
        JsonNode roi = dashboard.get("roi");
        assertNumber(roi, "benefits", benefits);
        assertNumber(roi, "costs", costs);
        assertNumber(roi, "bcr", benefits / costs);
        assertNumber(roi, "roiPercent", (benefits - costs) / costs * 100);
    }
}
