package org.actionlearning.service.retention;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes a table's rows older than a retention period, by a time column, on a schedule. Every instance of a
 * service runs it, so each batch first takes a PostgreSQL advisory lock of this table's (transaction-scoped): one
 * instance purges at a time, the others skip that round. Batches are short transactions (a bounded number of rows),
 * so a purge never holds locks or a connection for long, and other columns added to the table do not matter.
 */
public class RetentionPurge implements AutoCloseable {

    /** What one run did: the rows deleted, or that another instance held the lock. */
    public record Outcome(long deleted, boolean lockedByAnother) {
    }

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);
    /** A run deletes at most this many batches; the next run goes on from there. */
    private static final int MAX_BATCHES_PER_RUN = 1_000;

    private final DataSource dataSource;
    private final String table;
    private final String timeColumn;
    private final Duration retention;
    private final int batchSize;
    private final Clock clock;
    private final long lockKey;
    private ScheduledExecutorService schedule;

    /** {@code table} and {@code timeColumn} are the code's own names, never input: they are put into the SQL. */
    public RetentionPurge(DataSource dataSource, String table, String timeColumn, Duration retention, int batchSize,
                          Clock clock) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("the retention of " + table + " must be positive: " + retention);
        }
        this.dataSource = dataSource;
        this.table = table;
        this.timeColumn = timeColumn;
        this.retention = retention;
        this.batchSize = batchSize;
        this.clock = clock;
        this.lockKey = lockKey(table);
    }

    /** Deletes the rows older than the retention period now, in batches. */
    public Outcome purgeOnce() {
        Instant cutoff = clock.instant().minus(retention);
        long deleted = 0;
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
                    if (!locked(connection)) {
                        connection.rollback();
                        return new Outcome(deleted, true);
                    }
                    int rows = deleteBatch(connection, cutoff);
                    connection.commit();
                    deleted += rows;
                    if (rows < batchSize) {
                        break;
                    }
                }
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not purge " + table + ": " + e.getMessage(), e);
        }
        return new Outcome(deleted, false);
    }

    /** Runs {@link #purgeOnce} every {@code interval}, the first run one {@code initialDelay} after start. */
    public synchronized void start(Duration initialDelay, Duration interval) {
        if (schedule != null) {
            return;
        }
        schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "retention-" + table);
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(this::runLogged, initialDelay.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (schedule != null) {
            schedule.shutdownNow();
            schedule = null;
        }
    }

    public String table() {
        return table;
    }

    private void runLogged() {
        try {
            Outcome outcome = purgeOnce();
            if (outcome.deleted() > 0) {
                log.info("Purged {} rows of {} older than {}", outcome.deleted(), table, retention);
            }
        } catch (RuntimeException e) {
            // the next run tries again; a failed purge only means the table keeps its rows a while longer
            log.warn("{}", e.getMessage());
        }
    }

    private boolean locked(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, lockKey);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private int deleteBatch(Connection connection, Instant cutoff) throws SQLException {
        String sql = "delete from " + table + " where ctid = any (array(select ctid from " + table + " where "
                + timeColumn + " < ? limit ?))";
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            delete.setInt(2, batchSize);
            return delete.executeUpdate();
        }
    }

    /** The advisory lock's key: the same for every instance, different per table. */
    public static long lockKey(String table) {
        CRC32 crc = new CRC32();
        crc.update(("als.retention." + table).getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
