package org.actionlearning.eventstore.relay;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The last sequence number published per aggregate ({@code relay_position}). Read and written on the relay batch's
 * connection, so a position is stored in the same transaction as the batch's token.
 */
@Component
public class RelayPositions {

    private final JdbcTemplate jdbc;

    public RelayPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An aggregate's last published event. */
    public record Published(String aggregateId, String aggregateType, long sequence) {
    }

    /**
     * The relay's transaction waits on Kafka (its transaction's start, its commit), not on PostgreSQL: it may sit idle
     * longer than a command's may. It appends nothing, so it holds no position the relay could skip: the session
     * timeout that bounds appending transactions is relaxed for it alone.
     */
    public void relaxIdleTimeoutForThisTransaction() {
        jdbc.execute("set local idle_in_transaction_session_timeout = " + RELAY_IDLE_TIMEOUT_MILLIS);
    }

    /** Longer than the producer may block (10 s) and than its transaction may live (30 s). */
    static final long RELAY_IDLE_TIMEOUT_MILLIS = 60_000;

    /** The last published sequence of an aggregate, if any was. */
    public OptionalLong lastPublished(String aggregateId) {
        List<Long> found = jdbc.queryForList(
                "select last_sequence from relay_position where aggregate_identifier = ?", Long.class, aggregateId);
        return found.isEmpty() ? OptionalLong.empty() : OptionalLong.of(found.get(0));
    }

    public void record(Collection<Published> published) {
        if (published.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>(published.size());
        for (Published p : published) {
            rows.add(new Object[] {p.aggregateId(), p.aggregateType(), p.sequence(), now});
        }
        jdbc.batchUpdate("insert into relay_position (aggregate_identifier, aggregate_type, last_sequence, published_at)"
                + " values (?, ?, ?, ?) on conflict (aggregate_identifier) do update"
                + " set last_sequence = greatest(relay_position.last_sequence, excluded.last_sequence),"
                + " published_at = excluded.published_at", rows);
    }

    /** Forgets every position: with the relay's token reset, everything is published again. */
    public void forgetAll() {
        jdbc.update("delete from relay_position");
    }
}
