package org.actionlearning.command.personaldata;

import static org.actionlearning.command.support.Scenario.created;
import static org.actionlearning.command.support.Scenario.meeting;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.command.support.Accounts;
import org.actionlearning.command.support.CommandServiceTest;
import org.actionlearning.command.support.Scenario;
import org.actionlearning.testsupport.HttpJson;
import org.junit.jupiter.api.Test;

/**
 * Erasing a person ends their account in the same step (disabled, no grants, old tokens refused), and nothing new is
 * recorded about them afterwards, with a text or without one.
 */
class ErasureEndsEverythingTest extends CommandServiceTest {

    @Test
    void theErasedPersonsAccountStopsAndNoFactAboutThemIsRecorded() {
        Scenario scenario = new Scenario(http);
        UUID programme = scenario.launchProgramme("Erasure ends");
        UUID setId = scenario.formSet(programme, "Set");
        List<UUID> members = scenario.addMembers(setId, 2);
        UUID presenter = members.get(0);
        UUID erased = members.get(1);
        UUID meetingId = scenario.scheduleMeeting(setId, "2026-02-02");
        scenario.openMeeting(setId, meetingId, List.of(presenter, erased));
        UUID own = scenario.present(setId, meetingId, erased, "Rotas");
        UUID action = scenario.commitAction(setId, meetingId, own, erased, "2026-03-01");
        UUID challengeId = scenario.present(setId, meetingId, presenter, "Stock-outs");
        UUID metric = created(http.post("/api/outcomes", Map.of("programmeId", programme, "name", "Delay",
                "unit", "hours", "direction", "DECREASE", "period", "WEEK")), "metricId");
        HttpJson account = new Accounts(http).create("erased", erased, List.of("MEMBER:" + setId));
        String token = account.post("/api/auth/token", "").body().get("access_token").asText();
        String base = meeting(setId, meetingId);
        Map<String, Object> textlessQuestion = Map.of("challengeId", challengeId, "askerId", erased, "form", "OPEN");
        HttpJson.Response before = http.post(base + "/questions", textlessQuestion);
        assertThat(before.status()).as(before.raw()).isEqualTo(201);

        assertThat(http.delete("/api/people/" + erased).status()).isEqualTo(204);

        // the account: still listed (the administrator sees what happened), but disabled and with no grants
        JsonNode user = userOf(erased);
        assertThat(user.get("disabled").asBoolean()).isTrue();
        assertThat(user.get("grants")).isEmpty();
        assertThat(account.post("/api/auth/token", "").status()).isEqualTo(401);
        assertThat(http.withToken(token).post("/api/auth/token/renew", "").status()).isEqualTo(401);

        // nothing more about them, text or no text
        refused(http.post(base + "/questions", textlessQuestion), "askerId");
        refused(http.post(base + "/statements", Map.of("speakerId", erased, "kind", "ADVICE",
                "challengeId", challengeId)), "speakerId");
        refused(http.post("/api/actions/" + action + "/progress", Map.of("reportedOn", "2026-02-10",
                "percentComplete", 40)), "actionId");
        refused(http.post("/api/outcomes/" + metric + "/attributions", Map.of("attributionPercent", 50,
                "confidencePercent", 50, "estimatedBy", erased)), "estimatedBy");
        UUID next = scenario.scheduleMeeting(setId, "2026-03-02");
        refused(http.post(meeting(setId, next) + "/open", Map.of("attendees", List.of(presenter, erased))),
                "attendees[1]");
        // the others carry on
        HttpJson.Response other = http.post(base + "/statements", Map.of("speakerId", presenter,
                "kind", "ADVICE", "challengeId", challengeId));
        assertThat(other.status()).as(other.raw()).isEqualTo(201);
    }

    private JsonNode userOf(UUID personId) {
        HttpJson.Response users = http.get("/api/users");
        assertThat(users.status()).isEqualTo(200);
        JsonNode list = users.body().isArray() ? users.body() : users.body().path("users");
        for (JsonNode user : list) {
            if (personId.toString().equals(user.path("personId").asText())) {
                return user;
            }
        }
        throw new AssertionError("no account of person " + personId + " in " + users.raw());
    }

    private static void refused(HttpJson.Response answer, String field) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(409);
        assertThat(answer.body().at("/errors/0/field").asText()).isEqualTo(field);
        assertThat(answer.body().at("/errors/0/message").asText()).contains("was erased");
    }
}
