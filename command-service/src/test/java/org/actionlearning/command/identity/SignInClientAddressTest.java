package org.actionlearning.command.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Which address a failed sign-in is counted against: a trusted proxy (the query service, checking the passwords of
 * its own sign-ins) names its client in X-Forwarded-For; anyone else's header is ignored, or it could pick a fresh
 * address for every guess.
 */
class SignInClientAddressTest {

    private final SignInGuard guard = new SignInGuard(null, List.of("127.0.0.1"));

    @Test
    void aTrustedProxyNamesItsClient() {
        assertThat(guard.client(request("127.0.0.1", "203.0.113.5"))).isEqualTo("203.0.113.5");
        assertThat(guard.client(request("127.0.0.1", "198.51.100.7, 203.0.113.5"))).isEqualTo("203.0.113.5");
    }

    @Test
    void anyoneElsesForwardedForIsIgnored() {
        assertThat(guard.client(request("127.0.0.12", "203.0.113.5"))).isEqualTo("127.0.0.12");
        assertThat(guard.client(request("127.0.0.1", null))).isEqualTo("127.0.0.1");
    }

    private static MockHttpServletRequest request(String from, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/token");
        request.setRemoteAddr(from);
        if (forwardedFor != null) {
            request.addHeader(SignInGuard.FORWARDED_FOR, forwardedFor);
        }
        return request;
    }
}
