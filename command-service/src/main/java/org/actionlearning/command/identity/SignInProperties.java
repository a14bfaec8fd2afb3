package org.actionlearning.command.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many failed password sign-ins are let through before the next is refused (429), per account and per client
 * address, per {@code window}: with the defaults, an account that failed 10 times waits for the end of its
 * 5 minutes, whatever the password tried next.
 *
 * @param failuresPerAccount failures allowed at once for one username (known or not)
 * @param failuresPerClient  failures allowed at once from one client address (all usernames together)
 * @param window             the time after which a spent allowance is refilled whole
 */
@ConfigurationProperties("als.identity.sign-in")
public record SignInProperties(Integer failuresPerAccount, Integer failuresPerClient, Duration window) {

    public SignInProperties {
        failuresPerAccount = failuresPerAccount == null ? 10 : failuresPerAccount;
        failuresPerClient = failuresPerClient == null ? 30 : failuresPerClient;
        window = window == null ? Duration.ofMinutes(5) : window;
        if (failuresPerAccount < 1 || failuresPerClient < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("als.identity.sign-in: failures-per-account and failures-per-client "
                    + "must be at least 1 and window positive");
        }
    }
}
