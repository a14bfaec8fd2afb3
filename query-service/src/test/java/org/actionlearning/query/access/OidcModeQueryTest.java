package org.actionlearning.query.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.actionlearning.query.QueryServiceApplication;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.actionlearning.testsupport.HttpJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The query service in OIDC mode against a real OpenID Connect provider in the test JVM: the provider's tokens
 * are read through discovery and its keys, their grants decide, and refused tokens are 401 problems.
 */
@SpringBootTest(classes = QueryServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {QueryServiceApplication.CONFIG_NAME, "als.projection.enabled=false"})
class OidcModeQueryTest {

    private static final String ISSUER_ID = "als";
    private static final MockOAuth2Server PROVIDER = new MockOAuth2Server();

    static {
        PROVIDER.start();
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.useDatabase(registry, EmbeddedInfrastructure.newDatabase("query_oidc"));
        registry.add("als.security.issuer-uri", () -> PROVIDER.issuerUrl(ISSUER_ID).toString());
    }

    @AfterAll
    static void stop() {
        PROVIDER.shutdown();
    }

    @Test
    void theProvidersTokensAreReadAndTheirGrantsDecide() {
        HttpJson.Response admin = client(token(ISSUER_ID, "als-platform", Map.of("als_grants", List.of("ADMIN:*")),
                3600)).get("/api/audit/reads");
        assertThat(admin.status()).as(admin.raw()).isEqualTo(200);
        HttpJson.Response noGrants = client(token(ISSUER_ID, "als-platform", Map.of(), 3600)).get("/api/audit/reads");
        assertThat(noGrants.status()).as(noGrants.raw()).isEqualTo(403);
    }

    @Test
    void expiredForeignAndMisdirectedTokensAreRefused() {
        Map<String, Object> everything = Map.of("als_grants", List.of("ADMIN:*"));
        long twoHoursAgo = Instant.now().minusSeconds(7200).getEpochSecond();
        Map<String, Object> issuedLongAgo = Map.of("als_grants", List.of("ADMIN:*"), "iat", twoHoursAgo,
                "nbf", twoHoursAgo);
        assertUnauthorized(token(ISSUER_ID, "als-platform", issuedLongAgo, -3600), "expired");
        assertUnauthorized(token("elsewhere", "als-platform", everything, 3600), "another issuer");
        assertUnauthorized(token(ISSUER_ID, "another-application", everything, 3600), "another audience");
        assertUnauthorized(token(ISSUER_ID, "als-platform", Map.of("als_grants", List.of("ADMIN:*"),
                "als_person", "not-a-person-id"), 3600), "malformed person claim");
    }

    private void assertUnauthorized(String token, String why) {
        HttpJson.Response answer = client(token).get("/api/programmes");
        assertThat(answer.status()).as(why + ": " + answer.raw()).isEqualTo(401);
        assertThat(answer.contentType()).as(why).startsWith("application/problem+json");
    }

    private HttpJson client(String token) {
        return new HttpJson("http://localhost:" + port).withToken(token);
    }

    private static String token(String issuerId, String audience, Map<String, Object> claims, long expirySeconds) {
        return PROVIDER.issueToken(issuerId, "als-client", new DefaultOAuth2TokenCallback(issuerId, "oidc-user",
                JOSEObjectType.JWT.getType(), List.of(audience), claims, expirySeconds)).serialize();
    }
}
