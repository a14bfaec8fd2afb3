package org.actionlearning.command.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * An organisation administrator cannot sign in as one of their members unseen: they may not set the member's
 * password, and a set-password link they issue (which they could use themself) is recorded in the account audit
 * and told to the member when they sign in.
 */
class AdministratorImpersonationTest extends CommandServiceTest {

    private static final String CHOSEN = "Quiet-otter-sleeps-9-hours";

    @Test
    void anAdministratorCannotSetAMembersPasswordButMaySetTheirOwn() {
        String adminName = "imp-admin-" + suffix();
        HttpJson orgAdmin = new Accounts(http).createNamed(adminName, List.of("ADMIN:Org"));
        String member = member();

        Response changed = orgAdmin.send("PATCH", "/api/users/" + member, "{\"password\":\"" + CHOSEN + "\"}",
                Map.of());
        Response own = orgAdmin.send("PATCH", "/api/users/" + adminName, "{\"password\":\"" + CHOSEN + "\"}",
                Map.of());

        assertThat(changed.status()).as(changed.raw()).isEqualTo(403);
        assertThat(changed.contentType()).startsWith("application/problem+json");
        assertThat(changed.body().path("errors").get(0).path("field").asText()).isEqualTo("password");
        assertThat(http.as(member, CHOSEN).get("/api/account/email").status()).isEqualTo(401);
        assertThat(http.as(member, Accounts.PASSWORD).get("/api/account/email").status()).isEqualTo(200);
        assertThat(own.status()).as(own.raw()).isEqualTo(200);
        assertThat(http.as(adminName, CHOSEN).get("/api/users").status()).isEqualTo(200);
    }

    @Test
    void aLinkIssuedAndUsedIsRecordedAndToldToTheUser() {
        String adminName = "link-admin-" + suffix();
        HttpJson orgAdmin = new Accounts(http).createNamed(adminName, List.of("ADMIN:Org"));
        String member = member();
        HttpJson asMember = http.as(member, Accounts.PASSWORD);
        assertThat(asMember.get(PasswordNoticeController.PATH).body().path("notice").asText())
                .startsWith("Your password was set by " + TestIdentity.ADMIN + " when they created");

        Response link = orgAdmin.post("/api/users/" + member + "/password-link", Map.of());
        String token = link.body().path("setPasswordToken").asText();
        Response set = http.anonymous().post("/api/auth/set-password", Map.of("token", token, "password", CHOSEN));

        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        assertThat(jdbc.queryForList("select action || ' by ' || done_by from account_audit where username = ? "
                + "order by id", String.class, member)).containsExactly(
                "PASSWORD_SET_AT_CREATION by " + TestIdentity.ADMIN, "LINK_ISSUED by " + adminName,
                "PASSWORD_SET_WITH_LINK by " + adminName);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Response notice = http.as(member, CHOSEN).get(PasswordNoticeController.PATH);
        assertThat(notice.status()).as(notice.raw()).isEqualTo(200);
        assertThat(notice.body().path("notice").asText()).isEqualTo("Your password was set through a link issued by "
                + adminName + " on " + today + " (set on " + today + "). If you did not use that link yourself, "
                + "tell your administrator.");
        assertThat(notice.body().path("by").asText()).isEqualTo(adminName);
    }

    @Test
    void anEarlierLinkIsToldUntilTheUserChoosesTheirOwnPassword() {
        String first = "first-admin-" + suffix();
        String second = "second-admin-" + suffix();
        HttpJson firstAdmin = new Accounts(http).createNamed(first, List.of("ADMIN:Org"));
        HttpJson secondAdmin = new Accounts(http).createNamed(second, List.of("ADMIN:Org"));
        String member = member();
        // the first administrator sets a password through their own link (and could sign in as the member) ...
        setWithLink(firstAdmin, member, "Quiet-otter-sleeps-8-hours");
        // ... and a later link, used by the member, must not hide it
        setWithLink(secondAdmin, member, CHOSEN);

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Response notice = http.as(member, CHOSEN).get(PasswordNoticeController.PATH);
        assertThat(notice.body().path("notice").asText()).isEqualTo("Your password was set through 2 links since "
                + "you last chose it yourself: issued by " + first + " on " + today + " (set on " + today + "); "
                + "issued by " + second + " on " + today + " (set on " + today + "). If you did not use each of "
                + "those links yourself, tell your administrator.");
        assertThat(notice.body().path("sets").findValuesAsText("by")).containsExactly(first, second);
        assertThat(notice.body().path("by").asText()).isEqualTo(second);

        Response own = http.as(member, CHOSEN).post("/api/account/password",
                Map.of("currentPassword", CHOSEN, "newPassword", "Green-heron-waits-7-days"));
        assertThat(own.status()).as(own.raw()).isEqualTo(200);
        Response after = http.as(member, "Green-heron-waits-7-days").get(PasswordNoticeController.PATH);
        assertThat(after.body().path("notice").isNull()).as(after.raw()).isTrue();
        assertThat(after.body().path("sets").size()).isZero();
    }

    private void setWithLink(HttpJson admin, String username, String password) {
        Response link = admin.post("/api/users/" + username + "/password-link", Map.of());
        assertThat(link.status()).as(link.raw()).isEqualTo(200);
        Response set = http.anonymous().post("/api/auth/set-password",
                Map.of("token", link.body().path("setPasswordToken").asText(), "password", password));
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
    }

    /** A member of a set of organisation "Org" with an account (password {@link Accounts#PASSWORD}). */
    private String member() {
        Scenario scenario = new Scenario(http);
        UUID setId = scenario.formSet(scenario.launchProgramme("Impersonation " + suffix()), "Set");
        UUID person = scenario.addMembers(setId, 1).get(0);
        String username = "imp-member-" + suffix();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("password", Accounts.PASSWORD);
        body.put("personId", person);
        body.put("grants", List.of("MEMBER:" + setId));
        Response created = http.post("/api/users", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return username;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
