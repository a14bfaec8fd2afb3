package org.actionlearning.command.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.actionlearning.command.support.Accounts;
import org.actionlearning.command.support.CommandServiceTest;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

/**
 * The meeting console renews its token during a long meeting: a valid token buys a new one with the account's
 * grants as they are now, carrying the time of the password sign-in, until 12 hours after it.
 */
class TokenRenewalTest extends CommandServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTokenIsRenewedWithTheCurrentGrantsAndItsSignInTime() throws Exception {
        HttpJson facilitator = new Accounts(http).create("renewing", List.of());
        HttpJson.Response signedIn = facilitator.post("/api/auth/token", "");
        assertThat(signedIn.status()).as(signedIn.raw()).isEqualTo(200);
        String first = signedIn.body().get("access_token").asText();
        JsonNode firstClaims = claims(first);
        String username = firstClaims.get("sub").asText();

        HttpJson.Response renewed = http.withToken(first).post("/api/auth/token/renew", "");
        assertThat(renewed.status()).as(renewed.raw()).isEqualTo(200);
        String second = renewed.body().get("access_token").asText();
        JsonNode secondClaims = claims(second);
        assertThat(secondClaims.get("sub").asText()).isEqualTo(username);
        assertThat(secondClaims.get("signed_in_at").asLong()).isEqualTo(firstClaims.get("signed_in_at").asLong());
        assertThat(secondClaims.get("als_grants")).isEmpty();

        assertThat(secondClaims.get("exp").asLong()).isGreaterThanOrEqualTo(firstClaims.get("exp").asLong());
    }

    @Test
    void twelveHoursAfterSigningInTheTokenIsNotRenewed() {
        String stale = token(TestIdentity.ADMIN, Instant.now().minusSeconds(12 * 3600 + 60));
        HttpJson.Response refused = http.withToken(stale).post("/api/auth/token/renew", "");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("detail").asText()).contains("12 hours after signing in");

        String fresh = token(TestIdentity.ADMIN, Instant.now().minusSeconds(11 * 3600));
        assertThat(http.withToken(fresh).post("/api/auth/token/renew", "").status()).isEqualTo(200);
    }

    @Test
    void aTokenIsNotRenewedOnceThePasswordHasChanged() {
        String username = "reset-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.post("/api/users", Map.of("username", username, "password", Accounts.PASSWORD,
                "grants", List.of("ADMIN:Org"))).status()).isEqualTo(201);
        String before = http.as(username, Accounts.PASSWORD).post("/api/auth/token", "").body()
                .get("access_token").asText();
        assertThat(http.withToken(before).post("/api/auth/token/renew", "").status()).isEqualTo(200);
        String renewed = "Quiet-otter-sleeps-9-hours";

        // changed by the user themself: an administrator gives another user a link instead
        assertThat(http.as(username, Accounts.PASSWORD).send("PATCH", "/api/users/" + username,
                "{\"password\":\"" + renewed + "\"}", Map.of()).status()).isEqualTo(200);

        HttpJson.Response refused = http.withToken(before).post("/api/auth/token/renew", "");
        assertThat(refused.status()).as("a leaked token outlives no reset").isEqualTo(401);
        assertThat(refused.body().get("detail").asText()).contains("password was changed");
        String after = http.as(username, renewed).post("/api/auth/token", "").body().get("access_token").asText();
        assertThat(http.withToken(after).post("/api/auth/token/renew", "").status()).isEqualTo(200);
    }

    @Test
    void aPasswordIsNotARenewal() {
        HttpJson.Response refused = http.post("/api/auth/token/renew", "");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("detail").asText()).contains("Bearer");
    }

    private static JsonNode claims(String token) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    /** A token of this service's key for {@code username}, signed in with a password at {@code signedInAt}. */
    private static String token(String username, Instant signedInAt) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", username);
        claims.put("aud", List.of("als-platform"));
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plusSeconds(600).getEpochSecond());
        claims.put("signed_in_at", signedInAt.getEpochSecond());
        claims.put("als_grants", List.of("ADMIN:*"));
        try {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String input = b64.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "HS256", "typ", "JWT"))) + "."
                    + b64.encodeToString(JSON.writeValueAsBytes(claims));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(TestIdentity.JWT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return input + "." + b64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
