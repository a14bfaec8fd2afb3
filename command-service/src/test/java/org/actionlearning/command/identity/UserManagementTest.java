package org.actionlearning.command.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.command.support.Accounts;
import org.actionlearning.command.support.CommandServiceTest;
import org.actionlearning.command.support.Scenario;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.HttpJson.Response;
import org.actionlearning.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

/**
 * Users are managed by administrators only: anyone else gets 403 before their request is read or anything is
 * looked up; an administrator links accounts only to people of their own organisation; passwords bcrypt cannot
 * take whole, or that are common, are refused naming the field, at creation and on change.
 */
class UserManagementTest extends CommandServiceTest {

    @Test
    void aNonAdministratorGets403BeforeAnyLookupOrCheck() {
        HttpJson sponsor = sponsorOfOwnProgramme();

        Response taken = sponsor.post("/api/users", user(TestIdentity.ADMIN, Accounts.PASSWORD, null, List.of()));
        Response invalid = sponsor.post("/api/users", Map.of("username", "X"));
        Response listed = sponsor.get("/api/users");
        Response changed = sponsor.send("PATCH", "/api/users/" + TestIdentity.ADMIN,
                "{\"password\":\"" + Accounts.PASSWORD + "-2\"}", Map.of());

        assertThat(List.of(taken, invalid, listed, changed)).allSatisfy(r -> {
            assertThat(r.status()).as(r.raw()).isEqualTo(403);
            assertThat(r.contentType()).startsWith("application/problem+json");
        });
    }

    @Test
    void aSponsorCannotMakeAnAccountThatActsAsAMember() {
        Scenario scenario = new Scenario(http);
        UUID setId = scenario.formSet(scenario.launchProgramme("Members' programme"), "Set");
        UUID member = scenario.addMembers(setId, 1).get(0);
        HttpJson sponsor = sponsorOfOwnProgramme();

        Response created = sponsor.post("/api/users", user("as-member-" + suffix(), Accounts.PASSWORD, member,
                List.of()));

        assertThat(created.status()).as(created.raw()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from app_user where person_id = ?", Long.class, member))
                .isZero();
    }

    @Test
    void anAdministratorLinksAccountsOnlyToPeopleOfTheirOwnOrganisation() {
        Scenario scenario = new Scenario(http);
        UUID setId = scenario.formSet(scenario.launchProgramme("Org's programme"), "Set");
        UUID member = scenario.addMembers(setId, 1).get(0);
        HttpJson otherAdmin = new Accounts(http).create("other-admin", List.of("ADMIN:Other " + suffix()));
        HttpJson orgAdmin = new Accounts(http).create("org-admin", List.of("ADMIN:Org"));

        Response foreign = otherAdmin.post("/api/users", user("foreign-" + suffix(), Accounts.PASSWORD, member,
                List.of()));
        Response unknown = otherAdmin.post("/api/users", user("unknown-" + suffix(), Accounts.PASSWORD,
                UUID.randomUUID(), List.of()));
        Response own = orgAdmin.post("/api/users", user("own-" + suffix(), Accounts.PASSWORD, member,
                List.of("MEMBER:" + setId)));

        assertThat(foreign.status()).as(foreign.raw()).isEqualTo(400);
        assertThat(field(foreign)).isEqualTo("personId");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().path("detail")).as("an unknown id answers alike").isEqualTo(
                foreign.body().path("detail"));
        assertThat(own.status()).as(own.raw()).isEqualTo(201);
    }

    @Test
    void aPasswordOverBcryptsLimitIsA400NamingTheFieldAtCreationAndOnChange() {
        String seventyThreeBytes = "é".repeat(36) + "x"; // 37 characters, 73 bytes in UTF-8
        Response created = http.post("/api/users", user("long-" + suffix(), seventyThreeBytes, null, List.of()));
        String username = "changing-" + suffix();
        assertThat(http.post("/api/users", user(username, Accounts.PASSWORD, null, List.of("ADMIN:Org"))).status())
                .isEqualTo(201);
        // only their own password: an administrator gives another user a link instead
        Response changed = http.as(username, Accounts.PASSWORD).send("PATCH", "/api/users/" + username,
                "{\"password\":\"" + seventyThreeBytes + "\"}", Map.of());

        assertThat(List.of(created, changed)).allSatisfy(r -> {
            assertThat(r.status()).as(r.raw()).isEqualTo(400);
            assertThat(field(r)).isEqualTo("password");
            assertThat(r.body().path("errors").get(0).path("message").asText()).contains("72 bytes");
        });
    }

    @Test
    void aCommonPasswordIsRefusedAndTheDemoPasswordIsNot() {
        Response common = http.post("/api/users", user("common-" + suffix(), "password123", null, List.of()));
        Response run = http.post("/api/users", user("run-" + suffix(), "my-12345-secret", null, List.of()));
        Response demo = http.post("/api/users", user("demo-" + suffix(), "demo-password", null, List.of()));

        assertThat(common.status()).as(common.raw()).isEqualTo(400);
        assertThat(field(common)).isEqualTo("password");
        assertThat(common.body().path("errors").get(0).path("message").asText()).contains("common");
        assertThat(run.status()).as(run.raw()).isEqualTo(400);
        assertThat(field(run)).isEqualTo("password");
        assertThat(demo.status()).as(demo.raw()).isEqualTo(201);
    }

    @Test
    void anAdministratorChangesTheirOwnPasswordAndTheOldHashIsReplaced() {
        String username = "renewed-" + suffix();
        assertThat(http.post("/api/users", user(username, Accounts.PASSWORD, null, List.of("ADMIN:Org")))
                .status()).isEqualTo(201);
        String renewed = "Quiet-otter-sleeps-9-hours";
        String before = jdbc.queryForObject("select password_hash from app_user where username = ?", String.class,
                username);

        // signed in as themself (the old password is remembered for a minute after that sign-in, so its refusal
        // is not asked here)
        Response changed = http.as(username, Accounts.PASSWORD).send("PATCH", "/api/users/" + username,
                "{\"password\":\"" + renewed + "\"}", Map.of());

        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.raw()).doesNotContain(renewed).doesNotContain("password");
        assertThat(http.as(username, renewed).get("/api/users").status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select password_hash from app_user where username = ?", String.class,
                username)).isNotEqualTo(before);
    }

    @Test
    void anAdministratorListsEveryUserTheyManageEvenWithoutGrants() {
        HttpJson orgAdmin = new Accounts(http).create("lister", List.of("ADMIN:Lister " + suffix()));
        String grantless = "grantless-" + suffix();
        assertThat(orgAdmin.post("/api/users", user(grantless, Accounts.PASSWORD, null, List.of())).status())
                .isEqualTo(201);
        HttpJson otherAdmin = new Accounts(http).create("other-lister", List.of("ADMIN:Other " + suffix()));

        List<String> listed = usernames(orgAdmin.get("/api/users"));
        List<String> listedToOthers = usernames(otherAdmin.get("/api/users"));

        assertThat(listed).as("the user they created and can still change").contains(grantless);
        assertThat(orgAdmin.send("PATCH", "/api/users/" + grantless, "{\"grants\":[]}", Map.of()).status())
                .isEqualTo(200);
        assertThat(listedToOthers).doesNotContain(grantless);
    }

    @Test
    void aUserOfTwoOrganisationsShowsEachAdministratorOnlyTheirOwnGrants() {
        String north = "North " + suffix();
        String south = "South " + suffix();
        HttpJson northAdmin = new Accounts(http).create("north", List.of("ADMIN:" + north));
        String both = "both-" + suffix();
        assertThat(http.post("/api/users", user(both, Accounts.PASSWORD, null,
                List.of("ADMIN:" + north, "ADMIN:" + south))).status()).isEqualTo(201);

        Response listing = northAdmin.get("/api/users");

        List<String> grants = new java.util.ArrayList<>();
        listing.body().forEach(user -> {
            if (user.path("username").asText().equals(both)) {
                user.path("grants").forEach(grant -> grants.add(grant.asText()));
            }
        });
        assertThat(grants).containsExactly("ADMIN:" + north);
    }

    @Test
    void theBuiltInUsersAreReservedAndCannotBeDisabledResetOrChanged() {
        HttpJson orgAdmin = new Accounts(http).create("reserver", List.of("ADMIN:Reserver " + suffix()));

        Response service = orgAdmin.post("/api/users", user("service", null, null, List.of()));
        Response bootstrap = http.post("/api/users", user(TestIdentity.ADMIN, null, null, List.of()));

        assertThat(List.of(service, bootstrap)).allSatisfy(r -> {
            assertThat(r.status()).as(r.raw()).isEqualTo(409);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(field(r)).isEqualTo("username");
            assertThat(r.raw()).contains("is reserved");
        });
        assertThat(jdbc.queryForObject("select count(*) from app_user where username = 'service'", Long.class))
                .isZero();
        // not even a platform administrator resets, disables or changes them through the API
        for (String name : List.of("service", TestIdentity.ADMIN)) {
            List<Response> refused = List.of(http.post("/api/users/" + name + "/password-link", Map.of()),
                    http.post("/api/users/" + name + "/disable", Map.of()),
                    http.post("/api/users/" + name + "/enable", Map.of()),
                    http.send("PATCH", "/api/users/" + name, "{\"grants\":[]}", Map.of()));
            assertThat(refused).allSatisfy(r -> assertThat(r.status()).as(name + " " + r.raw()).isEqualTo(404));
        }
        assertThat(http.get("/api/users").status()).as("the bootstrap administrator keeps their grants")
                .isEqualTo(200);
    }

    @Test
    void aDisabledServiceRowLeftFromBeforeDoesNotRefuseTheServices() {
        jdbc.update("insert into app_user (username, password_hash, created_by, disabled_at) "
                + "values ('service', 'x', 'attacker', now())");
        try {
            Response disabled = http.get("/api/auth/disabled");

            assertThat(disabled.status()).as(disabled.raw()).isEqualTo(200);
            assertThat(disabled.raw()).doesNotContain("\"service\"");
        } finally {
            jdbc.update("delete from app_user where username = 'service'");
        }
    }

    @Test
    void aPersonWithAnAccountCannotBeGivenASecondOneWhoeverMadeTheFirst() {
        Scenario scenario = new Scenario(http);
        UUID setId = scenario.formSet(scenario.launchProgramme("One account " + suffix()), "Set");
        List<UUID> members = scenario.addMembers(setId, 2);
        HttpJson orgAdmin = new Accounts(http).create("one-account", List.of("ADMIN:Org"));
        // one made by this administrator, one by a platform administrator with a grant this one cannot see
        assertThat(orgAdmin.post("/api/users", user("visible-" + suffix(), Accounts.PASSWORD, members.get(0),
                List.of("MEMBER:" + setId))).status()).isEqualTo(201);
        assertThat(http.post("/api/users", user("hidden-" + suffix(), Accounts.PASSWORD, members.get(1),
                List.of("ADMIN:Elsewhere " + suffix()))).status()).isEqualTo(201);

        Response overVisible = orgAdmin.post("/api/users", user("shadow-" + suffix(), Accounts.PASSWORD,
                members.get(0), List.of("MEMBER:" + setId)));
        Response overHidden = orgAdmin.post("/api/users", user("shadow-" + suffix(), Accounts.PASSWORD,
                members.get(1), List.of("MEMBER:" + setId)));
        Response byPlatform = http.post("/api/users", user("shadow-" + suffix(), null, members.get(0), List.of()));

        assertThat(List.of(overVisible, overHidden, byPlatform)).allSatisfy(r -> {
            assertThat(r.status()).as(r.raw()).isEqualTo(409);
            assertThat(field(r)).isEqualTo("personId");
        });
        assertThat(overHidden.body().path("detail")).isEqualTo(overVisible.body().path("detail"));
        assertThat(jdbc.queryForObject("select count(*) from app_user where person_id in (?, ?)", Long.class,
                members.get(0), members.get(1))).isEqualTo(2);
    }

    @Test
    void theCreatorLosesTheWholeUserOnceTheyHoldAnotherOrganisationsGrant() {
        String north = "North " + suffix();
        String south = "South " + suffix();
        HttpJson northAdmin = new Accounts(http).create("creator", List.of("ADMIN:" + north));
        String shared = "shared-" + suffix();
        assertThat(northAdmin.post("/api/users", user(shared, Accounts.PASSWORD, null, List.of("ADMIN:" + north)))
                .status()).isEqualTo(201);
        assertThat(http.send("PATCH", "/api/users/" + shared,
                "{\"grants\":[\"ADMIN:" + north + "\",\"ADMIN:" + south + "\"]}", Map.of()).status())
                .isEqualTo(200);

        List<Response> refused = List.of(northAdmin.post("/api/users/" + shared + "/password-link", Map.of()),
                northAdmin.send("PATCH", "/api/users/" + shared, "{\"password\":\"" + Accounts.PASSWORD + "-2\"}",
                        Map.of()),
                northAdmin.post("/api/users/" + shared + "/disable", Map.of()),
                northAdmin.post("/api/users/" + shared + "/enable", Map.of()));
        // their own organisation's grants they still change: the other organisation's stays (SharedUserTest)
        Response ownGrants = northAdmin.send("PATCH", "/api/users/" + shared,
                "{\"grants\":[\"ADMIN:" + north + "\"]}", Map.of());

        assertThat(refused).allSatisfy(r -> {
            assertThat(r.status()).as(r.raw()).isEqualTo(403);
            assertThat(field(r)).isEqualTo("username");
        });
        assertThat(ownGrants.status()).as(ownGrants.raw()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from user_grant where username = ?", Long.class, shared))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("select disabled_at is null from app_user where username = ?",
                Boolean.class, shared)).isTrue();
        assertThat(http.as(shared, Accounts.PASSWORD).get("/api/users").status()).as("the password is unchanged")
                .isEqualTo(200);
        assertThat(http.post("/api/users/" + shared + "/disable", Map.of()).status())
                .as("a platform administrator still may").isEqualTo(200);
    }

    private static List<String> usernames(Response listing) {
        assertThat(listing.status()).as(listing.raw()).isEqualTo(200);
        List<String> names = new java.util.ArrayList<>();
        listing.body().forEach(user -> names.add(user.path("username").asText()));
        return names;
    }

    /** A sponsor of a programme in organisation "Org": no administrator. */
    private HttpJson sponsorOfOwnProgramme() {
        UUID programmeId = new Scenario(http).launchProgramme("Sponsored " + suffix());
        return new Accounts(http).create("sponsor", List.of("SPONSOR:" + programmeId));
    }

    private static Map<String, Object> user(String username, String password, UUID personId, List<String> grants) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("password", password);
        body.put("personId", personId);
        body.put("grants", grants);
        return body;
    }

    private static String field(Response response) {
        return response.body().path("errors").get(0).path("field").asText();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
