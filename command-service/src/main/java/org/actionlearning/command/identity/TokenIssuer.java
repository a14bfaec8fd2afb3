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

    /**
     * A digest of the account's password hash at sign-in, carried over by each renewal: a token is not renewed
     * once the password has changed, so a reset ends a leaked token's life at its expiry.
     */
    public static final String PASSWORD_VERSION = "pwv";

    public Token issue(Caller caller) {
        return issue(caller, Instant.now(), null);
    }

    /**
     * A token for {@code caller}, who signed in with a password at {@code signedInAt}; {@code passwordVersion} (see
     * {@link #passwordVersion}) is null for callers that are no stored account.
     */
    public Token issue(Caller caller, Instant signedInAt, String passwordVersion) {
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
        if (passwordVersion != null) {
            claims.claim(PASSWORD_VERSION, passwordVersion);
        }
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                claims.build())).getTokenValue();
        return new Token(token, properties.tokenTtl().toSeconds());
    }

    /** The first 16 hex digits of SHA-256 over a bcrypt hash: tells a changed password, reveals nothing of it. */
    public static String passwordVersion(String passwordHash) {
        if (passwordHash == null) {
            return null;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(passwordHash.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
