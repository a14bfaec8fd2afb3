package org.actionlearning.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.testsupport.HttpJson;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * From HTTP commands on the command service to the numbers the query service answers, through the event store,
 * the relay, Kafka and the projections. Every expected value is worked out by hand in this file.
 *
 * <p>A set of five (A..E). Meeting 1 (2026-02-02, all five present): A presents; questions B open, B open,
 * C closed, D open; statements B advice, A answer. Meeting 2 (2026-03-02, E absent): B presents; questions
 * A open, C open, D open, A closed; statements C advice, B reflection, D advice. Four actions; one metric with
 * three baseline points and six follow-ups; two costs; three attribution estimates (counted in groups of three).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedServices.class)
class CommandToQueryEndToEndTest {

    private static final double EPS = 1e-9;
    private BothServices services;
    private HttpJson cmd;
    private HttpJson query;
    /** The set's facilitator, signed in on the query side with a password the command side checks. */
    private HttpJson facilitator;
    private UUID programmeId;
    private UUID setId;
    private UUID meeting1;
    private UUID meeting2;
    private UUID metricId;
    private final Map<String, UUID> member = new LinkedHashMap<>();
    private final List<UUID> actions = new ArrayList<>();

    @BeforeAll
    void recordAProgrammeThroughTheCommandApi(BothServices services) {
        this.services = services;
        cmd = services.commands;
        query = services.queries;

        programmeId = id(cmd.post("/api/programmes", Map.of("organisation", "St Elsewhere", "name", "Discharge flow",
                "sponsor", "Chief Nurse", "startsOn", "2026-01-05", "currency", "GBP")), "programmeId");
        setId = id(cmd.post("/api/sets", Map.of("programmeId", programmeId, "name", "Wards",
                "facilitatorName", "Fran")), "setId");
        facilitator = services.queriesAs("fran.e2e", "FACILITATOR:" + setId);
        for (String name : List.of("A", "B", "C", "D", "E")) {
            member.put(name, id(cmd.post("/api/sets/" + setId + "/members", Map.of("displayName", name)), "personId"));
        }

        meeting1 = id(cmd.post("/api/sets/" + setId + "/meetings", Map.of("scheduledFor", "2026-02-02")), "meetingId");
        ok(cmd.post(m(meeting1) + "/open", Map.of("attendees", List.copyOf(member.values()))));
        UUID x1 = id(cmd.post(m(meeting1) + "/challenges", Map.of("presenterId", member.get("A"),
                "title", "Delayed discharges")), "challengeId");
        ask(meeting1, x1, "B", "OPEN");
        ask(meeting1, x1, "B", "OPEN");
        ask(meeting1, x1, "C", "CLOSED");
        ask(meeting1, x1, "D", "OPEN");
        state(meeting1, x1, "B", "ADVICE");
        state(meeting1, x1, "A", "ANSWER");
        actions.add(action(meeting1, x1, "A", "2026-02-16"));
        actions.add(action(meeting1, x1, "A", "2026-02-20"));
        ok(cmd.post(m(meeting1) + "/close", Map.of()));

        meeting2 = id(cmd.post("/api/sets/" + setId + "/meetings", Map.of("scheduledFor", "2026-03-02")), "meetingId");
        ok(cmd.post(m(meeting2) + "/open", Map.of("attendees",
                List.of(member.get("A"), member.get("B"), member.get("C"), member.get("D")))));
        UUID x2 = id(cmd.post(m(meeting2) + "/challenges", Map.of("presenterId", member.get("B"),
                "title", "Pharmacy hand-offs")), "challengeId");
        ask(meeting2, x2, "A", "OPEN");
        ask(meeting2, x2, "C", "OPEN");
        ask(meeting2, x2, "D", "OPEN");
        ask(meeting2, x2, "A", "CLOSED");
        state(meeting2, x2, "C", "ADVICE");
        state(meeting2, x2, "B", "REFLECTION");
        state(meeting2, x2, "D", "ADVICE");
        actions.add(action(meeting2, x2, "B", "2026-03-16"));
        actions.add(action(meeting2, x2, "B", "2026-03-30"));
        ok(cmd.post(m(meeting2) + "/close", Map.of()));

        // follow-through: on time (10 days), late (27 days), abandoned, open and overdue by 2026-04-15
        ok(cmd.post("/api/actions/" + actions.get(0) + "/complete", Map.of("completedOn", "2026-02-12")));
        ok(cmd.post("/api/actions/" + actions.get(1) + "/complete", Map.of("completedOn", "2026-03-01")));
        ok(cmd.post("/api/actions/" + actions.get(2) + "/abandon", Map.of("abandonedOn", "2026-03-10",
                "reason", "superseded")));

        metricId = id(cmd.post("/api/outcomes", Map.of("programmeId", programmeId, "name", "discharge delay",
                "unit", "hours", "direction", "DECREASE", "period", "WEEK", "valuePerUnit", 50,
                "target", Map.of("changePercent", 15, "withinDays", 92))), "metricId");
        point("baseline", "2026-01-05", 100);
        point("baseline", "2026-01-12", 104);
        point("baseline", "2026-01-19", 96);
        point("measurements", "2026-01-26", 98);
        point("measurements", "2026-02-02", 95);
        point("measurements", "2026-02-09", 92);
        point("measurements", "2026-02-16", 88);
        point("measurements", "2026-02-23", 86);
        point("measurements", "2026-03-02", 84);
        created(cmd.post("/api/outcomes/" + metricId + "/attributions",
                Map.of("attributionPercent", 60, "confidencePercent", 80, "estimatedOn", "2026-04-10")));
        created(cmd.post("/api/outcomes/" + metricId + "/attributions",
                Map.of("attributionPercent", 40, "confidencePercent", 50, "estimatedOn", "2026-04-10")));
        created(cmd.post("/api/outcomes/" + metricId + "/attributions",
                Map.of("attributionPercent", 68, "confidencePercent", 50, "estimatedOn", "2026-04-10")));
        created(cmd.post("/api/programmes/" + programmeId + "/costs", Map.of("category", "FACILITATION",
                "amount", 6000, "incurredOn", "2026-01-05")));
        created(cmd.post("/api/programmes/" + programmeId + "/costs", Map.of("category", "PARTICIPANT_TIME",
                "amount", 4000, "incurredOn", "2026-03-31")));

        // the last command's effect visible on the read side: everything before it is too (one partition)
        await().atMost(Duration.ofSeconds(60)).until(() ->
                query.get("/api/programmes/" + programmeId + "/roi").body().path("costs").path("total").asDouble() == 10000);
    }

    @Test
    void fairnessOfEachMeetingIsComputedOverItsAttendees() {
        JsonNode fairness = facilitator.get("/api/sets/" + setId + "/fairness").body();
        // A and B presented, out of five current members
        assertThat(fairness.get("presenterRotation").asDouble()).isCloseTo(2.0 / 5, within(EPS));
        JsonNode first = fairness.get("meetings").get(0);
        JsonNode second = fairness.get("meetings").get(1);
        assertThat(first.get("meetingId").asText()).isEqualTo(meeting1.toString());
        assertThat(first.get("heldOn").asText()).isEqualTo("2026-02-02");

        // meeting 1 contributions A..E = 1, 3, 1, 1, 0: sum 6, mean 1.2
        // sum over ordered pairs |xi - xj| = 2 * (2+0+0+1 + 2+2+3 + 0+1 + 1) = 24; gini = 24 / (2 * 25 * 1.2)
        assertThat(first.get("attendees").asInt()).isEqualTo(5);
        assertThat(first.get("gini").asDouble()).isCloseTo(24.0 / (2 * 25 * 1.2), within(EPS));
        double entropy1 = -(3 * (1.0 / 6) * Math.log(1.0 / 6) + 0.5 * Math.log(0.5)) / Math.log(5);
        assertThat(first.get("normalisedEntropy").asDouble()).isCloseTo(entropy1, within(EPS));
        assertThat(first.get("dominance").asDouble()).isCloseTo(5 * 3.0 / 6, within(EPS));
        assertThat(first.get("silentMembers")).extracting(JsonNode::asText).containsExactly(member.get("E").toString());
        assertThat(first.get("questionFocus").asDouble()).isCloseTo(4.0 / (4 + 1), within(EPS));
        assertThat(first.get("openQuestionRatio").asDouble()).isCloseTo(3.0 / 4, within(EPS));
        JsonNode b = memberRow(first, "B");
        assertThat(b.get("questions").asInt()).isEqualTo(2);
        assertThat(b.get("openQuestions").asInt()).isEqualTo(2);
        assertThat(b.get("statements").asInt()).isEqualTo(1);
        assertThat(b.get("advice").asInt()).isEqualTo(1);
        assertThat(b.get("contributions").asInt()).isEqualTo(3);
        assertThat(memberRow(first, "A").get("presented").asInt()).isEqualTo(1);

        // meeting 2 over the four attendees: A..D = 2, 1, 2, 2: sum 7, mean 1.75
        // ordered pairs: 2 * (1+0+0 + 1+1 + 0) = 6; gini = 6 / (2 * 16 * 1.75)
        assertThat(second.get("attendees").asInt()).isEqualTo(4);
        assertThat(second.get("gini").asDouble()).isCloseTo(6.0 / (2 * 16 * 1.75), within(EPS));
        double entropy2 = -(3 * (2.0 / 7) * Math.log(2.0 / 7) + (1.0 / 7) * Math.log(1.0 / 7)) / Math.log(4);
        assertThat(second.get("normalisedEntropy").asDouble()).isCloseTo(entropy2, within(EPS));
        assertThat(second.get("dominance").asDouble()).isCloseTo(4 * 2.0 / 7, within(EPS));
        assertThat(second.get("silentMembers")).isEmpty();
        assertThat(second.get("questionFocus").asDouble()).isCloseTo(4.0 / (4 + 2), within(EPS));
        assertThat(second.get("openQuestionRatio").asDouble()).isCloseTo(3.0 / 4, within(EPS));
    }

    @Test
    void dashboardCountsFollowThroughParticipationOutcomesAndRoi() {
        JsonNode dashboard = query.get("/api/programmes/" + programmeId + "/dashboard?asOf=2026-04-15").body();
        JsonNode counts = dashboard.get("counts");
        assertThat(counts.get("sets").asInt()).isEqualTo(1);
        assertThat(counts.get("members").asInt()).isEqualTo(5);
        assertThat(counts.get("meetingsHeld").asInt()).isEqualTo(2);
        assertThat(counts.get("challengesPresented").asInt()).isEqualTo(2);
        assertThat(counts.get("questionsAsked").asInt()).isEqualTo(8);
        assertThat(counts.get("statementsMade").asInt()).isEqualTo(5);

        JsonNode follow = dashboard.get("followThrough");
        assertThat(follow.get("committed").asInt()).isEqualTo(4);
        assertThat(follow.get("completed").asInt()).isEqualTo(2);
        assertThat(follow.get("abandoned").asInt()).isEqualTo(1);
        assertThat(follow.get("open").asInt()).isEqualTo(4 - 2 - 1);
        assertThat(follow.get("overdue").asInt()).isEqualTo(1);            // due 2026-03-30 < 2026-04-15
        assertThat(follow.get("completionRate").asDouble()).isCloseTo(2.0 / 4, within(EPS));
        assertThat(follow.get("onTimeRate").asDouble()).isCloseTo(1.0 / 2, within(EPS));
        assertThat(follow.get("medianDaysToComplete").asDouble()).isCloseTo((10 + 27) / 2.0, within(EPS));

        JsonNode participation = dashboard.get("participation");
        assertThat(participation.get("meetings").asInt()).isEqualTo(2);
        double gini1 = 24.0 / (2 * 25 * 1.2);
        double gini2 = 6.0 / (2 * 16 * 1.75);
        assertThat(participation.get("meanGini").asDouble()).isCloseTo((gini1 + gini2) / 2, within(EPS));
        assertThat(participation.get("meanQuestionFocus").asDouble()).isCloseTo((0.8 + 4.0 / 6) / 2, within(EPS));
        assertThat(participation.get("meanOpenQuestionRatio").asDouble()).isCloseTo(0.75, within(EPS));

        JsonNode roi = dashboard.get("roi");
        double benefits = 16 * 52 * 50 * ((60 * 80 + 40 * 50) / 2.0 / 10_000);
        assertThat(roi.get("benefits").asDouble()).isCloseTo(benefits, within(1e-6));
        assertThat(roi.get("costs").asDouble()).isCloseTo(10_000, within(EPS));
        assertThat(roi.get("bcr").asDouble()).isCloseTo(benefits / 10_000, within(EPS));
        assertThat(roi.get("roiPercent").asDouble()).isCloseTo((benefits - 10_000) / 10_000 * 100, within(1e-6));
        assertThat(dashboard.get("outcomes").get(0).get("improvementPercent").asDouble()).isCloseTo(16, within(EPS));
    }

    @Test
    void outcomeSeriesWithBaselineSignalsTargetAndPValue() {
        JsonNode outcome = query.get("/api/outcomes/" + metricId).body();
        assertThat(outcome.get("baselinePoints")).hasSize(3);
        assertThat(outcome.get("followUps")).hasSize(6);
        assertThat(outcome.get("centreLine").asDouble()).isCloseTo(100, within(EPS));   // median of 96, 100, 104
        assertThat(outcome.get("baseline").asDouble()).isCloseTo((100 + 104 + 96) / 3.0, within(EPS));
        assertThat(outcome.get("latest").asDouble()).isCloseTo(84, within(EPS));
        assertThat(outcome.get("changePercent").asDouble()).isCloseTo((84 - 100) / 100.0 * 100, within(EPS));
        assertThat(outcome.get("improvementPercent").asDouble()).isCloseTo(16, within(EPS));
        // first follow-up at least 15% below 100 is 84 on 2026-03-02: 12 + 28 + 2 days after 2026-01-19
        assertThat(outcome.get("targetMet").asBoolean()).isTrue();
        assertThat(outcome.get("daysToTarget").asInt()).isEqualTo(12 + 28 + 2);
        // six points below the centre line (SHIFT), each lower than the one before (TREND), never crossing it where
        // chance gives at least one crossing (FEW_CROSSINGS); XmR limits 100 ± 2.66 × (4 + 8) / 2 = 84.04 .. 115.96,
        // so 84 lies beyond the lower one (BEYOND_LIMITS)
        assertThat(outcome.get("signals")).extracting(JsonNode::asText)
                .containsExactly("SHIFT", "TREND", "FEW_CROSSINGS", "BEYOND_LIMITS");
        assertThat(outcome.get("xmr").get("lower").asDouble()).isCloseTo(100 - 2.66 * 6, within(EPS));
        assertThat(outcome.get("beyondLimits").findValuesAsText("measuredOn")).containsExactly("2026-03-02");

        // Welch: baseline mean 100, variance 32/2 = 16; follow-ups mean 90.5, variance 147.5/5 = 29.5
        double a = 16.0 / 3;
        double b = 29.5 / 6;
        double t = (100 - 90.5) / Math.sqrt(a + b);
        double df = (a + b) * (a + b) / (a * a / 2 + b * b / 5);
        double p = 2 * (1 - new TDistribution(df).cumulativeProbability(t));
        assertThat(outcome.get("pValue").asDouble()).isCloseTo(p, within(1e-9));
    }

    @Test
    void actionsByStatusAsOfADate() {
        JsonNode overdue = query.get("/api/programmes/" + programmeId + "/actions?status=overdue&asOf=2026-04-15").body();
        assertThat(overdue).hasSize(1);
        assertThat(overdue.get(0).get("actionId").asText()).isEqualTo(actions.get(3).toString());
        assertThat(overdue.get(0).get("committedOn").asText()).isEqualTo("2026-03-02");
        assertThat(overdue.get(0).get("overdue").asBoolean()).isTrue();
        JsonNode completed = query.get("/api/programmes/" + programmeId + "/actions?status=completed").body();
        assertThat(completed).extracting(n -> n.get("actionId").asText())
                .containsExactlyInAnyOrder(actions.get(0).toString(), actions.get(1).toString());
        // before its due date the open action is not overdue
        JsonNode early = query.get("/api/programmes/" + programmeId + "/actions?status=open&asOf=2026-03-20").body();
        assertThat(early).hasSize(1);
        assertThat(early.get(0).get("overdue").asBoolean()).isFalse();
    }

    @Test
    void roiBreakdownFollowsPhillips() {
        JsonNode roi = query.get("/api/programmes/" + programmeId + "/roi").body();
        assertThat(roi.get("currency").asText()).isEqualTo("GBP");
        assertThat(roi.get("costs").get("byCategory").get("FACILITATION").asDouble()).isCloseTo(6000, within(EPS));
        assertThat(roi.get("costs").get("byCategory").get("PARTICIPANT_TIME").asDouble()).isCloseTo(4000, within(EPS));
        JsonNode metric = roi.get("metrics").get(0);
        assertThat(metric.get("improvement").asDouble()).isCloseTo(100 - 84, within(EPS));
        assertThat(metric.get("periodsPerYear").asInt()).isEqualTo(52);
        assertThat(metric.get("valuePerUnit").asDouble()).isCloseTo(50, within(EPS));
        assertThat(metric.get("isolationFactor").asDouble())
                .isCloseTo((0.60 * 0.80 + 0.40 * 0.50 + 0.68 * 0.50) / 3, within(EPS));   // 0.34
        assertThat(metric.get("isolated").asBoolean()).isTrue();
        assertThat(metric.get("annualBenefit").asDouble()).isCloseTo(16 * 52 * 50 * 0.34, within(1e-6));
        assertThat(roi.get("intangibles")).isEmpty();
    }

    private JsonNode memberRow(JsonNode meeting, String name) {
        for (JsonNode row : meeting.get("members")) {
            if (row.get("personId").asText().equals(member.get(name).toString())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + name);
    }

    private String m(UUID meetingId) {
        return "/api/sets/" + setId + "/meetings/" + meetingId;
    }

    private void ask(UUID meetingId, UUID challengeId, String asker, String form) {
        created(cmd.post(m(meetingId) + "/questions", Map.of("challengeId", challengeId,
                "askerId", member.get(asker), "form", form)));
    }

    private void state(UUID meetingId, UUID challengeId, String speaker, String kind) {
        created(cmd.post(m(meetingId) + "/statements", Map.of("speakerId", member.get(speaker), "kind", kind,
                "challengeId", challengeId)));
    }

    private UUID action(UUID meetingId, UUID challengeId, String owner, String dueOn) {
        return id(cmd.post(m(meetingId) + "/actions", Map.of("challengeId", challengeId,
                "ownerId", member.get(owner), "description", "Follow up", "dueOn", dueOn)), "actionId");
    }

    private void point(String series, String measuredOn, double value) {
        created(cmd.post("/api/outcomes/" + metricId + "/" + series, Map.of("measuredOn", measuredOn, "value", value)));
    }

    private static UUID id(HttpJson.Response response, String field) {
        created(response);
        return response.id(field);
    }

    private static void created(HttpJson.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
    }

    private static void ok(HttpJson.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
    }
}
