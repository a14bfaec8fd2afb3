package org.actionlearning.launcher.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.actionlearning.launcher.BothServices;
import org.actionlearning.testsupport.TestIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A page session outlives the bearer token it hands to the pages' scripts unless it renews it: with tokens of 8
 * seconds, a page loaded after the sign-in's token expired must still hand over a token the command API takes, and a
 * session whose renewal is refused (the password changed) must end, sending the user to sign in again.
 */
class PageSessionTokenTest {

    private static final Pattern TOKEN = Pattern.compile("data-command-token=\"([^\"]*)\"");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long LIFETIME_SECONDS = 8;

    private static BothServices services;

    @BeforeAll
    static void start() {
        services = new BothServices("pagetoken", null, "--als.security.token-ttl=PT" + LIFETIME_SECONDS + "S");
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void aReloadAfterTheSignInsTokenExpiredHandsOverAFreshToken() throws Exception {
        services.createUser("page-admin", null, "ADMIN:PageOrg");
        Http.Browser browser = new Http.Browser(services.queryUrl, "page-admin", BothServices.PASSWORD);
        String first = tokenOf(browser.get("/admin"));
        Instant firstExpiry = expiry(first);

        Thread.sleep(3_000); // past a quarter of its lifetime: renewed on the next page
        String second = tokenOf(browser.get("/admin"));
        sleepUntil(firstExpiry.plusSeconds(1));
        String third = tokenOf(browser.get("/admin"));

        assertThat(expiry(third)).as("the token handed over after the first expired").isAfter(Instant.now());
        assertThat(second).isNotEqualTo(first);
        Http.Answer used = Http.send(services.commandUrl + "/api/auth/token/renew", "POST", "Bearer " + third, null,
                Map.of());
        assertThat(used.status()).as(used.brief()).isEqualTo(200);
        assertThat(grants(third)).containsExactly("ADMIN:PageOrg");
    }

    @Test
    void aSessionWhoseRenewalIsRefusedEndsAtTheSignInForm() throws Exception {
        services.createUser("page-changer", null, "ADMIN:PageOrg");
        Http.Browser browser = new Http.Browser(services.queryUrl, "page-changer", BothServices.PASSWORD);
        assertThat(browser.get("/admin").status()).isEqualTo(200);
        Http.Answer changed = Http.send(services.commandUrl + "/api/account/password", "POST",
                TestIdentity.basic("page-changer", BothServices.PASSWORD),
                "{\"currentPassword\":\"" + BothServices.PASSWORD + "\",\"newPassword\":\"Slow-snail-climbs-3-walls\"}",
                Map.of());
        assertThat(changed.status()).as(changed.brief()).isEqualTo(200);

        Thread.sleep(3_000); // the token is due for renewal, which the changed password refuses
        Http.Answer page = browser.get("/admin");

        assertThat(page.status()).as(page.brief()).isEqualTo(302);
        assertThat(page.header("Location")).contains("/login");
        Http.Answer again = browser.get("/admin");
        assertThat(again.status()).as("the session is gone").isEqualTo(302);
    }

    private static String tokenOf(Http.Answer page) {
        assertThat(page.status()).as(page.brief()).isEqualTo(200);
        Matcher token = TOKEN.matcher(page.body());
        assertThat(token.find()).as("a page carrying a command token").isTrue();
        return token.group(1);
    }

    private static JsonNode claims(String token) throws Exception {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static Instant expiry(String token) throws Exception {
        return Instant.ofEpochSecond(claims(token).path("exp").asLong());
    }

    private static List<String> grants(String token) throws Exception {
        return JSON.convertValue(claims(token).path("als_grants"), JSON.getTypeFactory()
                .constructCollectionType(List.class, String.class));
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        long millis = when.toEpochMilli() - System.currentTimeMillis();
        if (millis > 0) {
            Thread.sleep(Math.min(millis, 2 * LIFETIME_SECONDS * 1000));
        }
    }
}
