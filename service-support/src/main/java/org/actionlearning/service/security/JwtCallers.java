package org.actionlearning.service.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Bearer tokens to callers and back: the one place both services read and (embedded) write token claims. */
public final class JwtCallers {

    private final SecurityProperties properties;
    /**
     * The caller of each token seen, by the whole token: a client sends the same token with every request, and
     * reading its grants again each time was a visible share of a command's CPU. A caller depends on nothing but
     * the token's claims, so a remembered one is always right; the token itself is still verified per request.
     */
    private final ByToken<Caller> callers = new ByToken<>();

    public JwtCallers(SecurityProperties properties) {
        if (!properties.issuesOwnTokens() && properties.issuerUri() == null) {
            throw new IllegalStateException("set als.security.jwt-secret (built-in identity store) or "
                    + "als.security.issuer-uri (an OAuth2/OIDC provider)");
        }
        if (properties.issuesOwnTokens() && properties.jwtSecret().getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalStateException("als.security.jwt-secret must be at least 32 bytes");
        }
        this.properties = properties;
    }

    public JwtDecoder decoder() {
        if (properties.issuerUri() != null) {
            return new VerifiedTokens(new IssuerDecoder(properties.issuerUri(),
                    rest -> validating(IssuerDecoder.discovered(properties.issuerUri(), rest))), Clock.systemUTC());
        }
        return new VerifiedTokens(validating(NimbusJwtDecoder.withSecretKey(secretKey())
                .macAlgorithm(MacAlgorithm.HS256).build()), Clock.systemUTC());
    }

    private NimbusJwtDecoder validating(NimbusJwtDecoder decoder) {
        OAuth2TokenValidator<Jwt> defaults = properties.issuerUri() != null
                ? JwtValidators.createDefaultWithIssuer(properties.issuerUri()) : JwtValidators.createDefault();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(defaults, this::hasAudience,
                this::namesPersonById));
        return decoder;
    }

    /** Only the built-in identity store signs tokens. */
    public JwtEncoder encoder() {
        return new NimbusJwtEncoder(new ImmutableSecret<>(secretKey()));
    }

    /** Checks bearer tokens; sits beside the password check in one authentication manager. */
    public AuthenticationProvider tokenProvider(JwtDecoder decoder) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(this::authentication);
        return provider;
    }

    public CallerAuthentication authentication(Jwt jwt) {
        return new CallerAuthentication(caller(jwt), null, jwt.getIssuedAt());
    }

    public Caller caller(Jwt jwt) {
        Caller known = callers.get(jwt.getTokenValue());
        if (known != null) {
            return known;
        }
        Caller caller = readCaller(jwt);
        callers.put(jwt.getTokenValue(), caller);
        return caller;
    }

    private Caller readCaller(Jwt jwt) {
        Collection<String> claims = jwt.hasClaim(properties.grantsClaim())
                ? jwt.getClaimAsStringList(properties.grantsClaim()) : List.of();
        Set<Grant> grants = claims.stream().map(JwtCallers::grantOrNull).filter(g -> g != null)
                .collect(Collectors.toSet());
        String person = jwt.getClaimAsString(properties.personClaim());
        return new Caller(jwt.getSubject(), person == null ? null : UUID.fromString(person), grants);
    }

    public SecurityProperties properties() {
        return properties;
    }

    /** A grant this version does not know (a role added later, a malformed scope) gives no permission. */
    private static Grant grantOrNull(String claim) {
        try {
            return Grant.parse(claim);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private OAuth2TokenValidatorResult hasAudience(Jwt jwt) {
        return jwt.getAudience() != null && jwt.getAudience().contains(properties.audience())
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                "the token is not meant for " + properties.audience(), null));
    }

    /**
     * A person claim that is not a person id refuses the token (401) rather than failing each request later: an
     * identity provider's mapping gone wrong shows at once, and nobody acts as a person nobody can name.
     */
    private OAuth2TokenValidatorResult namesPersonById(Jwt jwt) {
        Object person = jwt.getClaims().get(properties.personClaim());
        if (person == null) {
            return OAuth2TokenValidatorResult.success();
        }
        try {
            UUID.fromString(person.toString());
            return OAuth2TokenValidatorResult.success();
        } catch (IllegalArgumentException e) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                    "the " + properties.personClaim() + " claim is not a person id", null));
        }
    }

    private SecretKey secretKey() {
        return new SecretKeySpec(properties.jwtSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }
}
