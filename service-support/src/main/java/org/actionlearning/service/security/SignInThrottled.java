package org.actionlearning.service.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** The identity store refused a sign-in because of too many failures lately: a 429 with {@code Retry-After}. */
public class SignInThrottled extends AuthenticationException {

    private final Duration retryAfter;

    public SignInThrottled(Duration retryAfter) {
        super("too many failed sign-ins for this account or from this address; try again in "
                + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
