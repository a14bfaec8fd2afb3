package org.actionlearning.command.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.actionlearning.service.security.CallerAuthentication;
import org.springframework.stereotype.Component;

/**
 * The users who are disabled, and the instant before which each user's tokens are refused (their last disable, so
 * that enabling them again does not bring old tokens back), asked on every signed-in request. Held in memory and
 * read again from the table at most every few seconds (another instance of this service may have disabled someone);
 * a user disabled or enabled here is seen at once.
 */
@Component
class DisabledUsers {

    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final UserAccounts accounts;
    private volatile Set<String> disabled = Set.of();
    private volatile Map<String, Instant> tokensNotBefore = Map.of();
    private volatile Instant readAt = Instant.MIN;

    DisabledUsers(UserAccounts accounts) {
        this.accounts = accounts;
    }

    boolean isDisabled(String username) {
        refreshIfOld();
        return disabled.contains(username);
    }

    /** Whether the caller's token was issued before the user's last disable. */
    boolean isRevoked(CallerAuthentication caller) {
        refreshIfOld();
        return caller.issuedBefore(tokensNotBefore.get(caller.getName()));
    }

    private void refreshIfOld() {
        if (Instant.now().isAfter(readAt.plus(REFRESH))) {
            refresh();
        }
    }

    void refresh() {
        Instant now = Instant.now();
        disabled = Set.copyOf(accounts.disabledUsernames());
        tokensNotBefore = Map.copyOf(accounts.tokensNotBefore());
        readAt = now;
    }
}
