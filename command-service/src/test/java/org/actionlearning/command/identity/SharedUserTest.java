package org.actionlearning.command.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * A user who works for two organisations (a consultant given a set in each by a platform administrator): each
 * organisation's administrator changes the grants in their own organisation, and only those, while what would
 * reach the other organisation's data (disabling, password links, passwords, the contact address) stays with the
 * platform administrator and is refused with a 403 that says why, not the 404 of a user they were just shown.
 */
class SharedUserTest extends CommandServiceTest {

    @Test
    void eachOrganisationTakesAwayOnlyItsOwnGrantAndTheOtherStays() {
        Organisation north = organisation("Northbrook");
        Organisation south = organisation("Meridian");
        String shared = "dual-" + suffix();
        create(shared, List.of(north.facilitator(), south.facilitator()));
        String before = token(shared);
        assertThat(schedule(before, north.set)).as("before any change").isEqualTo(201);
        assertThat(schedule(before, south.set)).isEqualTo(201);
        assertThat(grantsListed(north.admin, shared)).containsExactly(north.facilitator());

        Response northRemoves = patchGrants(north.admin, shared, List.of());

        assertThat(northRemoves.status()).as(northRemoves.raw()).isEqualTo(200);
        assertThat(northRemoves.body().path("grants")).as("the answer shows only the caller's organisation")
                .isEmpty();
        assertThat(grantsStored(shared)).containsExactly(south.facilitator());
        // nothing left in Northbrook: its set answers as an unknown one would (which sets exist is not told)
        assertThat(schedule(before, north.set)).as("a token from before loses Northbrook's grant at once")
                .isEqualTo(404);
        assertThat(schedule(before, south.set)).as("and keeps Meridian's").isEqualTo(201);
        assertThat(grantsListed(south.admin, shared)).containsExactly(south.facilitator());

        Response southRemoves = patchGrants(south.admin, shared, List.of());

        assertThat(southRemoves.status()).as(southRemoves.raw()).isEqualTo(200);
        assertThat(grantsStored(shared)).isEmpty();
        assertThat(schedule(before, south.set)).isEqualTo(404);
    }

    @Test
    void anOrganisationAddsItsOwnGrantsToASharedUserButNotTheOthers() {
        Organisation north = organisation("Northbrook");
        Organisation south = organisation("Meridian");
        UUID secondNorthSet = new Scenario(http).formSet(north.programme, "Second");
        String shared = "dual-" + suffix();
        create(shared, List.of(north.member(), south.member()));

        Response added = patchGrants(north.admin, shared, List.of(north.member(), "FACILITATOR:" + secondNorthSet));
        Response foreign = patchGrants(north.admin, shared, List.of(north.member(), "ADMIN:" + south.name));

        assertThat(added.status()).as(added.raw()).isEqualTo(200);
        assertThat(grantsStored(shared)).containsExactlyInAnyOrder(north.member(), "FACILITATOR:" + secondNorthSet,
                south.member());
        assertThat(foreign.status()).as(foreign.raw()).isEqualTo(403);
        assertThat(grantsStored(shared)).hasSize(3);
    }

    @Test
    void disablingOrResettingASharedUserIsRefusedNamingTheUserAndChangesNothing() {
        Organisation north = organisation("Northbrook");
        Organisation south = organisation("Meridian");
        String shared = "dual-" + suffix();
        create(shared, List.of(north.member(), south.member()));

        List<Response> refused = List.of(north.admin.post("/api/users/" + shared + "/disable", Map.of()),
                north.admin.post("/api/users/" + shared + "/enable", Map.of()),
                north.admin.post("/api/users/" + shared + "/password-link", Map.of()),
                north.admin.send("PATCH", "/api/users/" + shared,
                        "{\"password\":\"" + Accounts.PASSWORD + "-2\"}", Map.of()),
                north.admin.send("PATCH", "/api/users/" + shared,
                        "{\"grants\":[],\"email\":\"mine@northbrook.example\"}", Map.of()),
                south.admin.post("/api/users/" + shared + "/disable", Map.of()));

        assertThat(refused).allSatisfy(r -> {
            assertThat(r.status()).as(r.raw()).isEqualTo(403);
            assertThat(r.body().path("errors").get(0).path("field").asText()).as(r.raw()).isEqualTo("username");
            assertThat(r.body().path("errors").get(0).path("message").asText()).as(r.raw())
                    .contains("another organisation");
        });
        assertThat(jdbc.queryForObject("select disabled_at is null and email is null from app_user"
                + " where username = ?", Boolean.class, shared)).isTrue();
        assertThat(grantsStored(shared)).as("a refused change changes no grant either").hasSize(2);
        assertThat(http.as(shared, Accounts.PASSWORD).post("/api/auth/token", "").status())
                .as("the password is unchanged").isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from set_password_link where username = ?", Long.class,
                shared)).isZero();
        assertThat(http.post("/api/users/" + shared + "/disable", Map.of()).status())
                .as("a platform administrator still may").isEqualTo(200);
    }

    @Test
    void aUserOfAnotherOrganisationOnlyIsStillNotFound() {
        Organisation north = organisation("Northbrook");
        Organisation south = organisation("Meridian");
        String theirs = "theirs-" + suffix();
        create(theirs, List.of(south.member()));

        Response disable = north.admin.post("/api/users/" + theirs + "/disable", Map.of());
        Response change = patchGrants(north.admin, theirs, List.of(north.member()));

        assertThat(disable.status()).as(disable.raw()).isEqualTo(404);
        assertThat(change.status()).as(change.raw()).isEqualTo(404);
        assertThat(grantsStored(theirs)).containsExactly(south.member());
    }

    /** An organisation with a programme, a set formed with a facilitator, and an administrator. */
    private record Organisation(String name, UUID programme, UUID set, HttpJson admin) {

        String facilitator() {
            return "FACILITATOR:" + set;
        }

        String member() {
            return "MEMBER:" + set;
        }
    }

    private Organisation organisation(String prefix) {
        String name = prefix + " " + suffix();
        UUID programme = Scenario.created(http.post("/api/programmes", Map.of("organisation", name, "name", "P",
                "sponsor", "Sponsor", "startsOn", "2026-01-05", "currency", "GBP")), "programmeId");
        UUID set = new Scenario(http).formSet(programme, "Set");
        HttpJson admin = new Accounts(http).create(prefix.toLowerCase(), List.of("ADMIN:" + name));
        return new Organisation(name, programme, set, admin);
    }

    /** Made by the platform administrator, without a person (as a consultant's account). */
    private void create(String username, List<String> grants) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("password", Accounts.PASSWORD);
        body.put("grants", grants);
        Response created = http.post("/api/users", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
    }

    private static Response patchGrants(HttpJson admin, String username, List<String> grants) {
        StringBuilder json = new StringBuilder("{\"grants\":[");
        for (int i = 0; i < grants.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"').append(grants.get(i)).append('"');
        }
        return admin.send("PATCH", "/api/users/" + username, json.append("]}").toString(), Map.of());
    }

    private static List<String> grantsListed(HttpJson admin, String username) {
        Response listing = admin.get("/api/users");
        assertThat(listing.status()).as(listing.raw()).isEqualTo(200);
        List<String> grants = new ArrayList<>();
        listing.body().forEach(user -> {
            if (user.path("username").asText().equals(username)) {
                user.path("grants").forEach(grant -> grants.add(grant.asText()));
            }
        });
        return grants;
    }

    private List<String> grantsStored(String username) {
        return jdbc.queryForList("select role || ':' || scope from user_grant where username = ?", String.class,
                username);
    }

    private int schedule(String token, UUID set) {
        return http.withToken(token).post("/api/sets/" + set + "/meetings", Map.of("scheduledFor", "2026-06-01"))
                .status();
    }

    private String token(String username) {
        Response token = http.as(username, Accounts.PASSWORD).post("/api/auth/token", "");
        assertThat(token.status()).as(token.raw()).isEqualTo(200);
        return token.body().path("access_token").asText();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
