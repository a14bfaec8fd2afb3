package org.actionlearning.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class JwtCallersTest {

    private static final UUID PERSON = UUID.fromString("6f1c2a4e-0d5b-4c1e-9a7f-3b2d1e0c9f8a");
    private final JwtCallers callers = new JwtCallers(new SecurityProperties(
            "a-secret-of-at-least-thirty-two-bytes!", null, null, null, null, null, null, null));

    private static Jwt token(String value, String subject, List<String> grants) {
        return Jwt.withTokenValue(value).header("alg", "HS256").subject(subject)
                .claim("als_grants", grants).claim("als_person", PERSON.toString())
                .issuedAt(Instant.parse("2026-11-28T10:00:00Z")).build();
    }

    @Test
    void aCallerIsReadFromTheTokensClaims() {
        Caller caller = callers.caller(token("token-a", "ada", List.of("ADMIN:Acme", "NOBODY:x")));

        assertThat(caller.username()).isEqualTo("ada");
        assertThat(caller.personId()).isEqualTo(PERSON);
        assertThat(caller.grants()).containsExactly(new Grant(Role.ADMIN, "Acme"));
    }

    @Test
    void theSameTokenGivesTheCallerAlreadyRead() {
        Caller first = callers.caller(token("token-a", "ada", List.of("ADMIN:Acme")));
        Caller again = callers.caller(token("token-a", "ada", List.of("ADMIN:Acme")));
        Caller other = callers.caller(token("token-b", "bob", List.of("ADMIN:*")));

        assertThat(again).isSameAs(first);
        assertThat(other.username()).isEqualTo("bob");
        assertThat(other.isPlatformAdmin()).isTrue();
        assertThat(first.isPlatformAdmin()).isFalse();
    }
}
