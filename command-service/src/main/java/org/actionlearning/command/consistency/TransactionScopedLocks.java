package org.actionlearning.command.consistency;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The lock of each aggregate, held until the database transaction that appended its events has ended.
 * <p>
 * Axon releases an aggregate's lock when its unit of work cleans up. When something else owns the transaction
 * (an Idempotency-Key claimed in the same transaction, an erasure destroying a key with its events), the unit of
 * work only joins it: the lock went free while the events were still uncommitted, and the next command on the
 * aggregate (loaded from the cache) could append and COMMIT its event first. Readers of the store then saw
 * sequence 23 before 22, and the relay published them in that order. Holding the lock to the end of the
 * transaction makes each aggregate's events commit (and become visible) in sequence order, whatever wraps the
 * command. If that transaction rolls back after the unit of work committed, the cached aggregate holds events
 * that never happened: it is evicted before the lock is let go.
 */
@Component(TransactionScopedLocks.BEAN)
public class TransactionScopedLocks implements LockFactory {

    /** The name aggregates give in {@code @Aggregate(lockFactory = ...)}. */
    public static final String BEAN = "transactionScopedLocks";

    private final LockFactory locks = PessimisticLockFactory.usingDefaults();
    private final Cache aggregates;

    public TransactionScopedLocks(@Qualifier("learningSetCache") Cache aggregates) {
        this.aggregates = aggregates;
    }

    @Override
    public Lock obtainLock(String identifier) {
        Lock lock = locks.obtainLock(identifier);
        return new Lock() {
            @Override
            public void release() {
                releaseAtEndOfTransaction(identifier, lock);
            }

            @Override
            public boolean isHeld() {
                return lock.isHeld();
            }
        };
    }

    private void releaseAtEndOfTransaction(String identifier, Lock lock) {
        // the unit of work that owned its transaction has committed it by now, so synchronisation is no longer
        // active: only a transaction the unit of work merely joined is still open here
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            lock.release();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                try {
                    if (status != STATUS_COMMITTED) {
                        aggregates.remove(identifier);
                    }
                } finally {
                    lock.release(); // afterCompletion runs on the thread that holds the lock
                }
            }
        });
    }
}
