package org.actionlearning.command.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The users who are disabled, asked on every signed-in request. Held in memory and read again from the table at
 * most every few seconds (another instance of this service may have disabled someone); a user disabled here is
 * refused at once.
 */
@Component
class DisabledUsers {

    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final UserAccounts accounts;
    private volatile Set<String> disabled = Set.of();
    private volatile Instant readAt = Instant.MIN;

    DisabledUsers(UserAccounts accounts) {
        this.accounts = accounts;
    }

    boolean isDisabled(String username) {
        if (Instant.now().isAfter(readAt.plus(REFRESH))) {
            refresh();
        }
        return disabled.contains(username);
    }

    void refresh() {
        Instant now = Instant.now();
        disabled = Set.copyOf(accounts.disabledUsernames());
        readAt = now;
    }
}
