package org.actionlearning.command.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.command.support.Accounts;
import org.actionlearning.command.support.CommandServiceTest;
import org.actionlearning.command.support.Scenario;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.HttpJson.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Giving people a way in: an account made without a password answers a one-time set-password link (emailed where
 * SMTP is configured: a real SMTP server, GreenMail, here); the link sets a password once, under the password
 * rules, and not after it expired; a disabled user can neither sign in nor use a token they already hold.
 * Non-administrators are refused before any look-up; another organisation's users are not found.
 */
class AccessLinksTest extends CommandServiceTest {

    private static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "localhost", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("als.identity.set-password-url", () -> "http://pages.example/set-password");
    }

    @AfterAll
    static void stopMail() {
        SMTP.stop();
    }

    @Test
    void anAccountWithoutAPasswordGetsAOneTimeLinkThatSetsItOnceUnderThePasswordRules() throws Exception {
        UUID setId = new Scenario(http).formSet(new Scenario(http).launchProgramme("Links " + suffix()), "Set");
        UUID member = new Scenario(http).addMembers(setId, 1).get(0);
        String username = "ann-" + suffix();

        Response created = http.post("/api/users", Map.of("username", username, "personId", member,
                "grants", List.of("MEMBER:" + setId), "email", username + "@example.org"));

        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String token = created.body().path("setPasswordToken").asText();
        assertThat(token).hasSize(43); // 32 random bytes, base64url
        assertThat(created.body().path("setPasswordUrl").asText())
                .isEqualTo("http://pages.example/set-password?token=" + token);
        assertThat(created.body().path("emailed").asBoolean()).isTrue();
        MimeMessage[] mails = SMTP.getReceivedMessagesForDomain("example.org");
        assertThat(mails).anySatisfy(mail -> {
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(username + "@example.org");
            assertThat(GreenMailUtil.getBody(mail)).contains("set-password?token=" + token, username);
        });
        assertThat(jdbc.queryForObject("select count(*) from set_password_link where token_digest = ?", Long.class,
                token)).as("only the digest is stored").isZero();
        HttpJson anonymous = http.anonymous();

        Response weak = anonymous.post("/api/auth/set-password", Map.of("token", token, "password", "password123"));
        Response set = anonymous.post("/api/auth/set-password", Map.of("token", token, "password", Accounts.PASSWORD));
        Response again = anonymous.post("/api/auth/set-password",
                Map.of("token", token, "password", Accounts.PASSWORD + "-again"));

        assertThat(weak.status()).as(weak.raw()).isEqualTo(400);
        assertThat(field(weak)).isEqualTo("password");
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        assertThat(set.body().path("username").asText()).isEqualTo(username);
        assertThat(again.status()).isEqualTo(400);
        assertThat(field(again)).isEqualTo("token");
        assertThat(http.as(username, Accounts.PASSWORD).post("/api/auth/token", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void aResetLinkReplacesTheUnusedOneAndAnExpiredLinkDoesNotWork() {
        String username = "reset-" + suffix();
        Response created = http.post("/api/users", user(username));
        String first = created.body().path("setPasswordToken").asText();
        assertThat(created.body().path("emailed").asBoolean()).as("no address, nothing emailed").isFalse();

        Response reset = http.post("/api/users/" + username + "/password-link", Map.of());
        String second = reset.body().path("setPasswordToken").asText();
        jdbc.update("update set_password_link set expires_at = now() - interval '1 second' where token_digest = ?",
                SetPasswordLinks.digest(second));

        assertThat(reset.status()).as(reset.raw()).isEqualTo(200);
        assertThat(second).isNotEqualTo(first);
        for (String token : List.of(first, second)) {
            Response refused = http.anonymous().post("/api/auth/set-password",
                    Map.of("token", token, "password", Accounts.PASSWORD));
            assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
            assertThat(field(refused)).isEqualTo("token");
        }
    }

    @Test
    void aDisabledUserCannotSignInAndTheirTokenStopsWorkingForGood() {
        HttpJson admin = new Accounts(http).create("org-admin", List.of("ADMIN:Org"));
        String username = "leaver-" + suffix();
        new Accounts(http).createNamed(username, List.of("ADMIN:Org"));
        HttpJson user = http.as(username, Accounts.PASSWORD);
        String token = user.post("/api/auth/token", Map.of()).body().path("access_token").asText();
        HttpJson bearer = http.anonymous().withToken(token);
        assertThat(bearer.get("/api/users").status()).isEqualTo(200);

        Response disabled = admin.post("/api/users/" + username + "/disable", Map.of());

        assertThat(disabled.status()).as(disabled.raw()).isEqualTo(200);
        assertThat(disabled.body().path("disabled").asBoolean()).isTrue();
        assertThat(user.post("/api/auth/token", Map.of()).status()).isEqualTo(401);
        assertThat(bearer.get("/api/users").status()).isEqualTo(401);
        assertThat(admin.get("/api/users").body().findValuesAsText("username")).contains(username);

        assertThat(http.get("/api/auth/disabled").body().path("usernames").toString()).contains(username);
        assertThat(admin.get("/api/auth/disabled").status()).as("for the platform's services only").isEqualTo(403);

        assertThat(admin.post("/api/users/" + username + "/enable", Map.of()).status()).isEqualTo(200);
        // enabled again: the password signs in, the token from before the disable stays refused
        assertThat(user.get("/api/users").status()).isEqualTo(200);
        assertThat(bearer.get("/api/users").status()).isEqualTo(401);
    }

    @Test
    void nobodyDisablesThemselves() {
        String username = "self-" + suffix();
        new Accounts(http).createNamed(username, List.of("ADMIN:Org"));

        Response refused = http.as(username, Accounts.PASSWORD).post("/api/users/" + username + "/disable", Map.of());

        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(field(refused)).isEqualTo("username");
    }

    @Test
    void aNonAdministratorIsRefusedBeforeAnyLookUpAndAnotherOrganisationsUsersAreNotFound() {
        String username = "orgs-user-" + suffix();
        http.post("/api/users", user(username));
        HttpJson sponsor = new Accounts(http).create("sponsor", List.of(
                "SPONSOR:" + new Scenario(http).launchProgramme("Sponsored " + suffix())));
        HttpJson otherAdmin = new Accounts(http).create("other-admin", List.of("ADMIN:Other " + suffix()));

        for (String path : List.of("/password-link", "/disable", "/enable")) {
            Response known = sponsor.post("/api/users/" + username + path, Map.of());
            Response unknown = sponsor.post("/api/users/nobody-" + suffix() + path, Map.of());
            Response foreign = otherAdmin.post("/api/users/" + username + path, Map.of());
            assertThat(List.of(known, unknown)).allSatisfy(r -> assertThat(r.status()).as(r.raw()).isEqualTo(403));
            assertThat(foreign.status()).as(foreign.raw()).isEqualTo(404);
        }
        Response badEmail = http.post("/api/users", Map.of("username", "bad-email-" + suffix(), "grants", List.of(),
                "email", "not an address"));
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(field(badEmail)).isEqualTo("email");
    }

    /** A user of organisation "Org" (a member of one of its sets) made without a password. */
    private Map<String, Object> user(String username) {
        UUID setId = new Scenario(http).formSet(new Scenario(http).launchProgramme("Users " + suffix()), "Set");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("grants", List.of("MEMBER:" + setId));
        return body;
    }

    private static String field(Response response) {
        return response.body().path("errors").get(0).path("field").asText();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
