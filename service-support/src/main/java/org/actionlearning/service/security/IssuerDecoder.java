package org.actionlearning.service.security;

import java.time.Duration;
import java.util.function.Function;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestOperations;
import org.springframework.web.client.RestTemplate;

/**
 * Verifies the tokens of an OIDC provider with the keys its discovery document points to, looked up when the first
 * token arrives rather than at start: Spring's decoder reads the discovery document and the JWKS as it is built,
 * so a service in OIDC mode could not start while its provider was unreachable. A failed look-up refuses that
 * request and is tried again by the next; the provider is asked with timeouts, never waited on for ever.
 */
final class IssuerDecoder implements JwtDecoder {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final String issuerUri;
    private final Function<RestOperations, NimbusJwtDecoder> build;
    private volatile JwtDecoder decoder;

    /** {@code build} makes the verifier from the issuer's discovery document, with the given HTTP client. */
    IssuerDecoder(String issuerUri, Function<RestOperations, NimbusJwtDecoder> build) {
        this.issuerUri = issuerUri;
        this.build = build;
    }

    /** Spring's verifier for {@code issuerUri}, its look-ups bounded by {@link #TIMEOUT}. */
    static NimbusJwtDecoder discovered(String issuerUri, RestOperations rest) {
        return NimbusJwtDecoder.withIssuerLocation(issuerUri).restOperations(rest).build();
    }

    static RestOperations boundedHttp() {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(TIMEOUT);
        requests.setReadTimeout(TIMEOUT);
        return new RestTemplate(requests);
    }

    @Override
    public Jwt decode(String token) {
        JwtDecoder current = decoder;
        if (current == null) {
            synchronized (this) {
                if (decoder == null) {
                    try {
                        decoder = build.apply(boundedHttp());
                    } catch (RuntimeException e) {
                        throw new JwtException("the identity provider " + issuerUri + " cannot be reached: "
                                + e.getMessage(), e);
                    }
                }
                current = decoder;
            }
        }
        return current.decode(token);
    }
}
