package org.actionlearning.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;
import org.actionlearning.command.support.CommandServiceTest;
import org.actionlearning.testsupport.HttpJson;
import org.junit.jupiter.api.Test;

/**
 * The command API takes HTTP Basic, which a browser may remember, so a command sent from another site is refused
 * (the shared origin check of service-support); the meeting console's origin, allowed by the CORS configuration
 * ({@code als.cors.allowed-origins}, by default the query service on localhost:8082), and scripts without an origin
 * pass. A 401 never challenges for Basic.
 */
class BrowserOriginTest extends CommandServiceTest {

    private static final Map<String, Object> PROGRAMME = Map.of("organisation", "Origin Trust", "name", "Origins",
            "sponsor", "Chief Nurse", "startsOn", "2026-01-05", "currency", "GBP");

    @Test
    void aCommandFromAnotherSiteIsRefusedWithAProblem() {
        HttpJson.Response forged = http.post("/api/programmes", PROGRAMME, Map.of("Origin", "http://evil.example"));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        assertThat(forged.body().get("detail").asText()).contains("http://evil.example");
    }

    @Test
    void theConsolesOriginTheServicesOwnAndScriptsPass() {
        assertThat(http.post("/api/programmes", PROGRAMME, Map.of("Origin", "http://localhost:8082")).status())
                .isEqualTo(201);
        assertThat(http.post("/api/programmes", PROGRAMME, Map.of("Origin", "http://localhost:" + port)).status())
                .isEqualTo(201);
        assertThat(http.post("/api/programmes", PROGRAMME).status()).isEqualTo(201);
    }

    @Test
    void aRequestWithoutCredentialsIsChallengedForABearerTokenOnly() throws Exception {
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/users")).GET().build(), BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().allValues("WWW-Authenticate")).containsExactly("Bearer realm=\"als\"");
    }
}
