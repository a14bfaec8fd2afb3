package org.actionlearning.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * OIDC mode against a real OpenID Connect provider in this JVM (mock-oauth2-server): the issuer's keys are found
 * through discovery and its JWKS, RS256 tokens for the platform's audience give callers with the grants claim's
 * grants, and expired tokens, tokens of another issuer or audience, and forged or unsigned ones are refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcTokensTest {

    private static final String ISSUER_ID = "als";
    private static final UUID PERSON = UUID.fromString("6f1c2a4e-0d5b-4c1e-9a7f-3b2d1e0c9f8a");
    private static final UUID SET = UUID.fromString("0b7e5c3a-8f21-4d6e-b9a4-2c1d3e4f5a6b");

    private final MockOAuth2Server provider = new MockOAuth2Server();
    private String issuer;
    private JwtCallers callers;
    private JwtDecoder decoder;

    @BeforeAll
    void start() {
        provider.start();
        issuer = provider.issuerUrl(ISSUER_ID).toString();
        callers = new JwtCallers(new SecurityProperties(null, issuer, null, null, null, null, null, null));
        decoder = callers.decoder();
    }

    @AfterAll
    void stop() {
        provider.shutdown();
    }

    @Test
    void anRs256TokenForThePlatformGivesItsSubjectPersonAndGrants() {
        String token = token(ISSUER_ID, "als-platform", Map.of("als_grants", List.of("ADMIN:Acme",
                "FACILITATOR:" + SET, "FACILITATOR:Acme", "NOBODY:x"), "als_person", PERSON.toString()), 3600);

        var jwt = decoder.decode(token);
        Caller caller = callers.caller(jwt);

        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256");
        assertThat(jwt.getIssuer().toString()).isEqualTo(issuer);
        assertThat(caller.username()).isEqualTo("ada");
        assertThat(caller.personId()).isEqualTo(PERSON);
        assertThat(caller.grants()).as("grants this version cannot read give nothing")
                .containsExactlyInAnyOrder(new Grant(Role.ADMIN, "Acme"), new Grant(Role.FACILITATOR, SET.toString()));
        assertThat(requestedPaths()).as("discovery, then the provider's keys")
                .contains("/" + ISSUER_ID + "/.well-known/openid-configuration", "/" + ISSUER_ID + "/jwks");
    }

    @Test
    void aTokenWithoutTheGrantsClaimGivesACallerWithNoGrants() {
        Caller caller = callers.caller(decoder.decode(token(ISSUER_ID, "als-platform", Map.of(), 3600)));

        assertThat(caller.grants()).isEmpty();
        assertThat(caller.person()).isEmpty();
    }

    @Test
    void anExpiredTokenIsRefused() {
        // issued two hours ago for one hour (the provider's own expiry counts from now)
        long twoHoursAgo = Instant.now().minusSeconds(7200).getEpochSecond();
        String expired = token(ISSUER_ID, "als-platform", Map.of("als_grants", List.of("ADMIN:*"),
                "iat", twoHoursAgo, "nbf", twoHoursAgo), -3600);

        assertThatThrownBy(() -> decoder.decode(expired)).isInstanceOf(JwtException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        String foreign = token("elsewhere", "als-platform", Map.of("als_grants", List.of("ADMIN:*")), 3600);

        assertThatThrownBy(() -> decoder.decode(foreign)).isInstanceOf(JwtException.class);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String other = token(ISSUER_ID, "another-application", Map.of("als_grants", List.of("ADMIN:*")), 3600);

        assertThatThrownBy(() -> decoder.decode(other)).isInstanceOf(JwtException.class)
                .hasMessageContaining("als-platform");
    }

    @Test
    void aTokenSignedWithAKeyTheProviderDoesNotPublishIsRefused() throws Exception {
        String kid = SignedJWT.parse(token(ISSUER_ID, "als-platform", Map.of(), 3600)).getHeader().getKeyID();
        RSAKey forger = new RSAKeyGenerator(2048).keyID(kid).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid)
                .type(JOSEObjectType.JWT).build(), claims().build());
        forged.sign(new RSASSASigner(forger));

        assertThatThrownBy(() -> decoder.decode(forged.serialize())).isInstanceOf(JwtException.class);
    }

    @Test
    void aPersonClaimThatIsNotAPersonIdRefusesTheToken() {
        String token = token(ISSUER_ID, "als-platform", Map.of("als_person", "ada@example.org"), 3600);

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class)
                .hasMessageContaining("als_person");
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String unsigned = new PlainJWT(claims().build()).serialize();

        assertThatThrownBy(() -> decoder.decode(unsigned)).isInstanceOf(JwtException.class);
    }

    /** What the platform's provider would sign for an administrator of everything. */
    private JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).subject("mallory").audience("als-platform")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("als_grants", List.of("ADMIN:*"));
    }

    private String token(String issuerId, String audience, Map<String, Object> claims, long expirySeconds) {
        return provider.issueToken(issuerId, "als-client", new DefaultOAuth2TokenCallback(issuerId, "ada",
                JOSEObjectType.JWT.getType(), List.of(audience), claims, expirySeconds)).serialize();
    }

    /** The requests the provider has answered so far (it throws once none is left). */
    private List<String> requestedPaths() {
        List<String> paths = new ArrayList<>();
        while (true) {
            try {
                RecordedRequest request = provider.takeRequest(100, TimeUnit.MILLISECONDS);
                paths.add(request.getPath());
            } catch (RuntimeException none) {
                return paths;
            }
        }
    }
}
