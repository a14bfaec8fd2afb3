package org.actionlearning.benchmark;

import java.io.StringReader;
import java.sql.Connection;
import java.util.function.Consumer;
import org.actionlearning.events.envelope.EventEnvelope;
import org.postgresql.PGConnection;

/**
 * The raw events in PostgreSQL, for the dashboard baseline: one row per envelope with its payload as jsonb, loaded
 * with COPY. As loaded it is indexed like the event store (by position only), so a programme's events are found by
 * scanning; {@link #indexByProgrammeAndSet} then adds what no event store has, for a second, kinder baseline.
 */
public final class RawEventTable implements Consumer<EventEnvelope>, AutoCloseable {

    private static final int CHUNK = 20_000;
    private final Connection connection;
    private final StringBuilder pending = new StringBuilder();
    private int rows;
    private long globalIndex;

    public RawEventTable(Connection connection) throws Exception {
        this.connection = connection;
        connection.createStatement().execute("""
                create table raw_event (
                    global_index    bigint primary key,
                    programme_id    uuid   not null,
                    set_id          uuid,
                    aggregate_id    text   not null,
                    sequence_number bigint not null,
                    event_type      text   not null,
                    payload         jsonb  not null)""");
    }

    @Override
    public void accept(EventEnvelope envelope) {
        var setId = envelope.payload().get("setId");
        pending.append(++globalIndex).append('\t').append(envelope.programmeId()).append('\t')
                .append(setId == null || setId.isNull() ? "\\N" : setId.asText()).append('\t')
                .append(envelope.aggregateId()).append('\t').append(envelope.sequenceNumber()).append('\t')
                .append(envelope.eventType()).append('\t')
                .append(envelope.payload().toString().replace("\\", "\\\\")).append('\n');
        if (++rows == CHUNK) {
            flush();
        }
    }

    private void flush() {
        try {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy raw_event from stdin", new StringReader(pending.toString()));
        } catch (Exception e) {
            throw new IllegalStateException("COPY into raw_event failed", e);
        }
        pending.setLength(0);
        rows = 0;
    }

    @Override
    public void close() throws Exception {
        flush();
        connection.createStatement().execute("analyze raw_event");
        connection.close();
    }

    public static void indexByProgrammeAndSet(Connection connection) throws Exception {
        connection.createStatement().execute("create index raw_event_by_programme on raw_event (programme_id)");
        connection.createStatement().execute("create index raw_event_by_set on raw_event (set_id)");
        connection.createStatement().execute("analyze raw_event");
    }
}
