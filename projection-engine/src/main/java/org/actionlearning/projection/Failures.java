package org.actionlearning.projection;

import java.sql.SQLException;
import java.time.DateTimeException;
import java.util.HashSet;
import java.util.Set;
import org.actionlearning.events.envelope.UnreadableEventException;

/**
 * Tells a failure that the same records would meet again however often they are written (a poison record) from one
 * that passes (PostgreSQL or Kafka away, a lock, a fence). Only what is known to be about the data counts as
 * poison: PostgreSQL's data exceptions (SQLSTATE class 22: a date or number out of the column's range, text that is
 * no valid value) and integrity constraint violations (class 23), a payload that does not bind, and the arithmetic,
 * date, number-format, null and cast errors projection code throws on odd values (an event written to the store by
 * hand may lack what every command gives). Anything else (connection lost, 08; shutdown, 57;
 * serialization or deadlock, 40; too many connections, 53; no SQLSTATE at all) is transient: projection pauses and
 * retries it, and never dead-letters for it.
 */
final class Failures {

    private Failures() {
    }

    static boolean isPoison(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return isDataState(sql);
            }
            if (cause instanceof UnreadableEventException || cause instanceof DateTimeException
                    || cause instanceof ArithmeticException || cause instanceof NumberFormatException
                    || cause instanceof NullPointerException || cause instanceof ClassCastException) {
                return true;
            }
        }
        return false;
    }

    /** The reason kept with a dead letter: the database's own message where there is one. */
    static String reason(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                SQLException first = sql.getNextException() != null ? sql.getNextException() : sql;
                return "could not be stored (SQLSTATE " + first.getSQLState() + "): " + first.getMessage();
            }
        }
        return "could not be projected: " + failure;
    }

    /** A batch's failure names the first statement's state; the statement's own may come next. */
    private static boolean isDataState(SQLException sql) {
        for (SQLException e = sql; e != null; e = e.getNextException()) {
            String state = e.getSQLState();
            if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                return true;
            }
            if (e.getNextException() == e) {
                break;
            }
        }
        return false;
    }
}
