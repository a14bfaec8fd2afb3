package org.actionlearning.command.identity;

import java.time.Instant;
import java.util.List;
import org.actionlearning.service.security.Caller;
import org.actionlearning.service.security.Grant;
import org.actionlearning.service.security.JwtCallers;
import org.actionlearning.service.security.SecurityProperties;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Signs bearer tokens for users of the built-in identity store; both services accept them. */
@Component
public class TokenIssuer {

    private final JwtEncoder encoder;
    private final SecurityProperties properties;

    public TokenIssuer(JwtCallers jwt) {
        this.properties = jwt.properties();
        this.encoder = properties.issuesOwnTokens() ? jwt.encoder() : null;
    }

    public record Token(String accessToken, long expiresInSeconds) {
    }

    /** False in OIDC mode, where the provider issues the tokens. */
    public boolean issuesTokens() {
        return encoder != null;
    }

    public String issuerUri() {
        return properties.issuerUri();
    }

    /**
     * How long after signing in with a password a token can still be renewed: a whole day's meeting, not for ever
     * (a token that renews itself without end would outlive a leak).
     */
    public static final java.time.Duration LONGEST_SIGNED_IN = java.time.Duration.ofHours(12);
    /** The time the holder signed in with a password, carried over by each renewal. */
    public static final String SIGNED_IN_AT = "signed_in_at";

    public Token issue(Caller caller) {
        return issue(caller, Instant.now());
    }

    /** A token for {@code caller}, who signed in with a password at {@code signedInAt}. */
    public Token issue(Caller caller, Instant signedInAt) {
        if (encoder == null) {
            throw new IllegalStateException("tokens come from the OIDC provider " + properties.issuerUri());
        }
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .subject(caller.username())
                .audience(List.of(properties.audience()))
                .issuedAt(now)
                .expiresAt(now.plus(properties.tokenTtl()))
                .claim(SIGNED_IN_AT, signedInAt.getEpochSecond())
                .claim(properties.grantsClaim(), caller.grants().stream().map(Grant::claim).sorted().toList());
        caller.person().ifPresent(p -> claims.claim(properties.personClaim(), p.toString()));
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                claims.build())).getTokenValue();
        return new Token(token, properties.tokenTtl().toSeconds());
    }
}
