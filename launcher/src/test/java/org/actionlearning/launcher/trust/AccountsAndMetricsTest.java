package org.actionlearning.launcher.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.launcher.BothServices;
import org.actionlearning.testsupport.TestIdentity;
import org.actionlearning.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On both services: metrics are the operators' (health stays open); a page session ended by a disable sends the
 * browser to the sign-in form saying why, while API clients get 401 problem+json; and what a user held before a
 * disable stays refused after they are enabled again.
 */
@ExtendWith(TrustServices.class)
class AccountsAndMetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Tall-heron-crosses-4-rivers";
    private static final String OPERATOR = TestIdentity.basic(TestIdentity.ADMIN, TestIdentity.ADMIN_PASSWORD);

    @Test
    void metricsAreForOperatorsAndHealthStaysOpenOnBothServices() {
        BothServices services = TrustServices.services();
        String member = "Bearer " + TestTokens.token("member", null, "MEMBER:" + UUID.randomUUID());
        for (String url : List.of(services.commandUrl, services.queryUrl)) {
            Http.Answer anonymous = Http.send(url + "/actuator/prometheus", "GET", null, null, Map.of());
            assertThat(anonymous.status()).as("anonymous at %s: %s", url, anonymous.brief()).isEqualTo(401);
            assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
            assertThat(Http.send(url + "/actuator/prometheus", "GET", member, null, Map.of()).status())
                    .as("a member at %s", url).isEqualTo(403);
            assertThat(Http.send(url + "/actuator/metrics", "GET", member, null, Map.of()).status())
                    .as("a member at %s", url).isEqualTo(403);
            Http.Answer operator = Http.send(url + "/actuator/prometheus", "GET", OPERATOR, null, Map.of());
            assertThat(operator.status()).as(operator.brief()).isEqualTo(200);
            assertThat(operator.body()).contains("jvm_memory_used_bytes");
            for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
                assertThat(Http.send(url + probe, "GET", null, null, Map.of()).status()).as(url + probe)
                        .isEqualTo(200);
            }
        }
    }

    @Test
    void aPageSessionEndedByADisableGoesToTheSignInFormSayingWhyAndAnApiClientGetsA401() {
        BothServices services = TrustServices.services();
        String username = newUser(services);
        Http.Browser browser = new Http.Browser(services.queryUrl, username, PASSWORD);
        assertThat(browser.get("/").status()).isEqualTo(200);

        assertThat(admin(services, username, "disable").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Http.Answer page = browser.get("/");
            assertThat(page.status()).as(page.brief()).isEqualTo(302);
            assertThat(page.header("Location")).endsWith("/login?disabled");
        });
        Http.Answer form = browser.get("/login?disabled");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("your account was").contains("disabled").contains("name=\"password\"");
        Http.Answer api = Http.send(services.queryUrl + "/api/programmes", "GET",
                TestIdentity.basic(username, PASSWORD), null, Map.of("Accept", "application/json"));
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aTokenAndAPageSessionFromBeforeADisableStayRefusedOnBothServicesAfterTheUserIsEnabledAgain()
            throws Exception {
        BothServices services = TrustServices.services();
        String username = newUser(services);
        String before = "Bearer " + token(services, username);
        Http.Browser browser = new Http.Browser(services.queryUrl, username, PASSWORD);
        assertThat(Http.send(services.queryUrl + "/api/programmes", "GET", before, null, Map.of()).status())
                .isEqualTo(200);

        assertThat(admin(services, username, "disable").status()).isEqualTo(200);
        assertThat(admin(services, username, "enable").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Http.Answer query = Http.send(services.queryUrl + "/api/programmes", "GET", before, null, Map.of());
            assertThat(query.status()).as("query service: " + query.brief()).isEqualTo(401);
        });
        Http.Answer command = Http.send(services.commandUrl + "/api/account/email", "GET", before, null, Map.of());
        assertThat(command.status()).as("command service: " + command.brief()).isEqualTo(401);
        assertThat(command.header("Content-Type")).startsWith("application/problem+json");
        Http.Answer page = browser.get("/");
        assertThat(page.status()).as(page.brief()).isEqualTo(302);
        // enabled by now: the form says the session ended (a password change or a disable since), not "disabled"
        assertThat(page.header("Location")).endsWith("/login?ended");

        // enabled again: signing in anew works everywhere (tokens count whole seconds: wait for the next one)
        Thread.sleep(1_100);
        String after = "Bearer " + token(services, username);
        assertThat(Http.send(services.queryUrl + "/api/programmes", "GET", after, null, Map.of()).status())
                .isEqualTo(200);
        assertThat(Http.send(services.commandUrl + "/api/account/email", "GET", after, null, Map.of()).status())
                .isEqualTo(200);
        assertThat(new Http.Browser(services.queryUrl, username, PASSWORD).get("/").status()).isEqualTo(200);
    }

    private static String newUser(BothServices services) {
        String username = "lifecycle-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Answer created = Http.send(services.commandUrl + "/api/users", "POST", OPERATOR,
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"grants\":[]}", Map.of());
        assertThat(created.status()).as(created.brief()).isEqualTo(201);
        return username;
    }

    private static Http.Answer admin(BothServices services, String username, String change) {
        return Http.send(services.commandUrl + "/api/users/" + username + "/" + change, "POST", OPERATOR, "",
                Map.of());
    }

    private static String token(BothServices services, String username) throws Exception {
        Http.Answer answer = Http.send(services.commandUrl + "/api/auth/token", "POST",
                TestIdentity.basic(username, PASSWORD), "", Map.of());
        assertThat(answer.status()).as(answer.brief()).isEqualTo(200);
        return JSON.readTree(answer.body()).path("access_token").asText();
    }
}
