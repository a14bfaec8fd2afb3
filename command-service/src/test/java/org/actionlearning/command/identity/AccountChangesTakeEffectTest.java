package org.actionlearning.command.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.command.support.Accounts;
import org.actionlearning.command.support.CommandServiceTest;
import org.actionlearning.testsupport.HttpJson;
import org.junit.jupiter.api.Test;

/**
 * What an administrator changes about an account takes effect at once on this service: the old password stops
 * working the moment it is changed or reset (a password proven a moment ago is not remembered past a change), and a
 * token issued before a disable stays refused after the user is enabled again.
 */
class AccountChangesTakeEffectTest extends CommandServiceTest {

    private static final String NEW_PASSWORD = "Quiet-otter-sleeps-9-hours";

    @Test
    void theOldPasswordIsRefusedAtOnceAfterAChange() {
        // an administrator of their own: the one kind of user who changes a password with PATCH (others use a link)
        String username = "changes-" + UUID.randomUUID().toString().substring(0, 8);
        new Accounts(http).createNamed(username, List.of("ADMIN:Org"));
        HttpJson old = http.as(username, Accounts.PASSWORD);
        assertThat(old.post("/api/auth/token", "").status()).as("proven once, so remembered").isEqualTo(200);

        assertThat(old.send("PATCH", "/api/users/" + username, "{\"password\":\"" + NEW_PASSWORD + "\"}", Map.of())
                .status()).isEqualTo(200);

        HttpJson.Response refused = old.post("/api/auth/token", "");
        assertThat(refused.status()).as(refused.raw()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(http.as(username, NEW_PASSWORD).post("/api/auth/token", "").status()).isEqualTo(200);
    }

    @Test
    void theOldPasswordIsRefusedAtOnceAfterAResetByLink() {
        String username = newUser();
        HttpJson old = http.as(username, Accounts.PASSWORD);
        assertThat(old.post("/api/auth/token", "").status()).isEqualTo(200);
        HttpJson.Response link = http.post("/api/users/" + username + "/password-link", "");
        assertThat(link.status()).as(link.raw()).isEqualTo(200);

        HttpJson.Response set = http.anonymous().post("/api/auth/set-password",
                Map.of("token", link.body().path("setPasswordToken").asText(), "password", NEW_PASSWORD));
        assertThat(set.status()).as(set.raw()).isLessThan(300);

        assertThat(old.post("/api/auth/token", "").status()).isEqualTo(401);
        assertThat(http.as(username, NEW_PASSWORD).post("/api/auth/token", "").status()).isEqualTo(200);
    }

    @Test
    void aTokenFromBeforeADisableStaysRefusedAfterTheUserIsEnabledAgain() throws InterruptedException {
        String username = newUser();
        HttpJson user = http.as(username, Accounts.PASSWORD);
        String before = user.post("/api/auth/token", "").body().path("access_token").asText();
        assertThat(http.withToken(before).get("/api/account/email").status()).isEqualTo(200);

        assertThat(http.post("/api/users/" + username + "/disable", "").status()).isEqualTo(200);
        assertThat(http.withToken(before).get("/api/account/email").status()).isEqualTo(401);
        assertThat(http.post("/api/users/" + username + "/enable", "").status()).isEqualTo(200);

        HttpJson.Response refused = http.withToken(before).get("/api/account/email");
        assertThat(refused.status()).as("a re-enable brings no old token back: " + refused.raw()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        // the password is good again; a token issued now works (tokens count whole seconds: wait for the next one)
        Thread.sleep(1_100);
        String after = user.post("/api/auth/token", "").body().path("access_token").asText();
        assertThat(http.withToken(after).get("/api/account/email").status()).isEqualTo(200);
        assertThat(http.withToken(before).get("/api/account/email").status()).isEqualTo(401);
    }

    private String newUser() {
        String username = "changes-" + UUID.randomUUID().toString().substring(0, 8);
        new Accounts(http).createNamed(username, List.of());
        return username;
    }
}
