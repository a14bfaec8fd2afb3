package org.actionlearning.eventstore;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon that a unique-key violation (PostgreSQL SQLState 23505) on append means another writer stored the
 * same aggregate sequence number first; Axon then raises a ConcurrencyException (HTTP 409) instead of a
 * generic EventStoreException. Axon's default resolver does not know PostgreSQL's code.
 */
public class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
