package org.actionlearning.service.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Remembers the bearer tokens already verified, for a few minutes and never past their expiry. A client sends the
 * same token with every request, and parsing and verifying it again was a visible share of a command's CPU in
 * the benchmark's profile (BENCHMARKS.md). The key is the whole token, signature included, so any other token is verified afresh;
 * a token whose signing key is withdrawn is still accepted for at most {@link #REMEMBERED}.
 * <p>
 * A token must say when it expires: one without {@code exp}, even rightly signed, would be good for ever.
 */
public final class VerifiedTokens implements JwtDecoder {

    static final Duration REMEMBERED = Duration.ofMinutes(5);

    private final JwtDecoder verifier;
    private final Clock clock;
    private final ByToken<Verified> verified = new ByToken<>();

    private record Verified(Jwt jwt, Instant until) {
    }

    public VerifiedTokens(JwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) {
        Instant now = clock.instant();
        Verified known = verified.get(token);
        if (known != null && now.isBefore(known.until())) {
            return known.jwt();
        }
        Jwt jwt = verifier.decode(token); // throws for a bad or expired token: nothing is remembered
        if (jwt.getExpiresAt() == null) {
            throw new BadJwtException("the token has no expiry (exp)");
        }
        Instant until = now.plus(REMEMBERED);
        if (jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        verified.put(token, new Verified(jwt, until));
        return jwt;
    }
}
