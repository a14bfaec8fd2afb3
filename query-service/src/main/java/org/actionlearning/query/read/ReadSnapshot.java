package org.actionlearning.query.read;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One consistent view of the read models for the queries that also open personal data: their reads run in one
 * read-only REPEATABLE READ transaction, and the call to the vault comes after it, so that a slow command service
 * never holds a database connection (nor the projection's progress with it).
 */
@Component
public class ReadSnapshot {

    private final TransactionTemplate template;

    ReadSnapshot(PlatformTransactionManager transactions) {
        this.template = new TransactionTemplate(transactions);
        template.setReadOnly(true);
        template.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    public <T> T read(Supplier<T> reads) {
        return template.execute(status -> reads.get());
    }
}
