package org.actionlearning.command.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.actionlearning.command.CommandServiceApplication;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TestIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command service in OIDC mode (an issuer instead of the built-in store's key), against a real OpenID Connect
 * provider in this JVM: its tokens' grants decide what a caller may do, and expired, foreign, misdirected and
 * malformed tokens are a 401 problem, never a 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcModeTest {

    private static final String ISSUER_ID = "als";
    private static final String ORGANISATION = "Oidc Org";

    private final MockOAuth2Server provider = new MockOAuth2Server();
    private ConfigurableApplicationContext service;
    private HttpJson http;

    @BeforeAll
    void start() {
        provider.start();
        service = CommandServiceApplication.builder().run("--server.port=0",
                "--spring.datasource.url=" + EmbeddedInfrastructure.newDatabase("oidc"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--als.relay.bootstrap-servers=" + EmbeddedInfrastructure.kafkaBootstrapServers(),
                "--als.relay.topic=als.events.oidc",
                "--als.security.issuer-uri=" + provider.issuerUrl(ISSUER_ID),
                "--als.identity.admin-password=" + TestIdentity.ADMIN_PASSWORD,
                "--als.security.service-password=" + TestIdentity.SERVICE_PASSWORD,
                "--als.personal-data.master-key=" + TestIdentity.MASTER_KEY);
        http = new HttpJson("http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort());
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
        provider.shutdown();
    }

    @Test
    void theGrantsClaimDecidesWhatTheCallerMayDo() {
        HttpJson admin = http.withToken(token(ISSUER_ID, "als-platform",
                Map.of("als_grants", List.of("ADMIN:" + ORGANISATION)), 3600));
        HttpJson.Response created = admin.post("/api/programmes", programme());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);

        HttpJson otherAdmin = http.withToken(token(ISSUER_ID, "als-platform",
                Map.of("als_grants", List.of("ADMIN:Another Org")), 3600));
        assertThat(otherAdmin.post("/api/programmes", programme()).status()).isEqualTo(403);
        HttpJson noGrants = http.withToken(token(ISSUER_ID, "als-platform", Map.of(), 3600));
        assertThat(noGrants.post("/api/programmes", programme()).status()).isEqualTo(403);
    }

    @Test
    void expiredForeignAndMisdirectedTokensAreRefused() {
        Map<String, Object> everything = Map.of("als_grants", List.of("ADMIN:*"));
        // issued two hours ago for an hour (the provider counts its expiry from now)
        long twoHoursAgo = Instant.now().minusSeconds(7200).getEpochSecond();
        assertUnauthorized(token(ISSUER_ID, "als-platform", Map.of("als_grants", List.of("ADMIN:*"),
                "iat", twoHoursAgo, "nbf", twoHoursAgo), -3600), "expired");
        assertUnauthorized(token("elsewhere", "als-platform", everything, 3600), "another issuer");
        assertUnauthorized(token(ISSUER_ID, "another-application", everything, 3600), "another audience");
        assertUnauthorized(token(ISSUER_ID, "als-platform", everything, 3600) + "x", "altered signature");
    }

    @Test
    void aPersonClaimThatIsNotAnIdIsA401NotA500() {
        assertUnauthorized(token(ISSUER_ID, "als-platform", Map.of("als_grants", List.of("ADMIN:*"),
                "als_person", "not-a-person-id"), 3600), "malformed person claim");
    }

    @Test
    void theTokenEndpointSaysTokensComeFromTheProvider() {
        HttpJson.Response answer = http.withToken(token(ISSUER_ID, "als-platform",
                Map.of("als_grants", List.of("ADMIN:*")), 3600)).post("/api/auth/token", "");

        assertThat(answer.status()).as(answer.raw()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("detail").asText()).contains(provider.issuerUrl(ISSUER_ID).toString());
    }

    private void assertUnauthorized(String token, String why) {
        HttpJson.Response answer = http.withToken(token).get("/api/users");
        assertThat(answer.status()).as(why + ": " + answer.raw()).isEqualTo(401);
        assertThat(answer.contentType()).as(why).startsWith("application/problem+json");
    }

    private static Map<String, Object> programme() {
        return Map.of("organisation", ORGANISATION, "name", "Provider-signed " + UUID.randomUUID(),
                "sponsor", "S", "startsOn", "2026-01-05", "currency", "GBP");
    }

    private String token(String issuerId, String audience, Map<String, Object> claims, long expirySeconds) {
        return provider.issueToken(issuerId, "als-client", new DefaultOAuth2TokenCallback(issuerId, "oidc-user",
                JOSEObjectType.JWT.getType(), List.of(audience), claims, expirySeconds)).serialize();
    }
}
