package org.actionlearning.command.personaldata;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start, before the service takes requests, wraps with the current master key every person key that is not:
 * keys an earlier version stored in plain, and keys wrapped with a previous master key (rotation). In batches,
 * each its own transaction, so several instances starting together share the work (locked rows are skipped).
 * A row wrapped with a master key this instance was not given stops the start, naming the key.
 */
@Component
class PersonKeyRewrap implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(PersonKeyRewrap.class);
    static final int BATCH = 500;

    private final PersonKeys keys;
    private final MasterKeys masterKeys;
    private final TransactionTemplate transaction;

    PersonKeyRewrap(PersonKeys keys, MasterKeys masterKeys, PlatformTransactionManager transactions) {
        this.keys = keys;
        this.masterKeys = masterKeys;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void afterPropertiesSet() {
        long rewrapped = rewrapAll();
        if (rewrapped > 0) {
            log.info("Wrapped {} person key(s) with master key {}", rewrapped, masterKeys.currentId());
        }
    }

    /** Answers how many keys it wrapped anew. */
    long rewrapAll() {
        long total = 0;
        int batch;
        do {
            batch = transaction.execute(status -> keys.rewrap(BATCH));
            total += batch;
        } while (batch == BATCH);
        return total;
    }
}
