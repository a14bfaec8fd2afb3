package org.actionlearning.query.timetravel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.events.learningset.PulseContributed;
import org.actionlearning.events.learningset.QuestionForm;
import org.actionlearning.events.learningset.ReflectionRecorded;
import org.actionlearning.events.learningset.StatementKind;
import org.actionlearning.events.personaldata.PersonErased;
import org.actionlearning.projection.ProjectionBatch;
import org.actionlearning.query.support.QueryServiceTest;
import org.actionlearning.testsupport.HttpJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The set's own reads (fairness audit, record, safety) and the ROI's chain of impact as of several dates and as
 * recorded by several instants, and overdue with the due date in force then; every figure computed by hand from the
 * dated events below (business date / instant stored). Today is 2026-04-05; the pulse window is 7 days.
 *
 * <pre>
 * Set S: Ann (A), Ben (B), Cat (C), Dan (D) joined 01-05 (stored 01-05).
 * M1 held 02-02 (stored 02-02 10:00), A B C: A presents (10:05); B an open question (10:06), C a closed question
 *    (10:07), B advice (10:08); C reflects (10:09). Counts A 0, B 2, C 1.
 *    Pulse: 3 responses, every item 4 (score 4), usefulness 2. Window closes 02-09.
 *    X1 (B) committed 02-02 due 02-20 (stored 02-02 12:01).
 * X1 rescheduled to 03-20 (stored 02-25), then to 04-30 (stored 03-25).
 * M2 held 03-02 but stored late, 03-12 09:00, A B C D: D presents (09:01); A an open question (09:02),
 *    D a reflection statement (09:03). Counts A 1, B 0, C 0, D 1.
 *    Pulse: 3 responses, every item 7: items 1, 3, 5 reversed to 1, score 31/7; usefulness 5. Window closes 03-09.
 *    X2 (D) committed 03-02 due 03-16 (stored 03-12 09:05), completed 03-15 (stored 03-15).
 * </pre>
 */
class SetViewsInThePastTest extends QueryServiceTest {

    @Autowired
    ProjectionBatch batch;

    private final UUID programme = UUID.randomUUID();
    private final UUID set = UUID.randomUUID();
    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();
    private final UUID d = UUID.randomUUID();
    private final UUID m1 = UUID.randomUUID();
    private final UUID m2 = UUID.randomUUID();
    private final UUID x1 = UUID.randomUUID();
    private final UUID x2 = UUID.randomUUID();

    private final DatedProgramme log = new DatedProgramme(programme, set);

    @BeforeEach
    void events() {
        UUID ch1 = UUID.randomUUID();
        UUID ch2 = UUID.randomUUID();
        log.launched("Set views")
                .setFormed("S", List.of(a, b, c, d), List.of("Ann", "Ben", "Cat", "Dan"))
                .meeting("2026-02-02T10:00:00Z", m1, "02-02", List.of(a, b, c))
                .presented("2026-02-02T10:05:00Z", m1, ch1, a, "T1")
                .asked("2026-02-02T10:06:00Z", m1, ch1, b, QuestionForm.OPEN)
                .asked("2026-02-02T10:07:00Z", m1, ch1, c, QuestionForm.CLOSED)
                .said("2026-02-02T10:08:00Z", m1, ch1, b, StatementKind.ADVICE)
                .inSet("2026-02-02T10:09:00Z", new ReflectionRecorded(set, programme, m1, UUID.randomUUID(), c,
                        "Learnt"))
                .closed("2026-02-02T12:00:00Z", m1, "02-02")
                .committed("2026-02-02T12:01:00Z", x1, m1, ch1, b, "02-02", "02-20");
        pulse("2026-02-03T09:00:00Z", m1, 4, 2);
        log.rescheduled("2026-02-25T09:00:00Z", x1, "02-20", "03-20", "later")
                .meeting("2026-03-12T09:00:00Z", m2, "03-02", List.of(a, b, c, d))
                .presented("2026-03-12T09:01:00Z", m2, ch2, d, "T2")
                .asked("2026-03-12T09:02:00Z", m2, ch2, a, QuestionForm.OPEN)
                .said("2026-03-12T09:03:00Z", m2, ch2, d, StatementKind.REFLECTION)
                .closed("2026-03-12T09:04:00Z", m2, "03-02")
                .committed("2026-03-12T09:05:00Z", x2, m2, ch2, d, "03-02", "03-16");
        pulse("2026-03-12T10:00:00Z", m2, 7, 5);
        log.completed("2026-03-15T09:00:00Z", x2, "03-15")
                .rescheduled("2026-03-25T09:00:00Z", x1, "03-20", "04-30", "later again")
                .project(batch);
    }

    /**
     * Overdue uses the due date in force on the date: X1 was due 02-20 until the reschedule of 02-25 (to 03-20),
     * which held until the one of 03-25 (to 04-30). As recorded by 02-24 the first reschedule is unknown.
     */
    @Test
    void overdueUsesTheDueDateInForceThen() {
        assertOverdue("?asOf=2026-02-21", 1, "2026-02-20");
        assertOverdue("?asOf=2026-03-10", 0, null);
        assertOverdue("?asOf=2026-03-22", 1, "2026-03-20");
        assertOverdue("", 0, null);
        assertOverdue("?asOf=2026-02-27&recordedBy=2026-02-24T00:00:00Z", 1, "2026-02-20");
        assertOverdue("?asOf=2026-02-27", 0, null);
        // the action list shows the due date in force and its overdue flag
        JsonNode actions = getOk("/api/programmes/" + programme + "/actions?status=overdue&asOf=2026-03-22");
        assertThat(actions.findValuesAsText("actionId")).containsExactly(x1.toString());
        assertText(actions.get(0), "dueOn", "2026-03-20");
        assertText(getOk("/api/programmes/" + programme + "/actions?asOf=2026-04-05").get(0), "dueOn",
                "2026-04-30");
    }

    private void assertOverdue(String query, int overdue, String dueOn) {
        JsonNode dashboard = getOk("/api/programmes/" + programme + "/dashboard" + query);
        assertInt(dashboard.get("followThrough"), "overdue", overdue);
        JsonNode explained = getOk("/api/programmes/" + programme + "/explain?figure=overdue"
                + (query.isEmpty() ? "" : "&" + query.substring(1)));
        assertInt(explained, "count", overdue);
        if (dueOn != null) {
            assertText(explained.get("records").get(0), "dueOn", dueOn);
        }
    }

    /**
     * The audit as of 10 February: M1 only, rotation 1 presenter of 4 members; as of 20 March as known now M1 and M2
     * (A and D presented: 2/4); as recorded by 5 March M2 is not known yet; as recorded by 02-02 10:06:30 only B's
     * question of M1 was stored (B 1, C 0).
     */
    @Test
    void fairnessAsOfDatesAndAsRecordedByInstants() {
        JsonNode february = fairness("?asOf=2026-02-10");
        assertThat(february.get("meetings")).hasSize(1);
        assertNumber(february, "presenterRotation", 0.25);
        assertThat(contributions(february.get("meetings").get(0))).containsExactly("Ann=0", "Ben=2", "Cat=1");

        JsonNode now = fairness("?asOf=2026-03-20");
        assertThat(now.get("meetings")).hasSize(2);
        assertNumber(now, "presenterRotation", 0.5);
        assertThat(contributions(now.get("meetings").get(1))).containsExactly("Ann=1", "Ben=0", "Cat=0", "Dan=1");

        JsonNode reported = fairness("?asOf=2026-03-20&recordedBy=2026-03-05T00:00:00Z");
        assertThat(reported.get("meetings")).hasSize(1);
        assertNumber(reported, "presenterRotation", 0.25);
        assertThat(contributions(reported.get("meetings").get(0))).containsExactly("Ann=0", "Ben=2", "Cat=1");

        JsonNode midMeeting = fairness("?asOf=2026-03-20&recordedBy=2026-02-02T10:06:30Z");
        assertThat(contributions(midMeeting.get("meetings").get(0))).containsExactly("Ann=0", "Ben=1", "Cat=0");
        // gini of 0, 1, 0: 4 / (2 · 9 · 1/3) = 2/3
        assertNumber(midMeeting.get("meetings").get(0), "gini", 2.0 / 3);
    }

    /** The fairness page in the same view: as recorded by 5 March it shows M1 (2 Feb) and not M2 (2 Mar). */
    @Test
    void theFairnessPageTakesRecordedBy() {
        String known = page("/sets/" + set + "/fairness?asOf=2026-03-20");
        assertThat(known).contains("2026-03-02");
        String reported = page("/sets/" + set + "/fairness?asOf=2026-03-20&recordedBy=2026-03-05T00:00");
        assertThat(reported).contains("2026-02-02").doesNotContain("2026-03-02")
                .contains("value=\"2026-03-05 00:00:00\"")
                .contains("/api/sets/" + set + "/explain?figure=questionsAsked&amp;asOf=2026-03-20"
                        + "&amp;recordedBy=2026-03-05%2000:00:00\"");
    }

    /**
     * The record as of 10 February: M1 with its challenge, 3 contributions and C's reflection; as recorded by 02-02
     * 10:06:30: the challenge and B's question only; now both meetings.
     */
    @Test
    void theSetRecordAsOfDatesAndAsRecordedByInstants() {
        JsonNode february = record("?asOf=2026-02-10");
        assertThat(february.get("meetings").findValuesAsText("meetingId")).containsExactly(m1.toString());
        JsonNode first = february.get("meetings").get(0);
        assertThat(first.get("challenges")).hasSize(1);
        assertThat(first.get("contributions")).hasSize(3);
        assertThat(first.get("reflections")).hasSize(1);

        JsonNode midMeeting = record("?asOf=2026-03-20&recordedBy=2026-02-02T10:06:30Z");
        JsonNode then = midMeeting.get("meetings").get(0);
        assertThat(midMeeting.get("meetings")).hasSize(1);
        assertThat(then.get("challenges")).hasSize(1);
        assertThat(then.get("contributions").findValuesAsText("text")).containsExactly("Q?");
        assertThat(then.get("reflections")).isEmpty();
        // M1 closed 02-02: as of that date it is closed; M2 as of 03-01 was not held yet
        assertThat(record("?asOf=2026-03-01").get("meetings")).hasSize(1);
        assertThat(record("?asOf=2026-03-20").get("meetings").findValuesAsText("meetingId"))
                .containsExactly(m1.toString(), m2.toString());
    }

    /**
     * Safety as of 5 February: M1's window is still open, nothing shows. As of 10 February: M1, score 4. As of 20
     * March: both, (3 · 4 + 3 · 31/7) / 6 = 59/14. As recorded by 5 March: M2 is not known, M1 only.
     */
    @Test
    void safetyAsOfDatesAndAsRecordedByInstants() {
        JsonNode early = safety("?asOf=2026-02-05");
        assertThat(early.get("meetings")).isEmpty();
        assertInt(early, "respondents", 0);

        JsonNode february = safety("?asOf=2026-02-10");
        assertNumber(february, "safetyScore", 4);
        assertInt(february, "respondents", 3);

        JsonNode march = safety("?asOf=2026-03-20");
        assertNumber(march, "safetyScore", 59.0 / 14);
        assertInt(march, "respondents", 6);

        JsonNode reported = safety("?asOf=2026-03-20&recordedBy=2026-03-05T00:00:00Z");
        assertNumber(reported, "safetyScore", 4);
        assertInt(reported, "respondents", 3);
        // an instant before M1's window closed: nothing yet, whatever the date
        assertInt(safety("?asOf=2026-03-20&recordedBy=2026-02-05T00:00:00Z"), "respondents", 0);
    }

    /**
     * The ROI's chain of impact in the view. As of 20 March: usefulness (3 · 2 + 3 · 5) / 6 = 3.5 over 6, X1 and
     * X2 committed, X2 completed (on time). As recorded by 5 March: M1's pulse only (usefulness 2 over 3), X1 alone
     * committed, none completed. As of 5 February: no window closed, X1 committed.
     */
    @Test
    void theChainOfImpactAsOfDatesAndAsRecordedByInstants() {
        JsonNode march = chain("?asOf=2026-03-20");
        assertNumber(march.get("reaction"), "usefulness", 3.5);
        assertInt(march.get("reaction"), "respondents", 6);
        assertInt(march.get("application"), "committed", 2);
        assertInt(march.get("application"), "completed", 1);
        assertNumber(march.get("application"), "completionRate", 0.5);
        assertNumber(march.get("application"), "onTimeRate", 1.0);

        JsonNode reported = chain("?asOf=2026-03-20&recordedBy=2026-03-05T00:00:00Z");
        assertNumber(reported.get("reaction"), "usefulness", 2);
        assertInt(reported.get("reaction"), "respondents", 3);
        assertInt(reported.get("application"), "committed", 1);
        assertInt(reported.get("application"), "completed", 0);

        JsonNode early = chain("?asOf=2026-02-05");
        assertInt(early.get("reaction"), "respondents", 0);
        assertInt(early.get("application"), "committed", 1);
    }

    /**
     * Ben is erased (stored 04-01): in every past view, whatever the date or instant, his name and texts are gone:
     * the fairness audit, the record and the action list as of 10 February and as recorded by 3 February.
     */
    @Test
    void anErasedPersonNeverReappearsInAPastView() {
        log.add("2026-04-01T09:00:00Z", "Person", b, new PersonErased(programme, b, DatedProgramme.day("04-01")))
                .project(batch);
        for (String view : List.of("?asOf=2026-02-10", "?asOf=2026-02-10&recordedBy=2026-02-03T00:00:00Z",
                "?asOf=2026-03-20&recordedBy=2026-02-02T10:06:30Z", "")) {
            JsonNode fairness = fairness(view);
            JsonNode ben = null;
            for (JsonNode member : fairness.get("meetings").get(0).get("members")) {
                if (member.get("personId").asText().equals(b.toString())) {
                    ben = member;
                }
            }
            assertThat(ben).as("Ben in the audit %s", view).isNotNull();
            assertThat(ben.get("displayName").isNull()).as("Ben's name in %s", view).isTrue();
            assertThat(ben.get("erased").asBoolean()).isTrue();
            JsonNode record = record(view);
            assertThat(record.toString()).as("the record %s", view).doesNotContain("Ben");
            List<JsonNode> bens = new ArrayList<>();
            record.findParents("author").forEach(said -> {
                if (said.at("/author/personId").asText().equals(b.toString())) {
                    bens.add(said);
                }
            });
            assertThat(bens).as("Ben's contributions in %s", view).isNotEmpty()
                    .allSatisfy(said -> assertThat(said.get("text").isNull()).isTrue());
            for (JsonNode action : getOk(facilitatorOf(set), "/api/programmes/" + programme + "/actions" + view)) {
                boolean isX1 = action.get("actionId").asText().equals(x1.toString());
                assertThat(action.path("description").isMissingNode()).as("description in %s", view).isEqualTo(isX1);
                assertThat(action.path("ownerErased").asBoolean()).as("owner erased in %s", view).isEqualTo(isX1);
            }
            assertThat(page("/sets/" + set + "/fairness" + view)).doesNotContain("Ben");
            JsonNode explained = explainSet("questionsAsked", view.isEmpty() ? "" : "&" + view.substring(1));
            assertThat(explained.toString()).as("the explanation %s", view).doesNotContain("Ben");
            explained.get("records").forEach(r -> assertThat(r.has("person")).isNotEqualTo(r.get("erased")
                    .asBoolean()));
        }
        assertThat(getOk(facilitatorOf(set), "/api/programmes/" + programme + "/actions?asOf=2026-02-10")
                .findValuesAsText("actionId")).containsExactly(x1.toString());
    }

    /**
     * The fairness audit's figures explained to the set's facilitator, with names: the questions as of 20 March are
     * Ben's and Cat's (M1) and Ann's (M2); as recorded by 5 March only M1's; the presenters Ann (M1) and Dan (M2). The
     * platform's operator, who reads aggregates, is refused; an unknown figure is a 400 naming it.
     */
    @Test
    void fairnessFiguresExplainedToTheSetWithNames() {
        JsonNode questions = explainSet("questionsAsked", "&asOf=2026-03-20");
        assertInt(questions, "count", 3);
        assertThat(questions.get("records").findValuesAsText("person")).containsExactly("Ben", "Cat", "Ann");
        assertThat(questions.get("records").findValuesAsText("businessDate")).containsExactly("2026-02-02",
                "2026-02-02", "2026-03-02");
        assertThat(questions.get("records").findValuesAsText("recordedAt")).containsExactly("2026-02-02T10:06:00Z",
                "2026-02-02T10:07:00Z", "2026-03-12T09:02:00Z");
        assertThat(explainSet("questionsAsked", "&asOf=2026-03-20&recordedBy=2026-03-05T00:00:00Z").get("records")
                .findValuesAsText("person")).containsExactly("Ben", "Cat");
        JsonNode presenters = explainSet("presenterRotation", "&asOf=2026-03-20");
        assertThat(presenters.get("records").findValuesAsText("person")).containsExactly("Ann", "Dan");
        assertThat(presenters.get("records").findValuesAsText("type")).containsOnly("ChallengePresented");
        assertInt(explainSet("meetingsHeld", "&asOf=2026-02-10"), "count", 1);
        assertInt(explainSet("statementsMade", "&asOf=2026-03-20"), "count", 2);
        assertThat(http.get("/api/sets/" + set + "/explain?figure=questionsAsked").status()).isEqualTo(403);
        HttpJson.Response unknown = facilitatorOf(set).get("/api/sets/" + set + "/explain?figure=gini");
        assertThat(unknown.status()).isEqualTo(400);
        assertText(unknown.body().get("errors").get(0), "field", "figure");
    }

    private JsonNode explainSet(String figure, String query) {
        return getOk(facilitatorOf(set), "/api/sets/" + set + "/explain?figure=" + figure + query);
    }

    private JsonNode fairness(String query) {
        return getOk(facilitatorOf(set), "/api/sets/" + set + "/fairness" + query);
    }

    private JsonNode record(String query) {
        return getOk(facilitatorOf(set), "/api/sets/" + set + "/record" + query);
    }

    private JsonNode safety(String query) {
        return getOk(facilitatorOf(set), "/api/sets/" + set + "/safety" + query);
    }

    private JsonNode chain(String query) {
        return getOk("/api/programmes/" + programme + "/roi" + query).get("chain");
    }

    private static List<String> contributions(JsonNode meeting) {
        List<String> counts = new ArrayList<>();
        meeting.get("members").forEach(m -> counts.add(m.get("displayName").asText() + "="
                + m.get("contributions").asInt()));
        return counts;
    }

    /** The page (as the set's facilitator) with the whitespace between tags taken out. */
    private String page(String path) {
        HttpJson.Response response = facilitatorOf(set).send("GET", path, null, Map.of("Accept", "text/html"));
        assertThat(response.status()).as("status of GET %s: %s", path, response.raw()).isEqualTo(200);
        return response.raw().replaceAll(">\\s+<", "><").replaceAll(">\\s+", ">").replaceAll("\\s+<", "<");
    }

    /** Three responses to a meeting's pulse, every item {@code item}, each with the usefulness given. */
    private void pulse(String recordedAt, UUID meeting, int item, int usefulness) {
        for (int i = 0; i < 3; i++) {
            log.inSet(recordedAt, new PulseContributed(set, programme, meeting, UUID.randomUUID(),
                    List.of(item, item, item, item, item, item, item), usefulness, null, null, null));
        }
    }
}
