package org.actionlearning.command.support;

import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.actionlearning.testsupport.HttpJson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Drives the command API through the steps of a programme, asserting each step succeeded. */
public final class Scenario {

    private final HttpJson http;

    public Scenario(HttpJson http) {
        this.http = http;
    }

    public UUID launchProgramme(String name) {
        return created(http.post("/api/programmes", Map.of("organisation", "Org", "name", name,
                "sponsor", "Sponsor", "startsOn", "2026-01-05", "currency", "GBP")), "programmeId");
    }

    public UUID formSet(UUID programmeId, String name) {
        return created(http.post("/api/sets", Map.of("programmeId", programmeId, "name", name,
                "facilitatorName", "Fran")), "setId");
    }

    public List<UUID> addMembers(UUID setId, int count) {
        List<UUID> members = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            members.add(created(http.post("/api/sets/" + setId + "/members",
                    Map.of("displayName", "Member " + i)), "personId"));
        }
        return members;
    }

    public UUID scheduleMeeting(UUID setId, String date) {
        return created(http.post("/api/sets/" + setId + "/meetings", Map.of("scheduledFor", date)), "meetingId");
    }

    public void openMeeting(UUID setId, UUID meetingId, List<UUID> attendees) {
        ok(http.post(meeting(setId, meetingId) + "/open", Map.of("attendees", attendees)));
    }

    public UUID present(UUID setId, UUID meetingId, UUID presenterId, String title) {
        return created(http.post(meeting(setId, meetingId) + "/challenges",
                Map.of("presenterId", presenterId, "title", title)), "challengeId");
    }

    public UUID ask(UUID setId, UUID meetingId, UUID challengeId, UUID askerId, String form) {
        return created(http.post(meeting(setId, meetingId) + "/questions",
                Map.of("challengeId", challengeId, "askerId", askerId, "form", form, "text", "What if?")),
                "contributionId");
    }

    public UUID state(UUID setId, UUID meetingId, UUID speakerId, String kind, UUID challengeId) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("speakerId", speakerId, "kind", kind));
        if (challengeId != null) {
            body.put("challengeId", challengeId);
        }
        return created(http.post(meeting(setId, meetingId) + "/statements", body), "contributionId");
    }

    public UUID commitAction(UUID setId, UUID meetingId, UUID challengeId, UUID ownerId, String dueOn) {
        return created(http.post(meeting(setId, meetingId) + "/actions", Map.of("challengeId", challengeId,
                "ownerId", ownerId, "description", "Do the thing", "dueOn", dueOn)), "actionId");
    }

    public void closeMeeting(UUID setId, UUID meetingId) {
        ok(http.post(meeting(setId, meetingId) + "/close", Map.of()));
    }

    public static String meeting(UUID setId, UUID meetingId) {
        return "/api/sets/" + setId + "/meetings/" + meetingId;
    }

    public static UUID created(HttpJson.Response response, String idField) {
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        assertThat(response.location()).isNotBlank();
        return response.id(idField);
    }

    public static void ok(HttpJson.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
    }
}
