package org.actionlearning.launcher.improvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.launcher.BothServices;
import org.actionlearning.testsupport.HttpJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The after-meeting pulse end to end, over HTTP: attendees answer for themselves, a second answer replaces the
 * first, a meeting of two respondents is withheld and left out of the set's figures, nobody but the person reads an
 * answer, and erasing a person leaves the aggregates as they were. Expected figures are computed by hand below.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImprovementScienceEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /**
     * Meeting 1, after reversing items 1, 3 and 5: Ann (second answer) 6,6,6,6,6,6,6 = 6; Ben 7 ×7 = 7; Cat
     * 3,4,3,4,3,4,4 = 25/7; Dan 1 ×7 = 1. Mean (6 + 7 + 25/7 + 1) / 4 = 123/28.
     */
    private static final double MEETING_ONE = 123.0 / 28;

    private BothServices services;
    private HttpJson cmd;
    private UUID programmeId;
    private UUID setId;
    private UUID ann;
    private final Map<String, HttpJson> asMember = new HashMap<>();
    private UUID meetingOne;
    private UUID meetingTwo;
    private HttpJson facilitator;
    private UUID ben;
    private UUID discarded;
    private UUID challenge;
    private UUID done;
    private UUID open;
    private final Map<String, UUID> people = new HashMap<>();

    @BeforeAll
    void recordTwoMeetings() {
        services = new BothServices("improvement");
        cmd = services.commands;
        programmeId = id(cmd.post("/api/programmes", Map.of("organisation", "St Elsewhere", "name", "Flow",
                "sponsor", "Chief Nurse", "startsOn", "2026-01-05", "currency", "GBP")), "programmeId");
        setId = id(cmd.post("/api/sets", Map.of("programmeId", programmeId, "name", "Wards",
                "facilitatorName", "Fran Facilitator")), "setId");
        for (String name : List.of("ann", "ben", "cat", "dan")) {
            UUID person = id(cmd.post("/api/sets/" + setId + "/members", Map.of("displayName", name)), "personId");
            people.put(name, person);
            services.createUser(name, person, "MEMBER:" + setId);
            asMember.put(name, cmd.as(name, BothServices.PASSWORD));
        }
        ann = people.get("ann");
        ben = people.get("ben");
        services.createUser("fran", null, "FACILITATOR:" + setId);
        facilitator = cmd.as("fran", BothServices.PASSWORD);
        meetingOne = meeting("2026-02-02", people.values().stream().toList());
        String meeting = "/api/sets/" + setId + "/meetings/" + meetingOne;
        challenge = id(cmd.post(meeting + "/challenges", Map.of("presenterId", ben, "title", "Beds")),
                "challengeId");
        done = id(cmd.post(meeting + "/actions", Map.of("challengeId", challenge, "ownerId", ben,
                "description", "Map the bed flow", "dueOn", "2026-02-20")), "actionId");
        open = id(cmd.post(meeting + "/actions", Map.of("challengeId", challenge, "ownerId", ben,
                "description", "Ask the porters", "dueOn", "2099-02-20")), "actionId");
        status(cmd.post("/api/actions/" + done + "/complete", Map.of("completedOn", "2026-02-18")), 200);
        status(cmd.post("/api/sets/" + setId + "/meetings/" + meetingOne + "/close", Map.of()), 200);

        // a meeting opened and discarded, with three answers given while it was open
        discarded = meeting("2026-02-04", List.of(ann, ben, people.get("cat")));
        services.clock.setDate(LocalDate.parse("2026-02-04"));
        for (String member : List.of("ann", "ben", "cat")) {
            status(pulse(member, discarded, List.of(1, 1, 1, 1, 1, 1, 1), Map.of("usefulness", 1)), 201);
        }
        status(cmd.post("/api/sets/" + setId + "/meetings/" + discarded + "/discard", Map.of()), 200);
        services.clock.reset();
        meetingTwo = meeting("2026-03-02", List.of(people.get("ann"), people.get("ben"), people.get("cat")));
    }

    @AfterAll
    void stop() {
        services.close();
    }

    @Test
    @Order(1)
    void pulsesAggregateWithoutPeopleAndAWithheldMeetingStaysOut() {
        // the day of meeting one: its pulse window is open (7 days), so no reader sees its responses yet
        services.clock.setDate(LocalDate.parse("2026-02-02"));
        status(pulse("ann", meetingOne, List.of(1, 1, 1, 1, 1, 1, 1), null), 201);
        status(pulse("ann", meetingOne, List.of(2, 6, 2, 6, 2, 6, 6), Map.of("usefulness", 4, "confidence", 5,
                "commitment", 3)), 201);   // replaces the first
        status(pulse("ben", meetingOne, List.of(1, 7, 1, 7, 1, 7, 7), Map.of("usefulness", 5)), 201);
        status(pulse("cat", meetingOne, List.of(5, 4, 5, 4, 5, 4, 4), Map.of("usefulness", 3)), 201);
        HttpJson reader = services.queries.as("fran", BothServices.PASSWORD);
        HttpJson cats = services.queries.as("cat", BothServices.PASSWORD);
        await().atMost(PATIENCE).until(() -> cats.get(ownPath(meetingOne)).status() == 200);
        List<String> threeAnswered = aggregatesOfMeetingOne(reader);
        // a fourth response inside the window moves no figure a reader sees: 4 × after − 3 × before recovers nothing
        status(pulse("dan", meetingOne, List.of(7, 1, 7, 1, 7, 1, 1), null), 201);
        HttpJson dans = services.queries.as("dan", BothServices.PASSWORD);
        await().atMost(PATIENCE).until(() -> dans.get(ownPath(meetingOne)).status() == 200);
        assertThat(aggregatesOfMeetingOne(reader)).isEqualTo(threeAnswered);
        JsonNode open = reader.get(safetyPath()).body();
        assertThat(open.get("meetings")).isEmpty();
        assertThat(open.get("respondents").asInt()).isZero();
        assertThat(open.get("safetyScore").isNull()).isTrue();
        // the change audit says neither which user sent an unlinked contribution nor who answered when
        HttpJson.Response audit = cmd.get("/api/audit/changes?user=dan");
        status(audit, 200);
        assertThat(audit.raw()).doesNotContain("PulseAnswered").doesNotContain("PulseContributed");
        // a member still reads their own answers at once
        assertThat(dans.get(ownPath(meetingOne)).body().get("items").toString()).isEqualTo("[7,1,7,1,7,1,1]");

        // the discarded meeting (three answers, see the set-up) takes no new answer, and counts in no figure below
        services.clock.setDate(LocalDate.parse("2026-02-04"));
        HttpJson.Response afterDiscard = pulse("ann", discarded, List.of(1, 1, 1, 1, 1, 1, 1), null);
        assertThat(afterDiscard.status()).isEqualTo(409);
        assertThat(afterDiscard.raw()).contains("meetingId");

        // a month later meeting one's window has closed: no answer, new or replacing, is taken
        services.clock.setDate(LocalDate.parse("2026-03-02"));
        HttpJson.Response late = pulse("ben", meetingOne, List.of(4, 4, 4, 4, 4, 4, 4), null);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.raw()).contains("meetingId");
        assertThat(pulse("ann", meetingTwo, List.of(4, 4, 4, 4, 4, 4, 4), null).status()).isEqualTo(201);
        assertThat(pulse("ben", meetingTwo, List.of(4, 4, 4, 4, 4, 4, 4), null).status()).isEqualTo(201);

        // Dan did not attend meeting two; the facilitator is no attendee and has no answers; bad items name the field
        assertThat(pulse("dan", meetingTwo, List.of(4, 4, 4, 4, 4, 4, 4), null).body().toString())
                .contains("personId");
        assertThat(pulse("dan", meetingTwo, List.of(4, 4, 4, 4, 4, 4, 4), null).status()).isBetween(400, 499);
        assertThat(facilitator.post(pulsePath(meetingTwo), Map.of("items", List.of(4, 4, 4, 4, 4, 4, 4)))
                .status()).isEqualTo(403);
        HttpJson.Response sixItems = pulse("ben", meetingTwo, List.of(4, 4, 4, 4, 4, 4), null);
        assertThat(sixItems.status()).isEqualTo(400);
        assertThat(sixItems.raw()).contains("items");
        HttpJson.Response eight = pulse("ben", meetingTwo, List.of(4, 4, 4, 4, 4, 4, 8), null);
        assertThat(eight.status()).isEqualTo(400);
        assertThat(eight.raw()).contains("items");
        HttpJson.Response usefulSix = pulse("ben", meetingTwo, List.of(4, 4, 4, 4, 4, 4, 4), Map.of("usefulness", 6));
        assertThat(usefulSix.status()).isEqualTo(400);
        assertThat(usefulSix.raw()).contains("usefulness");

        // today (December): both windows have closed, each meeting's aggregate shows once, final, with all answers
        services.clock.reset();
        await().atMost(PATIENCE).until(() -> reader.get(safetyPath()).status() == 200
                && reader.get(safetyPath()).body().at("/meetings/1/respondents").asInt() == 2);
        JsonNode safety = reader.get(safetyPath()).body();
        JsonNode one = safety.at("/meetings/0");
        assertThat(one.get("meetingId").asText()).isEqualTo(meetingOne.toString());
        assertThat(one.get("heldOn").asText()).isEqualTo("2026-02-02");
        assertThat(one.get("respondents").asInt()).isEqualTo(4);
        assertThat(one.get("safetyScore").asDouble()).isCloseTo(MEETING_ONE, within(1e-12));
        // item 1 reversed: Ann 6, Ben 7, Cat 3, Dan 1; item 2 as answered: 6, 7, 4, 1
        assertThat(one.at("/itemMeans/0").asDouble()).isCloseTo(17.0 / 4, within(1e-12));
        assertThat(one.at("/itemMeans/1").asDouble()).isCloseTo(18.0 / 4, within(1e-12));
        assertThat(one.at("/reaction/usefulness").asDouble()).isCloseTo(4.0, within(1e-12)); // (4 + 5 + 3) / 3
        assertThat(one.at("/reaction/confidence").isNull()).isTrue();  // Ann alone
        JsonNode two = safety.at("/meetings/1");
        assertThat(two.get("safetyScore").isNull()).isTrue();
        assertThat(two.get("itemMeans")).isEmpty();
        // the set pools meeting one only: meeting two cannot be recovered by subtraction
        assertThat(safety.get("safetyScore").asDouble()).isCloseTo(MEETING_ONE, within(1e-12));
        assertThat(safety.get("respondents").asInt()).isEqualTo(4);
        assertThat(safety.get("withheld").toString()).contains("meeting " + meetingTwo)
                .doesNotContain("meeting " + meetingOne);
        JsonNode dashboard = services.queries.get("/api/programmes/" + programmeId + "/dashboard").body();
        assertThat(dashboard.at("/safety/safetyScore").asDouble()).isCloseTo(MEETING_ONE, within(1e-12));
        assertThat(dashboard.at("/safety/respondents").asInt()).isEqualTo(4);

        // a member reads their own answers, and only their own; nobody else reads a single response
        JsonNode own = services.queries.as("ann", BothServices.PASSWORD).get(ownPath(meetingOne)).body();
        assertThat(own.get("items").toString()).isEqualTo("[2,6,2,6,2,6,6]");
        assertThat(own.get("usefulness").asInt()).isEqualTo(4);
        assertThat(services.queries.as("dan", BothServices.PASSWORD).get(ownPath(meetingTwo)).status())
                .isEqualTo(404);
        assertThat(reader.get(ownPath(meetingOne)).status()).isEqualTo(403);
        services.createUser("sponsor", null, "SPONSOR:" + programmeId);
        assertThat(services.queries.as("sponsor", BothServices.PASSWORD).get(safetyPath()).status()).isEqualTo(403);

        // erasure ends Ann's account with her data (nobody reads her answers, herself included); the aggregates stay
        String before = reader.get(safetyPath()).body().toString();
        assertThat(cmd.delete("/api/people/" + ann).status()).isEqualTo(204);
        await().atMost(PATIENCE).until(() -> services.queries.as("ann", BothServices.PASSWORD)
                .get(ownPath(meetingOne)).status() == 401);
        assertThat(reader.get(safetyPath()).body().toString()).isEqualTo(before);
    }

    /**
     * A metric tied to Ben's challenge shows the two actions committed for it; after a rebase the chart has a second
     * phase with its own centre line and limits, while the outcome figures stay against the original baseline. A
     * metric tied to the challenge of a set of two people shows no intervention, and says why.
     */
    @Test
    @Order(2)
    void interventionsPhasesTheChainOfImpactAndFacilitation() {
        UUID metric = id(cmd.post("/api/outcomes", Map.of("programmeId", programmeId, "challengeId", challenge,
                "name", "bed waits", "unit", "hours", "direction", "DECREASE", "period", "WEEK")), "metricId");
        for (Object[] point : new Object[][] {{"2026-01-05", 10}, {"2026-01-12", 12}, {"2026-01-19", 11}}) {
            status(cmd.post("/api/outcomes/" + metric + "/baseline", Map.of("measuredOn", point[0], "value",
                    point[1])), 201);
        }
        for (Object[] point : new Object[][] {{"2026-02-09", 9}, {"2026-02-16", 8}, {"2026-02-23", 8},
                {"2026-03-02", 7}, {"2026-03-09", 6}, {"2026-03-16", 7}}) {
            status(cmd.post("/api/outcomes/" + metric + "/measurements", Map.of("measuredOn", point[0], "value",
                    point[1])), 201);
        }
        status(cmd.post("/api/outcomes/" + metric + "/phases", Map.of("startsOn", "2026-03-02")), 201);

        // a set of two people: its actions are not reported to sponsors, so neither are its interventions
        UUID small = id(cmd.post("/api/sets", Map.of("programmeId", programmeId, "name", "Pair",
                "facilitatorName", "Sam")), "setId");
        UUID eve = id(cmd.post("/api/sets/" + small + "/members", Map.of("displayName", "eve")), "personId");
        UUID fay = id(cmd.post("/api/sets/" + small + "/members", Map.of("displayName", "fay")), "personId");
        UUID pairMeeting = id(cmd.post("/api/sets/" + small + "/meetings", Map.of("scheduledFor", "2026-02-03")),
                "meetingId");
        String pair = "/api/sets/" + small + "/meetings/" + pairMeeting;
        status(cmd.post(pair + "/open", Map.of("attendees", List.of(eve, fay))), 200);
        UUID pairChallenge = id(cmd.post(pair + "/challenges", Map.of("presenterId", eve, "title", "Rota")),
                "challengeId");
        id(cmd.post(pair + "/actions", Map.of("challengeId", pairChallenge, "ownerId", eve,
                "description", "Draft a rota", "dueOn", "2026-02-17")), "actionId");
        UUID pairMetric = id(cmd.post("/api/outcomes", Map.of("programmeId", programmeId, "challengeId",
                pairChallenge, "name", "rota gaps", "unit", "gaps", "direction", "DECREASE", "period", "WEEK")),
                "metricId");
        status(cmd.post("/api/outcomes/" + pairMetric + "/baseline", Map.of("measuredOn", "2026-01-05",
                "value", 4)), 201);

        HttpJson admin = services.queries;
        await().atMost(PATIENCE).until(() -> admin.get("/api/outcomes/" + pairMetric).status() == 200
                && admin.get("/api/outcomes/" + metric).body().path("phases").size() == 2);
        JsonNode outcome = admin.get("/api/outcomes/" + metric).body();
        assertThat(outcome.get("interventions").toString()).contains(
                "{\"actionId\":\"" + done + "\",\"committedOn\":\"2026-02-02\",\"completedOn\":\"2026-02-18\"}",
                "{\"actionId\":\"" + open + "\",\"committedOn\":\"2026-02-02\",\"completedOn\":null}");
        assertThat(outcome.get("interventions")).hasSize(2);
        assertThat(outcome.get("withheld")).isEmpty();
        // phase 1: median 11, XmR 11 ± 2.66 × 1.5; phase 2 from 7, 6, 7: median 7, mean 20/3, MR 1
        assertThat(outcome.at("/phases/0/centreLine").asDouble()).isEqualTo(11.0);
        assertThat(outcome.at("/phases/0/xmr/lower").asDouble()).isCloseTo(11 - 2.66 * 1.5, within(1e-9));
        assertThat(outcome.at("/phases/1/startsOn").asText()).isEqualTo("2026-03-02");
        assertThat(outcome.at("/phases/1/centreLine").asDouble()).isEqualTo(7.0);
        assertThat(outcome.at("/phases/1/xmr/upper").asDouble()).isCloseTo(20.0 / 3 + 2.66, within(1e-9));
        // the outcome figures stay against the original baseline: mean 11, latest 7
        assertThat(outcome.get("baseline").asDouble()).isEqualTo(11.0);
        assertThat(outcome.get("changePercent").asDouble()).isCloseTo((7 - 11) / 11.0 * 100, within(1e-9));
        JsonNode pairOutcome = admin.get("/api/outcomes/" + pairMetric).body();
        assertThat(pairOutcome.get("interventions")).isEmpty();
        assertThat(pairOutcome.get("withheld").toString()).contains("interventions");
        JsonNode dashboard = admin.get("/api/programmes/" + programmeId + "/dashboard").body();
        assertThat(dashboard.get("outcomes").toString()).contains(done.toString()).doesNotContain("Draft a rota");

        // the chain of impact: usefulness (4 + 5 + 3) / 3 from meeting one; confidence and commitment by Ann
        // alone (withheld); one of the Wards' two actions completed (the pair's is not counted); one metric of
        // two improved
        JsonNode chain = admin.get("/api/programmes/" + programmeId + "/roi").body().get("chain");
        assertThat(chain.at("/reaction/usefulness").asDouble()).isCloseTo(4.0, within(1e-12));
        assertThat(chain.at("/learning/confidence").isNull()).isTrue();
        assertThat(chain.at("/application/committed").asInt()).isEqualTo(2);
        assertThat(chain.at("/application/completionRate").asDouble()).isEqualTo(0.5);
        assertThat(chain.at("/impact/metrics").asInt()).isEqualTo(2);
        assertThat(chain.at("/impact/improved").asInt()).isEqualTo(1);

        // facilitation: the facilitator's own set, and the organisation in aggregate without the pair
        JsonNode mine = services.queries.as("fran", BothServices.PASSWORD).get("/api/facilitation/mine").body();
        assertThat(mine.get("sets")).hasSize(1);
        JsonNode wards = mine.at("/sets/0");
        assertThat(wards.get("presenterRotation").asDouble()).isEqualTo(0.25);   // Ben of four
        assertThat(wards.get("completionRate").asDouble()).isEqualTo(0.5);
        assertThat(wards.get("safetyScore").asDouble()).isCloseTo(MEETING_ONE, within(1e-12));
        assertThat(wards.at("/meetings/0/safetyScore").asDouble()).isCloseTo(MEETING_ONE, within(1e-12));
        assertThat(wards.at("/meetings/1/safetyScore").isNull()).isTrue();
        JsonNode organisation = admin.get("/api/facilitation/organisations/St%20Elsewhere").body();
        assertThat(organisation.get("sets").asInt()).isEqualTo(1);
        assertThat(organisation.get("safetyScore").asDouble()).isCloseTo(MEETING_ONE, within(1e-12));
        assertThat(organisation.get("committed").asInt()).isEqualTo(2);
        assertThat(organisation.at("/trend/0/month").asText()).isEqualTo("2026-02");
        assertThat(organisation.at("/trend/1/month").asText()).isEqualTo("2026-03");
        assertThat(organisation.get("withheld").toString()).contains("fewer than 3 attendees");
        assertThat(organisation.toString()).doesNotContain(setId.toString()).doesNotContain("Wards");
        services.createUser("sponsor2", null, "SPONSOR:" + programmeId);
        assertThat(services.queries.as("sponsor2", BothServices.PASSWORD)
                .get("/api/facilitation/organisations/St%20Elsewhere").status()).isEqualTo(403);
    }

    /** Every figure a reader sees that pools meeting one's pulse: set, dashboard, chain of impact, facilitation. */
    private List<String> aggregatesOfMeetingOne(HttpJson reader) {
        for (String path : List.of(safetyPath(), "/api/facilitation/mine")) {
            status(reader.get(path), 200);
        }
        for (String what : List.of("dashboard", "roi")) {
            status(services.queries.get("/api/programmes/" + programmeId + "/" + what), 200);
        }
        return List.of(reader.get(safetyPath()).body().toString(),
                services.queries.get("/api/programmes/" + programmeId + "/dashboard").body().get("safety").toString(),
                services.queries.get("/api/programmes/" + programmeId + "/roi").body().at("/chain/reaction").toString(),
                reader.get("/api/facilitation/mine").body().at("/sets/0/safetyScore").toString(),
                reader.get("/api/facilitation/mine").body().at("/sets/0/meetings").toString());
    }

    private UUID meeting(String on, List<UUID> attendees) {
        UUID meetingId = id(cmd.post("/api/sets/" + setId + "/meetings", Map.of("scheduledFor", on)), "meetingId");
        status(cmd.post("/api/sets/" + setId + "/meetings/" + meetingId + "/open",
                Map.of("attendees", attendees)), 200);
        return meetingId;
    }

    private HttpJson.Response pulse(String member, UUID meetingId, List<Integer> items, Map<String, Integer> reaction) {
        Map<String, Object> body = new HashMap<>();
        body.put("items", items);
        if (reaction != null) {
            body.putAll(reaction);
        }
        return asMember.get(member).post(pulsePath(meetingId), body);
    }

    private String pulsePath(UUID meetingId) {
        return "/api/sets/" + setId + "/meetings/" + meetingId + "/pulse";
    }

    private String ownPath(UUID meetingId) {
        return pulsePath(meetingId) + "/mine";
    }

    private String safetyPath() {
        return "/api/sets/" + setId + "/safety";
    }

    private static UUID id(HttpJson.Response response, String field) {
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.id(field);
    }

    private static void status(HttpJson.Response response, int expected) {
        assertThat(response.status()).as(response.raw()).isEqualTo(expected);
    }
}
