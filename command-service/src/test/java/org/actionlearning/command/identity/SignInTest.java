package org.actionlearning.command.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.actionlearning.command.support.Accounts;
import org.actionlearning.command.support.CommandServiceTest;
import org.actionlearning.testsupport.HttpJson.Response;
import org.actionlearning.service.security.ForwardedClient;
import org.actionlearning.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Signing in: an unknown username costs the same time as a wrong password; failures are throttled per account and
 * per client address (429 problem+json with Retry-After), counted only for failures; a password longer than
 * bcrypt takes is a 400 naming it; a rightly signed token without an expiry is refused.
 * <p>
 * The throttled requests come from their own loopback addresses (127.0.0.x), so the buckets they empty are not
 * those of the other tests, which all sign in from 127.0.0.1.
 */
class SignInTest extends CommandServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    PasswordCallers passwords;

    @Test
    void anUnknownUsernameTakesAsLongAsAWrongPassword() {
        String known = "timed-" + UUID.randomUUID().toString().substring(0, 8);
        new Accounts(http).create(known, List.of());
        String knownName = jdbc.queryForObject("select username from app_user where username like ?", String.class,
                known + "-%");
        List<Long> unknown = new ArrayList<>();
        List<Long> wrong = new ArrayList<>();
        for (int i = 0; i < 9; i++) { // interleaved, so both see the same load on the machine
            String guess = "Wrong-password-" + i;
            unknown.add(nanos(() -> passwords.caller("nobody-" + UUID.randomUUID(), guess)));
            wrong.add(nanos(() -> passwords.caller(knownName, guess)));
        }

        double ratio = (double) median(unknown) / median(wrong);

        assertThat(ratio).as("median unknown-user time / median wrong-password time").isBetween(0.5, 2.0);
    }

    @Test
    void failuresOfOneAccountAreThrottledFromEveryAddress() throws Exception {
        String username = "guessed-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.post("/api/users", Map.of("username", username, "password", Accounts.PASSWORD,
                "grants", List.of())).status()).isEqualTo(201);

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            statuses.add(signIn("127.0.0.11", username, "Wrong-guess-number-" + i).status());
        }
        Raw throttled = signIn("127.0.0.11", username, "Wrong-guess-number-10");
        Raw rightPasswordElsewhere = signIn("127.0.0.12", username, Accounts.PASSWORD);

        assertThat(statuses).containsOnly(401);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("content-type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(throttled.header("retry-after"))).isBetween(1L, 300L);
        assertThat(JSON.readTree(throttled.body()).path("status").asInt()).isEqualTo(429);
        assertThat(rightPasswordElsewhere.status()).as("the account waits, whoever asks").isEqualTo(429);
    }

    @Test
    void failingOnPurposeDoesNotLockTheOwnerOutOfAnAddressTheySignedInFrom() throws Exception {
        String username = "owner-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.post("/api/users", Map.of("username", username, "password", Accounts.PASSWORD,
                "grants", List.of())).status()).isEqualTo(201);
        assertThat(signIn("127.0.0.21", username, Accounts.PASSWORD).status()).isEqualTo(200);

        for (int i = 0; i < 10; i++) {
            assertThat(signIn("127.0.0.22", username, "Wrong-guess-number-" + i).status()).isEqualTo(401);
        }
        Raw attacker = signIn("127.0.0.22", username, "Wrong-guess-number-10");
        Raw owner = signIn("127.0.0.21", username, Accounts.PASSWORD);
        Raw newAddress = signIn("127.0.0.23", username, Accounts.PASSWORD);

        assertThat(attacker.status()).isEqualTo(429);
        assertThat(owner.status()).as("the owner's own address signs in").isEqualTo(200);
        assertThat(newAddress.status()).as("an address the account never signed in from waits").isEqualTo(429);
    }

    @Test
    void failuresFromOneAddressAreThrottledForEveryAccount() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            statuses.add(signIn("127.0.0.13", "sprayed-" + i + "-" + UUID.randomUUID(), "Wrong-guess-" + i).status());
        }
        Raw throttled = signIn("127.0.0.13", TestIdentity.ADMIN, TestIdentity.ADMIN_PASSWORD);
        Raw elsewhere = signIn("127.0.0.14", TestIdentity.ADMIN, TestIdentity.ADMIN_PASSWORD);

        assertThat(statuses).containsOnly(401);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("retry-after")).isNotBlank();
        assertThat(elsewhere.status()).as("other addresses sign in").isEqualTo(200);
    }

    @Test
    void aLoopbackClientsForwardedForIsIgnoredWithoutTheServicesSignature() throws Exception {
        // from ::1, which no other test signs in from: a spray naming a fresh address in X-Forwarded-For each time
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            statuses.add(signIn("::1", "sprayed-" + i + "-" + UUID.randomUUID(), "Wrong-guess-" + i,
                    Map.of("X-Forwarded-For", "203.0.113." + i)).status());
        }
        Raw throttled = signIn("::1", TestIdentity.ADMIN, TestIdentity.ADMIN_PASSWORD,
                Map.of("X-Forwarded-For", "203.0.113.99"));
        // the query service's word, signed with the service password, names its client: a fresh one signs in
        Raw signed = signIn("::1", TestIdentity.ADMIN, TestIdentity.ADMIN_PASSWORD, Map.of(
                "X-Forwarded-For", "198.51.100.7",
                "X-Forwarded-For-Signature", ForwardedClient.signature(TestIdentity.SERVICE_PASSWORD, "198.51.100.7")));
        Raw forged = signIn("::1", TestIdentity.ADMIN, TestIdentity.ADMIN_PASSWORD, Map.of(
                "X-Forwarded-For", "198.51.100.8",
                "X-Forwarded-For-Signature", ForwardedClient.signature("not-the-password", "198.51.100.8")));

        assertThat(statuses).containsOnly(401);
        assertThat(throttled.status()).as("counted against its own address, ::1").isEqualTo(429);
        assertThat(signed.status()).isEqualTo(200);
        assertThat(forged.status()).isEqualTo(429);
    }

    @Test
    void thePlatformsOwnServiceUserIsNeverThrottled() throws Exception {
        // what an attacker on the query service's host could do: spend that address's allowance, and the service
        // account's, so that the query service could no longer open names or reconcile
        for (int i = 0; i < 30; i++) {
            signIn("127.0.0.17", "sprayed-" + i + "-" + UUID.randomUUID(), "Wrong-guess-" + i);
        }
        for (int i = 0; i < 10; i++) {
            signIn("127.0.0.18", "service", "Wrong-guess-" + i);
        }

        assertThat(signIn("127.0.0.17", "service", TestIdentity.SERVICE_PASSWORD).status()).isEqualTo(200);
        assertThat(signIn("127.0.0.17", TestIdentity.ADMIN, TestIdentity.ADMIN_PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void rightSignInsSpendNothing() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            statuses.add(signIn("127.0.0.15", TestIdentity.ADMIN, TestIdentity.ADMIN_PASSWORD).status());
        }
        assertThat(statuses).containsOnly(200);
    }

    @Test
    void aPasswordOverBcryptsLimitIsA400NamingTheField() throws Exception {
        Raw answer = signIn("127.0.0.16", TestIdentity.ADMIN, "x".repeat(73));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("content-type")).startsWith("application/problem+json");
        assertThat(JSON.readTree(answer.body()).path("errors").get(0).path("field").asText()).isEqualTo("password");
    }

    @Test
    void aRightlySignedTokenWithoutExpiryIsRefused() throws Exception {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", TestIdentity.ADMIN);
        claims.put("aud", List.of("als-platform"));
        claims.put("iat", Instant.now().getEpochSecond());
        claims.put("als_grants", List.of("ADMIN:*"));
        String forever = sign(claims);
        claims.put("exp", Instant.now().plusSeconds(600).getEpochSecond());
        String expiring = sign(claims);

        Response refused = http.withToken(forever).get("/api/users");
        Response accepted = http.withToken(expiring).get("/api/users");

        assertThat(refused.status()).as(refused.raw()).isEqualTo(401);
        assertThat(accepted.status()).as("the same token with exp").isEqualTo(200);
    }

    private record Raw(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.getOrDefault(name, "");
        }
    }

    /** POST /api/auth/token with HTTP Basic, sent from the given loopback address (HTTP/1.0: no chunking). */
    private Raw signIn(String from, String username, String password) throws IOException {
        return signIn(from, username, password, Map.of());
    }

    private Raw signIn(String from, String username, String password, Map<String, String> extraHeaders)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(from.contains(":") ? "::1" : "127.0.0.1", port), 5_000);
            socket.setSoTimeout(15_000);
            StringBuilder extra = new StringBuilder();
            extraHeaders.forEach((name, value) -> extra.append(name).append(": ").append(value).append("\r\n"));
            String request = "POST /api/auth/token HTTP/1.0\r\nHost: localhost\r\nAuthorization: "
                    + TestIdentity.basic(username, password) + "\r\n" + extra + "Content-Length: 0\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = raw.indexOf("\r\n\r\n");
            String[] lines = raw.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(), lines[i].substring(colon + 1).trim());
            }
            return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers, raw.substring(end + 4));
        }
    }

    private static String sign(Map<String, Object> claims) throws Exception {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String input = base64.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "HS256", "typ", "JWT"))) + "."
                + base64.encodeToString(JSON.writeValueAsBytes(claims));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TestIdentity.JWT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return input + "." + base64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static long nanos(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return System.nanoTime() - start;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
