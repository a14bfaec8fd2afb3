package org.actionlearning.command.web;

import org.actionlearning.service.FieldError;
import org.actionlearning.service.Problems;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.command.support.CommandServiceTest;
import org.actionlearning.command.support.Scenario;
import org.actionlearning.testsupport.HttpJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of bad request gets an RFC 9457 problem (400 malformed, 404 unknown id, 409 broken invariant) naming
 * the field at fault, and stores nothing: the event store has exactly as many rows after the request as before.
 */
class ErrorResponsesTest extends CommandServiceTest {

    private static final UUID NOBODY = UUID.fromString("00000000-0000-0000-0000-00000000dead");

    private Scenario scenario;

    @BeforeEach
    void scenario() {
        scenario = new Scenario(http);
    }

    // ---- 400: malformed or invalid input

    @Test
    void malformedJsonIsA400NotACrash() {
        JsonNode problem = rejected(400, "Malformed request", "/api/programmes", "{\"organisation\": \"Org\", \"name\": ");
        assertThat(problem.path("detail").asText()).startsWith("malformed JSON");
        assertThat(problem.has("errors")).isFalse();
    }

    @Test
    void missingRequiredFieldIsNamed() {
        Map<String, Object> launch = launchBody();
        launch.remove("sponsor");
        JsonNode problem = rejected(400, "Invalid request", "/api/programmes", launch);
        assertFieldError(problem, "sponsor", "blank");
    }

    @Test
    void dateThatIsNotAnIsoDateIsNamed() {
        Map<String, Object> launch = launchBody();
        launch.put("startsOn", "yesterday");
        JsonNode problem = rejected(400, "Malformed request", "/api/programmes", launch);
        assertFieldError(problem, "startsOn", "ISO date");
    }

    @Test
    void amountThatIsNotANumberIsNamed() {
        UUID programmeId = scenario.launchProgramme("Ill-typed amount");
        JsonNode problem = rejected(400, "Malformed request", "/api/programmes/" + programmeId + "/costs",
                Map.of("category", "VENUE", "amount", "lots", "incurredOn", "2026-01-10"));
        assertFieldError(problem, "amount", "number");
    }

    @Test
    void unknownCostCategoryListsTheAllowedValues() {
        UUID programmeId = scenario.launchProgramme("Bribes");
        JsonNode problem = rejected(400, "Malformed request", "/api/programmes/" + programmeId + "/costs",
                Map.of("category", "BRIBES", "amount", 100, "incurredOn", "2026-01-10"));
        assertFieldError(problem, "category",
                "[FACILITATION, PARTICIPANT_TIME, VENUE, MATERIALS, TRAVEL, OTHER]");
    }

    @Test
    void unknownQuestionFormListsTheAllowedValues() {
        OpenMeeting m = meetingWithChallenge();
        JsonNode problem = rejected(400, "Malformed request", m.path() + "/questions", Map.of(
                "challengeId", m.challengeId(), "askerId", m.members().get(1), "form", "RHETORICAL"));
        assertFieldError(problem, "form", "[OPEN, CLOSED]");
    }

    @Test
    void percentCompleteAbove100IsNamed() {
        UUID actionId = committedAction();
        JsonNode problem = rejected(400, "Invalid value", "/api/actions/" + actionId + "/progress",
                Map.of("reportedOn", "2026-02-10", "percentComplete", 101));
        assertFieldError(problem, "percentComplete", "between 0 and 100");
    }

    @Test
    void negativeAttributionPercentIsNamed() {
        UUID metricId = definedMetric();
        JsonNode problem = rejected(400, "Invalid value", "/api/outcomes/" + metricId + "/attributions",
                Map.of("attributionPercent", -1, "confidencePercent", 80));
        assertFieldError(problem, "attributionPercent", "between 0 and 100");
    }

    @Test
    void negativeCostAmountIsNamed() {
        UUID programmeId = scenario.launchProgramme("Negative cost");
        JsonNode problem = rejected(400, "Invalid value", "/api/programmes/" + programmeId + "/costs",
                Map.of("category", "VENUE", "amount", -0.01, "incurredOn", "2026-01-10"));
        assertFieldError(problem, "amount", "negative");
    }

    @Test
    void negativeSecondsAreNamed() {
        OpenMeeting m = meetingWithChallenge();
        JsonNode problem = rejected(400, "Invalid value", m.path() + "/questions", Map.of(
                "challengeId", m.challengeId(), "askerId", m.members().get(1), "form", "OPEN", "seconds", -5));
        assertFieldError(problem, "seconds", "negative");
    }

    @Test
    void unknownBodyFieldIsNamed() {
        Map<String, Object> launch = launchBody();
        launch.put("colour", "red");
        JsonNode problem = rejected(400, "Malformed request", "/api/programmes", launch);
        assertFieldError(problem, "colour", "not a field");
    }

    @Test
    void pathIdThatIsNotAUuidNamesThePathVariable() {
        JsonNode problem = rejected(400, "Invalid request", "/api/actions/not-a-uuid/complete",
                Map.of("completedOn", "2026-02-10"));
        assertFieldError(problem, "actionId", "UUID");
    }

    // ---- 404: unknown ids

    @Test
    void unknownProgrammeIsA404NamingProgrammeId() {
        JsonNode problem = rejected(404, "Not found", "/api/sets",
                Map.of("programmeId", NOBODY, "name", "Orphan set", "facilitatorName", "Fran"));
        assertFieldError(problem, "programmeId", NOBODY.toString());
    }

    @Test
    void unknownSetIsA404NamingSetId() {
        JsonNode problem = rejected(404, "Not found", "/api/sets/" + NOBODY + "/members",
                Map.of("displayName", "Lost"));
        assertFieldError(problem, "setId", NOBODY.toString());
    }

    @Test
    void unknownMeetingIsA404NamingMeetingId() {
        OpenMeeting m = meetingWithChallenge();
        JsonNode problem = rejected(404, "Not found", Scenario.meeting(m.setId(), NOBODY) + "/open",
                Map.of("attendees", m.members()));
        assertFieldError(problem, "meetingId", NOBODY.toString());
    }

    @Test
    void unknownActionIsA404NamingActionId() {
        JsonNode problem = rejected(404, "Not found", "/api/actions/" + NOBODY + "/complete",
                Map.of("completedOn", "2026-02-10"));
        assertFieldError(problem, "actionId", NOBODY.toString());
    }

    @Test
    void unknownMetricIsA404NamingMetricId() {
        JsonNode problem = rejected(404, "Not found", "/api/outcomes/" + NOBODY + "/baseline",
                Map.of("measuredOn", "2026-01-10", "value", 12));
        assertFieldError(problem, "metricId", NOBODY.toString());
    }

    // ---- 409: broken invariants

    @Test
    void aNinthMemberIsA409() {
        UUID setId = scenario.formSet(scenario.launchProgramme("Full set"), "Eight");
        scenario.addMembers(setId, 8);
        JsonNode problem = rejected(409, "Rule violated", "/api/sets/" + setId + "/members",
                Map.of("displayName", "Ninth"));
        assertThat(problem.path("detail").asText()).contains("at most 8 members");
    }

    @Test
    void aDuplicateMemberIsA409NamingPersonId() {
        UUID setId = scenario.formSet(scenario.launchProgramme("Duplicate member"), "Set");
        UUID personId = scenario.addMembers(setId, 1).get(0);
        JsonNode problem = rejected(409, "Rule violated", "/api/sets/" + setId + "/members",
                Map.of("displayName", "Again", "personId", personId));
        assertFieldError(problem, "personId", "already a member");
    }

    @Test
    void askingInAMeetingThatIsNotOpenIsA409NamingMeetingId() {
        OpenMeeting m = meetingWithChallenge();
        scenario.closeMeeting(m.setId(), m.meetingId());
        JsonNode problem = rejected(409, "Rule violated", m.path() + "/questions", Map.of(
                "challengeId", m.challengeId(), "askerId", m.members().get(1), "form", "OPEN"));
        assertFieldError(problem, "meetingId", "not open");
    }

    @Test
    void aPresenterQuestioningTheirOwnChallengeIsA409NamingAskerId() {
        OpenMeeting m = meetingWithChallenge();
        JsonNode problem = rejected(409, "Rule violated", m.path() + "/questions", Map.of(
                "challengeId", m.challengeId(), "askerId", m.presenterId(), "form", "OPEN"));
        assertFieldError(problem, "askerId", "presenter");
    }

    @Test
    void completingAnActionTwiceIsA409() {
        UUID actionId = committedAction();
        Scenario.ok(http.post("/api/actions/" + actionId + "/complete", Map.of("completedOn", "2026-02-10")));
        JsonNode problem = rejected(409, "Rule violated", "/api/actions/" + actionId + "/complete",
                Map.of("completedOn", "2026-02-11"));
        assertThat(problem.path("detail").asText()).contains("already completed");
    }

    // ---- helpers

    /** Sends a request that must be refused, asserting the problem and that no event was stored. */
    private JsonNode rejected(int status, String title, String path, Object body) {
        long before = storedEvents();
        HttpJson.Response response = http.post(path, body);
        long after = storedEvents();
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("status").asInt()).isEqualTo(status);
        assertThat(response.body().path("title").asText()).isEqualTo(title);
        assertThat(response.body().path("detail").asText()).isNotBlank();
        assertThat(after).as("events stored by a rejected request").isEqualTo(before);
        return response.body();
    }

    private static void assertFieldError(JsonNode problem, String field, String messageWord) {
        assertThat(problem.path("errors").isArray()).as(problem.toString()).isTrue();
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo(field);
        assertThat(problem.path("errors").get(0).path("message").asText()).contains(messageWord);
    }

    private static Map<String, Object> launchBody() {
        return new LinkedHashMap<>(Map.of("organisation", "Org", "name", "Errors", "sponsor", "Sam",
                "startsOn", "2026-01-05", "currency", "GBP"));
    }

    private record OpenMeeting(UUID setId, UUID meetingId, List<UUID> members, UUID challengeId) {
        UUID presenterId() {
            return members.get(0);
        }

        String path() {
            return Scenario.meeting(setId, meetingId);
        }
    }

    /** An open meeting of three members in which the first is presenting a challenge. */
    private OpenMeeting meetingWithChallenge() {
        UUID setId = scenario.formSet(scenario.launchProgramme("Errors in meetings"), "Set");
        List<UUID> members = scenario.addMembers(setId, 3);
        UUID meetingId = scenario.scheduleMeeting(setId, "2026-02-02");
        scenario.openMeeting(setId, meetingId, members);
        UUID challengeId = scenario.present(setId, meetingId, members.get(0), "Waiting lists");
        return new OpenMeeting(setId, meetingId, members, challengeId);
    }

    private UUID committedAction() {
        OpenMeeting m = meetingWithChallenge();
        return scenario.commitAction(m.setId(), m.meetingId(), m.challengeId(), m.presenterId(), "2026-03-02");
    }

    private UUID definedMetric() {
        UUID programmeId = scenario.launchProgramme("Errors in outcomes");
        return Scenario.created(http.post("/api/outcomes", Map.of("programmeId", programmeId, "name", "Wait",
                "unit", "days", "direction", "DECREASE", "period", "MONTH")), "metricId");
    }
}
