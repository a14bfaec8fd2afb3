package org.actionlearning.query.web;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a failure means the read database is unavailable (no connection within the pool's timeout, a connection
 * lost or timed out, a query cancelled by the statement timeout) rather than a fault of the request or the code:
 * the caller may retry later, so it is a 503, not a 500.
 */
final class DatabaseUnavailable {

    /** Seconds after which a retry may succeed: about the pool's connection timeout. */
    static final String RETRY_AFTER_SECONDS = "5";

    private DatabaseUnavailable() {
    }

    static boolean causedIt(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLRecoverableException
                    || cause instanceof SQLTimeoutException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("57014"))) {
                return true; // connection exception class, query_canceled (statement timeout)
            }
        }
        return false;
    }
}
