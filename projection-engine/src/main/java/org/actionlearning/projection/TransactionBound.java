package org.actionlearning.projection;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * State of one projection transaction, kept by its owner under its own key: created on first use in the
 * transaction, forgotten when the transaction ends, committed or not. The projection's writer threads run
 * transactions side by side, so such state cannot live in a field of the (shared) projection beans.
 */
public final class TransactionBound {

    private TransactionBound() {
    }

    /**
     * The value {@code owner} keeps in the current transaction (made by {@code create} on first use, handed to
     * {@code beforeCommit} just before the transaction commits); null outside a transaction.
     */
    public static <T> T get(Object owner, Supplier<T> create, Consumer<T> beforeCommit) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        T value = (T) TransactionSynchronizationManager.getResource(owner);
        if (value == null) {
            T created = create.get();
            TransactionSynchronizationManager.bindResource(owner, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    beforeCommit.accept(created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(owner);
                }
            });
            value = created;
        }
        return value;
    }
}
