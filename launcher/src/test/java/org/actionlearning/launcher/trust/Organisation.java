package org.actionlearning.launcher.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.launcher.BothServices;
import org.actionlearning.testsupport.TestIdentity;

/**
 * One organisation as the adversarial suite sets it up through the command API: a programme with a cost and an
 * outcome metric, a set of five with an open meeting, a challenge, a question and an action, and one account per
 * role (its administrator, the programme's sponsor, the set's facilitator, and the member who owns the action),
 * each holding a bearer token from the identity store. Every name it records contains {@link #marker}, so an answer
 * carrying any of it can be found by searching for that word.
 */
final class Organisation {

    enum Role { ADMIN, SPONSOR, FACILITATOR, MEMBER }

    /** A user of the platform: their username, bearer token, and a browser signed in to the pages as them. */
    record Account(Role role, String organisation, String username, String bearer, Http.Browser pages) {
        @Override
        public String toString() {
            return role + " of " + organisation + " (" + username + ")";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    final String name;
    final String marker;
    final UUID programmeId;
    final UUID setId;
    /** The person facilitating the set as formed (the FACILITATOR account is no person, as the demo's are). */
    final UUID facilitatorId;
    final UUID meetingId;
    final UUID challengeId;
    final UUID actionId;
    final UUID metricId;
    /**
     * Members 1..5; member 2 presents the challenge, owns its action and has the MEMBER account; 4 and 5 are for
     * removal and erasure.
     */
    final List<UUID> members = new ArrayList<>();
    final Map<Role, Account> accounts = new EnumMap<>(Role.class);
    private final String commandUrl;
    private final String queryUrl;

    /**
     * @param marker one word that every name of this organisation contains (and no other organisation's)
     */
    Organisation(BothServices services, String platformAdminToken, String marker) {
        this.marker = marker;
        this.name = marker + " Health Trust";
        this.commandUrl = services.commandUrl;
        this.queryUrl = services.queryUrl;
        String admin = "Bearer " + platformAdminToken;
        programmeId = id(post(admin, "/api/programmes", Map.of("organisation", name, "name", marker + " discharge",
                "sponsor", marker + " chief nurse", "startsOn", "2026-01-05", "currency", "GBP")), "programmeId");
        id(post(admin, "/api/programmes/" + programmeId + "/costs", Map.of("category", "FACILITATION",
                "amount", 5000, "incurredOn", "2026-01-05")), "costId");
        Http.Answer formed = post(admin, "/api/sets", Map.of("programmeId", programmeId, "name", marker + " wards",
                "facilitatorName", marker + " Fran"));
        setId = id(formed, "setId");
        facilitatorId = id(formed, "facilitatorId");
        for (int i = 1; i <= 5; i++) {
            members.add(id(post(admin, "/api/sets/" + setId + "/members",
                    Map.of("displayName", marker + " member " + i)), "personId"));
        }
        meetingId = id(post(admin, "/api/sets/" + setId + "/meetings", Map.of("scheduledFor", "2026-02-02")),
                "meetingId");
        String meeting = "/api/sets/" + setId + "/meetings/" + meetingId;
        require(post(admin, meeting + "/open", Map.of("attendees", members)), 200);
        challengeId = id(post(admin, meeting + "/challenges", Map.of("presenterId", members.get(1),
                "title", marker + " delayed discharges")), "challengeId");
        id(post(admin, meeting + "/questions", Map.of("challengeId", challengeId, "askerId", members.get(0),
                "form", "OPEN", "text", marker + " what have you tried?")), "contributionId");
        actionId = id(post(admin, meeting + "/actions", Map.of("challengeId", challengeId, "ownerId", members.get(1),
                "description", marker + " call the pharmacy", "dueOn", "2026-03-01")), "actionId");
        metricId = id(post(admin, "/api/outcomes", Map.of("programmeId", programmeId, "name", marker + " delay",
                "unit", "hours", "direction", "DECREASE", "period", "WEEK")), "metricId");

        String user = marker.toLowerCase();
        account(admin, Role.ADMIN, user + "-admin", null, "ADMIN:" + name);
        account(admin, Role.SPONSOR, user + "-sponsor", null, "SPONSOR:" + programmeId);
        account(admin, Role.FACILITATOR, user + "-facilitator", null, "FACILITATOR:" + setId);
        account(admin, Role.MEMBER, user + "-member", members.get(1), "MEMBER:" + setId);
    }

    Account account(Role role) {
        return accounts.get(role);
    }

    /** Every id of this organisation's things, as text. */
    List<String> ids() {
        List<String> ids = new ArrayList<>(List.of(programmeId.toString(), setId.toString(), meetingId.toString(),
                challengeId.toString(), actionId.toString(), metricId.toString()));
        members.forEach(m -> ids.add(m.toString()));
        return ids;
    }

    /** What of this organisation's data a text holds that the request did not carry itself; empty if nothing. */
    List<String> leakedInto(String answer, String request) {
        List<String> leaked = new ArrayList<>();
        String text = answer == null ? "" : answer.toLowerCase();
        String asked = request.toLowerCase();
        List<String> markers = new ArrayList<>(ids());
        markers.add(marker.toLowerCase());
        for (String m : markers) {
            if (text.contains(m.toLowerCase()) && !asked.contains(m.toLowerCase())) {
                leaked.add(m);
            }
        }
        return leaked;
    }

    private void account(String admin, Role role, String username, UUID personId, String grant) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("password", PASSWORD);
        body.put("personId", personId);
        body.put("grants", List.of(grant));
        require(post(admin, "/api/users", body), 201);
        String basic = TestIdentity.basic(username, PASSWORD);
        Http.Answer token = Http.send(commandUrl + "/api/auth/token", "POST", basic, null, Map.of());
        require(token, 200);
        accounts.put(role, new Account(role, name, username, "Bearer " + read(token.body()).get("access_token")
                .asText(), new Http.Browser(queryUrl, username, PASSWORD)));
    }

    /** Long and of every kind of character, so that no password rule of the identity store refuses it. */
    static final String PASSWORD = "Qv7#Lantern-harbour-Adversary-92";

    private Http.Answer post(String authorization, String path, Object body) {
        return Http.send(commandUrl + path, "POST", authorization, write(body), Map.of());
    }

    private static UUID id(Http.Answer answer, String field) {
        require(answer, 201);
        return UUID.fromString(read(answer.body()).get(field).asText());
    }

    private static void require(Http.Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException("setting up: expected " + status + ", got " + answer.brief());
        }
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
