package org.actionlearning.command.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.command.support.Accounts;
import org.actionlearning.command.support.CommandServiceTest;
import org.actionlearning.command.support.Scenario;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.HttpJson.Response;
import org.junit.jupiter.api.Test;

/**
 * Authority taken ends at once on the command service: a password changed by its owner or reset with a link ends
 * every token issued before it; a member removed from a set loses the set's MEMBER grant in the same step, also for
 * tokens from before; and a list of grants read before a facilitator change or a removal cannot give the set's
 * place back (409 naming grants).
 */
class AuthorityEndsAtOnceTest extends CommandServiceTest {

    private static final String CHANGED = "Green-kettle-sings-at-7";
    private static final String RESET = "Slow-barge-drifts-past-9";

    @Test
    void aPasswordChangeOrResetEndsTheTokensIssuedBeforeIt() {
        Scenario scenario = new Scenario(http);
        UUID set = scenario.formSet(scenario.launchProgramme("Passwords"), "Set");
        String username = "pw-" + suffix();
        new Accounts(http).createNamed(username, List.of("FACILITATOR:" + set));
        String before = token(username, Accounts.PASSWORD);
        assertThat(schedule(http.withToken(before), set)).as("before the change").isEqualTo(201);

        Response changed = http.withToken(before).post("/api/account/password",
                Map.of("currentPassword", Accounts.PASSWORD, "newPassword", CHANGED));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(schedule(http.withToken(before), set)).as("a token from before the change").isEqualTo(401);
        // signed in again at once with the new password: a token issued now works
        String afterChange = token(username, CHANGED);
        assertThat(schedule(http.withToken(afterChange), set)).isEqualTo(201);

        Response link = http.post("/api/users/" + username + "/password-link", Map.of());
        assertThat(link.status()).as(link.raw()).isEqualTo(200);
        assertThat(schedule(http.withToken(afterChange), set)).as("a link alone changes nothing").isEqualTo(201);
        Response reset = http.anonymous().post("/api/auth/set-password",
                Map.of("token", link.body().path("setPasswordToken").asText(), "password", RESET));
        assertThat(reset.status()).as(reset.raw()).isEqualTo(200);
        assertThat(schedule(http.withToken(afterChange), set)).as("a token from before the reset").isEqualTo(401);
        assertThat(schedule(http.as(username, CHANGED), set)).isEqualTo(401);
        assertThat(schedule(http.withToken(token(username, RESET)), set)).isEqualTo(201);
        // what the query service is told: the account's tokens from before the reset are refused
        JsonNode notBefore = http.get("/api/auth/disabled").body().path("tokensNotBefore");
        assertThat(notBefore.has(username)).isTrue();
    }

    @Test
    void aRemovedMemberLosesTheSetAtOnceAlsoWithATokenFromBefore() {
        Scenario scenario = new Scenario(http);
        UUID set = scenario.formSet(scenario.launchProgramme("Removal"), "Set");
        List<UUID> members = scenario.addMembers(set, 3);
        UUID meeting = scenario.scheduleMeeting(set, today().toString());
        Scenario.ok(http.post(Scenario.meeting(set, meeting) + "/open",
                Map.of("attendees", members, "openedOn", today().toString())));
        HttpJson member = new Accounts(http).create("leaver", members.get(0), List.of("MEMBER:" + set));
        HttpJson stayer = new Accounts(http).create("stayer", members.get(1), List.of("MEMBER:" + set));
        String before = token(member);
        assertThat(pulse(http.withToken(before), set, meeting)).as("before the removal").isEqualTo(201);

        Response removed = http.delete("/api/sets/" + set + "/members/" + members.get(0));
        assertThat(removed.status()).as(removed.raw()).isEqualTo(204);

        // no grant left in the organisation: refused as a stranger, the set answering as if unknown
        assertThat(pulse(http.withToken(before), set, meeting)).as("a token from before").isEqualTo(404);
        assertThat(pulse(member, set, meeting)).as("the password").isEqualTo(404);
        assertThat(grantsOf("leaver-")).isEmpty();
        assertThat(grantsOf("stayer-")).containsExactly("MEMBER:" + set);
        assertThat(pulse(stayer, set, meeting)).as("another member keeps the set").isEqualTo(201);
        assertThat(http.get("/api/auth/disabled").body().path("revokedGrants").path(usernameOf("leaver-"))
                .has("MEMBER:" + set)).isTrue();
    }

    /**
     * A grant given back counts only in tokens issued after it: the token from before the removal carried the grant
     * and was ended with it, so the member's return does not revive it (an attack found it did, as giving the grant
     * again deleted the record of the revocation).
     */
    @Test
    void aGrantGivenBackDoesNotReviveATokenFromBeforeItWasTaken() {
        Scenario scenario = new Scenario(http);
        UUID set = scenario.formSet(scenario.launchProgramme("Return"), "Set");
        List<UUID> members = scenario.addMembers(set, 3);
        UUID meeting = scenario.scheduleMeeting(set, today().toString());
        Scenario.ok(http.post(Scenario.meeting(set, meeting) + "/open",
                Map.of("attendees", members, "openedOn", today().toString())));
        HttpJson member = new Accounts(http).create("returner", members.get(0), List.of("MEMBER:" + set));
        String before = token(member);

        assertThat(http.delete("/api/sets/" + set + "/members/" + members.get(0)).status()).isEqualTo(204);
        Response back = http.post("/api/sets/" + set + "/members", Map.of("displayName", "Returner",
                "personId", members.get(0)));
        assertThat(back.status()).as(back.raw()).isEqualTo(201);
        Response given = http.send("PATCH", "/api/users/" + usernameOf("returner-"),
                "{\"grants\":[\"MEMBER:" + set + "\"]}", Map.of());
        assertThat(given.status()).as(given.raw()).isEqualTo(200);

        // the old token is still a stranger's; a new one is the member's again (the pulse then answers for itself)
        assertThat(pulse(http.withToken(before), set, meeting)).as("the token from before").isEqualTo(404);
        assertThat(pulse(http.withToken(token(member)), set, meeting)).as("a token from now").isEqualTo(201);
    }

    @Test
    void aStaleListOfGrantsCannotGiveASetsPlaceBack() {
        Scenario scenario = new Scenario(http);
        UUID programme = scenario.launchProgramme("Stale");
        Response formed = http.post("/api/sets", Map.of("programmeId", programme, "name", "Wards",
                "facilitatorName", "Fran"));
        UUID set = Scenario.created(formed, "setId");
        UUID fran = Scenario.created(formed, "facilitatorId");
        List<UUID> members = scenario.addMembers(set, 2);
        String facilitator = "FACILITATOR:" + set;
        String member = "MEMBER:" + set;
        Accounts accounts = new Accounts(http);
        accounts.create("stale-demo", List.of(facilitator));        // no person, as the demo's facilitators
        accounts.create("stale-fran", fran, List.of(facilitator));
        accounts.create("stale-ann", members.get(0), List.of(member));
        accounts.create("stale-bob", members.get(1), List.of(member));
        // the lists an administration page read before the changes
        Map<String, List<String>> read = Map.of(usernameOf("stale-demo-"), List.of(facilitator),
                usernameOf("stale-fran-"), List.of(facilitator), usernameOf("stale-ann-"), List.of(member));

        Response changed = http.post("/api/sets/" + set + "/facilitator",
                Map.of("facilitatorName", "Gil", "currentFacilitatorId", fran));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        UUID gil = changed.id("facilitatorId");
        assertThat(http.delete("/api/sets/" + set + "/members/" + members.get(0)).status()).isEqualTo(204);

        read.forEach((username, grants) -> {
            Response patched = http.send("PATCH", "/api/users/" + username,
                    "{\"grants\":[\"" + String.join("\",\"", grants) + "\"]}", Map.of());
            assertThat(patched.status()).as(username + ": " + patched.raw()).isEqualTo(409);
            assertThat(patched.body().path("errors").get(0).path("field").asText()).isEqualTo("grants");
        });
        assertThat(grantsOf("stale-demo-")).isEmpty();
        assertThat(grantsOf("stale-fran-")).isEmpty();
        assertThat(grantsOf("stale-ann-")).isEmpty();
        Response created = http.post("/api/users", Map.of("username", "stale-new-" + suffix(),
                "password", Accounts.PASSWORD, "grants", List.of(facilitator)));
        assertThat(created.status()).as("a new account of no person, after the change").isEqualTo(409);
        assertThat(created.body().path("errors").get(0).path("field").asText()).isEqualTo("grants");

        // whoever holds the place now gets it; a grant already held stays in the list
        accounts.create("stale-gil", gil, List.of(facilitator));
        Response kept = http.send("PATCH", "/api/users/" + usernameOf("stale-bob-"),
                "{\"grants\":[\"" + member + "\",\"" + "SPONSOR:" + programme + "\"]}", Map.of());
        assertThat(kept.status()).as(kept.raw()).isEqualTo(200);
    }

    /** A store older than the table of set places gets it from its events at start, as the access scopes. */
    @Test
    void theSetPlacesOfAnOlderStoreAreFilledFromItsEvents() throws Exception {
        Scenario scenario = new Scenario(http);
        Response formed = http.post("/api/sets", Map.of("programmeId", scenario.launchProgramme("Older"),
                "name", "Set", "facilitatorName", "Fran"));
        UUID set = Scenario.created(formed, "setId");
        UUID fran = Scenario.created(formed, "facilitatorId");
        List<UUID> members = scenario.addMembers(set, 3);
        assertThat(http.delete("/api/sets/" + set + "/members/" + members.get(1)).status()).isEqualTo(204);
        UUID gil = http.post("/api/sets/" + set + "/facilitator",
                Map.of("facilitatorName", "Gil", "currentFacilitatorId", fran)).id("facilitatorId");
        jdbc.update("delete from set_member_now");
        jdbc.update("delete from set_facilitator_now");

        backfill.run(null);

        assertThat(jdbc.queryForList("select facilitator_id || ' ' || formed_with from set_facilitator_now"
                + " where set_id = ?", String.class, set)).containsExactly(gil + " " + fran);
        assertThat(jdbc.queryForList("select person_id from set_member_now where set_id = ?", UUID.class, set))
                .containsExactlyInAnyOrder(members.get(0), members.get(2));
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.actionlearning.eventstore.backfill.StoredEventsBackfill backfill;

    private static int schedule(HttpJson as, UUID set) {
        return as.post("/api/sets/" + set + "/meetings", Map.of("scheduledFor", "2026-06-01")).status();
    }

    private static int pulse(HttpJson as, UUID set, UUID meeting) {
        Response answered = as.post(Scenario.meeting(set, meeting) + "/pulse",
                Map.of("items", List.of(4, 4, 4, 4, 4, 4, 4)));
        return answered.status();
    }

    private String token(String username, String password) {
        return token(http.as(username, password));
    }

    private static String token(HttpJson user) {
        Response token = user.post("/api/auth/token", "");
        assertThat(token.status()).as(token.raw()).isEqualTo(200);
        return token.body().path("access_token").asText();
    }

    private List<String> grantsOf(String prefix) {
        List<String> grants = new java.util.ArrayList<>();
        user(prefix).path("grants").forEach(g -> grants.add(g.asText()));
        return grants;
    }

    private String usernameOf(String prefix) {
        return user(prefix).path("username").asText();
    }

    private JsonNode user(String prefix) {
        List<JsonNode> found = new java.util.ArrayList<>();
        http.get("/api/users").body().forEach(u -> {
            if (u.path("username").asText().startsWith(prefix)) {
                found.add(u);
            }
        });
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
