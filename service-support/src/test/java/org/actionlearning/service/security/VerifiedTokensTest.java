package org.actionlearning.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private final List<String> verifications = new ArrayList<>();
    private Instant expiresAt = NOW.plus(Duration.ofHours(1));

    /** Stands in for the signature check: counts how often a token is really verified. */
    private final JwtDecoder verifier = token -> {
        verifications.add(token);
        if (token.startsWith("bad")) {
            throw new BadJwtException("bad signature");
        }
        Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "HS256").subject("ada").issuedAt(NOW.minusSeconds(1));
        return (expiresAt == null ? jwt : jwt.expiresAt(expiresAt)).build();
    };

    private VerifiedTokens at(Instant now) {
        return new VerifiedTokens(verifier, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aTokenSentAgainIsNotVerifiedAgain() {
        VerifiedTokens tokens = at(NOW);
        Jwt first = tokens.decode("token-a");
        Jwt second = tokens.decode("token-a");
        tokens.decode("token-b");

        assertThat(second).isSameAs(first);
        assertThat(verifications).containsExactly("token-a", "token-b");
    }

    @Test
    void aTokenIsVerifiedAgainAfterFiveMinutes() {
        MutableClock clock = new MutableClock(NOW);
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock);
        tokens.decode("token-a");
        clock.now = NOW.plus(Duration.ofMinutes(5)).minusMillis(1);
        tokens.decode("token-a");
        clock.now = NOW.plus(Duration.ofMinutes(5));
        tokens.decode("token-a");

        assertThat(verifications).containsExactly("token-a", "token-a");
    }

    @Test
    void aTokenIsNeverRememberedPastItsExpiry() {
        expiresAt = NOW.plusSeconds(30);
        MutableClock clock = new MutableClock(NOW);
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock);
        tokens.decode("token-a");
        clock.now = NOW.plusSeconds(30);
        tokens.decode("token-a");

        assertThat(verifications).containsExactly("token-a", "token-a");
    }

    @Test
    void aRefusedTokenIsRefusedEveryTime() {
        VerifiedTokens tokens = at(NOW);
        assertThatThrownBy(() -> tokens.decode("bad-token")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("bad-token")).isInstanceOf(BadJwtException.class);

        assertThat(verifications).containsExactly("bad-token", "bad-token");
    }

    @Test
    void aRightlySignedTokenWithoutExpiryIsRefused() {
        expiresAt = null;
        VerifiedTokens tokens = at(NOW);

        assertThatThrownBy(() -> tokens.decode("token-forever")).isInstanceOf(BadJwtException.class)
                .hasMessageContaining("exp");
        assertThatThrownBy(() -> tokens.decode("token-forever")).isInstanceOf(BadJwtException.class);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
