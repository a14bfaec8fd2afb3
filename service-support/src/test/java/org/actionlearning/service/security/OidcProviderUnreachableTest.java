package org.actionlearning.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A service in OIDC mode starts while its provider is unreachable (it used to fail building its token decoder),
 * refuses tokens while it cannot fetch the provider's keys, and accepts them once the provider answers.
 */
class OidcProviderUnreachableTest {

    @Test
    void tokensAreVerifiedOnceTheProviderAnswersAndNotBefore() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String issuer = "http://localhost:" + port + "/als";
        JwtCallers callers = new JwtCallers(new SecurityProperties(null, issuer, null, null, null, null, null, null));

        JwtDecoder decoder = callers.decoder();   // threw IllegalArgumentException: no configuration for the issuer

        assertThatThrownBy(() -> decoder.decode("any.token.at-all")).isInstanceOf(JwtException.class)
                .hasMessageContaining("cannot be reached");
        MockOAuth2Server provider = new MockOAuth2Server();
        provider.start(port);
        try {
            String token = provider.issueToken("als", "als-client", new DefaultOAuth2TokenCallback("als", "ada",
                    JOSEObjectType.JWT.getType(), List.of("als-platform"), Map.of("als_grants", List.of("ADMIN:Acme")),
                    3600)).serialize();

            assertThat(callers.caller(decoder.decode(token)).grants()).containsExactly(new Grant(Role.ADMIN, "Acme"));
        } finally {
            provider.shutdown();
        }
    }
}
