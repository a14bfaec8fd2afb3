package org.actionlearning.command.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.actionlearning.service.security.ForwardedClient;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Which address a failed sign-in is counted against: the query service, checking the passwords of its own sign-ins,
 * names its client in X-Forwarded-For signed with the service password; anyone else's header is ignored, from
 * loopback too, or it could pick a fresh address for every guess.
 */
class SignInClientAddressTest {

    private static final String SERVICE_PASSWORD = "a-long-random-service-secret";

    private final SignInGuard guard = new SignInGuard(null, SERVICE_PASSWORD);

    @Test
    void theQueryServicesSignedWordNamesItsClient() {
        assertThat(guard.client(request("127.0.0.1", "203.0.113.5", SERVICE_PASSWORD))).isEqualTo("203.0.113.5");
        assertThat(guard.client(request("192.0.2.4", "198.51.100.7, 203.0.113.5", SERVICE_PASSWORD)))
                .isEqualTo("203.0.113.5");
    }

    @Test
    void anUnsignedOrWronglySignedForwardedForIsIgnoredFromLoopbackToo() {
        assertThat(guard.client(request("127.0.0.1", "203.0.113.5", null))).isEqualTo("127.0.0.1");
        assertThat(guard.client(request("127.0.0.12", "203.0.113.5", "guessed"))).isEqualTo("127.0.0.12");
        assertThat(guard.client(request("127.0.0.1", null, null))).isEqualTo("127.0.0.1");
        assertThat(new SignInGuard(null, null).client(request("127.0.0.1", "203.0.113.5", "any")))
                .as("no service password: nobody's word").isEqualTo("127.0.0.1");
    }

    /** @param signedWith the password to sign with, or null for no signature */
    private static MockHttpServletRequest request(String from, String forwardedFor, String signedWith) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/token");
        request.setRemoteAddr(from);
        if (forwardedFor != null) {
            request.addHeader(SignInGuard.FORWARDED_FOR, forwardedFor);
            if (signedWith != null) {
                request.addHeader(ForwardedClient.SIGNATURE, ForwardedClient.signature(signedWith, forwardedFor));
            }
        }
        return request;
    }
}
