package org.actionlearning.launcher.improvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.launcher.BothServices;
import org.actionlearning.testsupport.HttpJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The after-meeting pulse end to end, over HTTP: attendees answer for themselves, a second answer replaces the
 * first, a meeting of two respondents is withheld and left out of the set's figures, nobody but the person reads an
 * answer, and erasing a person leaves the aggregates as they were. Expected figures are computed by hand below.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
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

    @BeforeAll
    void recordTwoMeetings() {
        services = new BothServices("improvement");
        cmd = services.commands;
        programmeId = id(cmd.post("/api/programmes", Map.of("organisation", "St Elsewhere", "name", "Flow",
                "sponsor", "Chief Nurse", "startsOn", "2026-01-05", "currency", "GBP")), "programmeId");
        setId = id(cmd.post("/api/sets", Map.of("programmeId", programmeId, "name", "Wards",
                "facilitatorName", "Fran Facilitator")), "setId");
        Map<String, UUID> people = new HashMap<>();
        for (String name : List.of("ann", "ben", "cat", "dan")) {
            UUID person = id(cmd.post("/api/sets/" + setId + "/members", Map.of("displayName", name)), "personId");
            people.put(name, person);
            services.createUser(name, person, "MEMBER:" + setId);
            asMember.put(name, cmd.as(name, BothServices.PASSWORD));
        }
        ann = people.get("ann");
        services.createUser("fran", null, "FACILITATOR:" + setId);
        facilitator = cmd.as("fran", BothServices.PASSWORD);
        meetingOne = meeting("2026-02-02", people.values().stream().toList());
        meetingTwo = meeting("2026-03-02", List.of(people.get("ann"), people.get("ben"), people.get("cat")));
    }

    @AfterAll
    void stop() {
        services.close();
    }

    @Test
    void pulsesAggregateWithoutPeopleAndAWithheldMeetingStaysOut() {
        status(pulse("ann", meetingOne, List.of(1, 1, 1, 1, 1, 1, 1), null), 201);
        status(pulse("ann", meetingOne, List.of(2, 6, 2, 6, 2, 6, 6), Map.of("usefulness", 4, "confidence", 5,
                "commitment", 3)), 201);   // replaces the first
        status(pulse("ben", meetingOne, List.of(1, 7, 1, 7, 1, 7, 7), Map.of("usefulness", 5)), 201);
        status(pulse("cat", meetingOne, List.of(5, 4, 5, 4, 5, 4, 4), Map.of("usefulness", 3)), 201);
        status(pulse("dan", meetingOne, List.of(7, 1, 7, 1, 7, 1, 1), null), 201);
        status(pulse("ann", meetingTwo, List.of(4, 4, 4, 4, 4, 4, 4), null), 201);
        status(pulse("ben", meetingTwo, List.of(4, 4, 4, 4, 4, 4, 4), null), 201);

        // Dan did not attend meeting two; the facilitator is no attendee and has no answers; bad items name the field
        assertThat(pulse("dan", meetingTwo, List.of(4, 4, 4, 4, 4, 4, 4), null).body().toString())
                .contains("personId");
        assertThat(pulse("dan", meetingTwo, List.of(4, 4, 4, 4, 4, 4, 4), null).status()).isBetween(400, 499);
        assertThat(facilitator.post(pulsePath(meetingOne), Map.of("items", List.of(4, 4, 4, 4, 4, 4, 4)))
                .status()).isEqualTo(403);
        HttpJson.Response sixItems = pulse("ben", meetingOne, List.of(4, 4, 4, 4, 4, 4), null);
        assertThat(sixItems.status()).isEqualTo(400);
        assertThat(sixItems.raw()).contains("items");
        HttpJson.Response eight = pulse("ben", meetingOne, List.of(4, 4, 4, 4, 4, 4, 8), null);
        assertThat(eight.status()).isEqualTo(400);
        assertThat(eight.raw()).contains("items");
        HttpJson.Response usefulSix = pulse("ben", meetingOne, List.of(4, 4, 4, 4, 4, 4, 4), Map.of("usefulness", 6));
        assertThat(usefulSix.status()).isEqualTo(400);
        assertThat(usefulSix.raw()).contains("usefulness");

        HttpJson reader = services.queries.as("fran", BothServices.PASSWORD);
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

        // erasure: Ann's answers are unreadable, the aggregates stay as they were
        String before = reader.get(safetyPath()).body().toString();
        assertThat(cmd.delete("/api/people/" + ann).status()).isEqualTo(204);
        await().atMost(PATIENCE).until(() -> services.queries.as("ann", BothServices.PASSWORD)
                .get(ownPath(meetingOne)).body().path("erased").asBoolean());
        JsonNode erased = services.queries.as("ann", BothServices.PASSWORD).get(ownPath(meetingOne)).body();
        assertThat(erased.get("items").isNull()).isTrue();
        assertThat(reader.get(safetyPath()).body().toString()).isEqualTo(before);
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
