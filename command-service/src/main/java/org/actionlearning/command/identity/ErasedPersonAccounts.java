package org.actionlearning.command.identity;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends the accounts of an erased person in the erasure's own transaction: disabled, with no grants left, and every
 * token issued to them before refused. An account that still signed in would read the set's records of everyone
 * else, and act in the name of someone about whom nothing more is recorded.
 */
@Component
public class ErasedPersonAccounts {

    private final UserAccounts accounts;
    private final DisabledUsers disabledUsers;

    ErasedPersonAccounts(UserAccounts accounts, DisabledUsers disabledUsers) {
        this.accounts = accounts;
        this.disabledUsers = disabledUsers;
    }

    /** @return the user names ended */
    public List<String> end(UUID personId) {
        List<String> ended = accounts.endAccountsOf(personId);
        if (!ended.isEmpty()) {
            // this instance refuses their tokens as soon as the erasure is committed, not at the next refresh
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        disabledUsers.refresh();
                    }
                });
            } else {
                disabledUsers.refresh();
            }
        }
        return ended;
    }
}
