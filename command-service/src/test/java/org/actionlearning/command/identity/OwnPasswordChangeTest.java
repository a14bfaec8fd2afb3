package org.actionlearning.command.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.command.support.Accounts;
import org.actionlearning.command.support.CommandServiceTest;
import org.actionlearning.service.security.ForwardedClient;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.HttpJson.Response;
import org.junit.jupiter.api.Test;

/**
 * A user who administers nothing changes their own password with the current one: a wrong current password and a
 * weak new one are 400s naming their field, wrong current passwords are throttled as sign-ins are, and after the
 * change the old password no longer signs in and tokens issued before it are refused (and not renewed).
 */
class OwnPasswordChangeTest extends CommandServiceTest {

    private static final String NEW_PASSWORD = "Green-kettle-sings-at-7";

    @Test
    void aMemberChangesTheirPasswordWithTheCurrentOne() {
        String username = "self-" + UUID.randomUUID().toString().substring(0, 8);
        new Accounts(http).createNamed(username, List.of());
        String before = token(username, Accounts.PASSWORD);
        HttpJson asUser = http.withToken(before);

        Response wrong = change(asUser, "Not-my-password-at-all", NEW_PASSWORD, Map.of());
        Response weak = change(asUser, Accounts.PASSWORD, "abcdefgh12345", Map.of());
        Response same = change(asUser, Accounts.PASSWORD, Accounts.PASSWORD, Map.of());
        Response changed = change(asUser, Accounts.PASSWORD, NEW_PASSWORD, Map.of());

        assertRefused(wrong, "currentPassword", "is not your current password");
        assertRefused(weak, "newPassword", "must not contain a run of 5 such as 12345, abcde or qwert");
        assertRefused(same, "newPassword", "is your current password: choose a new one");
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.body().path("username").asText()).isEqualTo(username);
        assertThat(http.as(username, Accounts.PASSWORD).post("/api/auth/token", "").status())
                .as("the old password signs in no more").isEqualTo(401);
        assertThat(http.as(username, NEW_PASSWORD).post("/api/auth/token", "").status()).isEqualTo(200);
        Response renewed = http.withToken(before).post("/api/auth/token/renew", "");
        assertThat(renewed.status()).as("a token of the old password is not renewed").isEqualTo(401);
        // the token is refused outright since the change, renewal or not
        assertThat(renewed.body().path("detail").asText()).contains("the token was issued before the account's "
                + "password was changed");
        assertThat(jdbc.queryForList("select action || ' by ' || done_by from account_audit where username = ? "
                + "order by id", String.class, username)).containsExactly(
                "PASSWORD_SET_AT_CREATION by " + org.actionlearning.testsupport.TestIdentity.ADMIN,
                "PASSWORD_CHANGED_BY_SELF by " + username);
    }

    @Test
    void wrongCurrentPasswordsAreThrottledAsSignInsAre() {
        String username = "guessing-" + UUID.randomUUID().toString().substring(0, 8);
        new Accounts(http).createNamed(username, List.of());
        HttpJson asUser = http.withToken(token(username, Accounts.PASSWORD));
        // from an address of its own (signed as the query service signs it), so no other test's sign-ins wait
        Map<String, String> from = Map.of(SignInGuard.FORWARDED_FOR, "198.51.100.41", ForwardedClient.SIGNATURE,
                ForwardedClient.signature(org.actionlearning.testsupport.TestIdentity.SERVICE_PASSWORD,
                        "198.51.100.41"));

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            statuses.add(change(asUser, "Wrong-guess-number-" + i, NEW_PASSWORD, from).status());
        }
        Response throttled = change(asUser, Accounts.PASSWORD, NEW_PASSWORD, from);

        assertThat(statuses).containsOnly(400);
        assertThat(throttled.status()).as(throttled.raw()).isEqualTo(429);
        assertThat(throttled.contentType()).startsWith("application/problem+json");
        assertThat(throttled.body().path("errors").get(0).path("field").asText()).isEqualTo("currentPassword");
        assertThat(http.as(username, NEW_PASSWORD).post("/api/auth/token", "").status())
                .as("nothing changed while throttled").isEqualTo(401);
    }

    @Test
    void theServiceUserHasNoPasswordToChangeHere() {
        Response refused = change(http.as(PasswordCallers.SERVICE_USER,
                org.actionlearning.testsupport.TestIdentity.SERVICE_PASSWORD), "whatever-it-is", NEW_PASSWORD, Map.of());
        assertThat(refused.status()).as(refused.raw()).isEqualTo(404);
        assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("username");
    }

    private static Response change(HttpJson as, String current, String next, Map<String, String> headers) {
        return as.post("/api/account/password", Map.of("currentPassword", current, "newPassword", next), headers);
    }

    private String token(String username, String password) {
        Response signedIn = http.as(username, password).post("/api/auth/token", "");
        assertThat(signedIn.status()).as(signedIn.raw()).isEqualTo(200);
        return signedIn.body().path("access_token").asText();
    }

    private static void assertRefused(Response response, String field, String message) {
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("errors").get(0).path("field").asText()).isEqualTo(field);
        assertThat(response.body().path("errors").get(0).path("message").asText()).isEqualTo(message);
    }
}
