package org.actionlearning.launcher.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.actionlearning.launcher.BothServices;
import org.actionlearning.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The query service checks passwords at the command service: the throttle there must reach its callers as a 429,
 * not as one more 401 that hides why a right password is refused too.
 */
@ExtendWith(TrustServices.class)
class SignInThroughTheQueryServiceTest {

    private static final int FAILURES_PER_ACCOUNT = 10;

    @Test
    void anAccountThrottledAtTheIdentityStoreIsA429WithRetryAfterOnTheQueryService() {
        BothServices services = TrustServices.services();
        String username = "guesser-" + UUID.randomUUID();
        String basic = TestIdentity.basic(username, "Wrong-guess-" + UUID.randomUUID());

        for (int i = 0; i < FAILURES_PER_ACCOUNT; i++) {
            assertThat(Http.send(services.queryUrl + "/api/programmes", "GET", basic, null, Map.of()).status())
                    .as("failure %d", i + 1).isEqualTo(401);
        }
        Http.Answer throttled = Http.send(services.queryUrl + "/api/programmes", "GET", basic, null, Map.of());

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(throttled.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(throttled.body()).contains("too many failed sign-ins");
    }
}
