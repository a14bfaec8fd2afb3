package org.actionlearning.projection;

import static org.actionlearning.projection.schema.EngineTables.AGGREGATE_POSITION;
import static org.actionlearning.projection.schema.EngineTables.APPLIED_EVENT;
import static org.actionlearning.projection.schema.EngineTables.PARKED_EVENT;
import static org.actionlearning.projection.schema.EngineTables.CONSUMER_OFFSET;
import static org.actionlearning.projection.schema.EngineTables.DEAD_LETTER;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Empties every read model and the projection's bookkeeping in one transaction, before a rebuild, and keeps the
 * marker row ({@code rebuild_marker}) saying a rebuild is under way until its replay is done.
 */
@Component
public class ReadModelReset {

    // one row, written and read here only: declared by name rather than as a jOOQ table class
    private static final Table<?> MARKER = DSL.table(DSL.name("rebuild_marker"));
    private static final Field<Short> ID = DSL.field(DSL.name("id"), SQLDataType.SMALLINT);
    private static final Field<OffsetDateTime> STARTED_AT = DSL.field(DSL.name("started_at"),
            SQLDataType.TIMESTAMPWITHTIMEZONE);
    private static final Field<String> TOPIC = DSL.field(DSL.name("topic"), SQLDataType.CLOB);
    private static final Field<String> END_OFFSETS = DSL.field(DSL.name("end_offsets"), SQLDataType.CLOB);

    private final DSLContext db;
    private final List<Table<?>> tables = new ArrayList<>();

    public ReadModelReset(@ProjectionDb DSLContext db, List<Projection> projections) {
        this.db = db;
        projections.forEach(p -> tables.addAll(p.tables()));
        tables.add(AGGREGATE_POSITION);
        tables.add(CONSUMER_OFFSET);
        tables.add(APPLIED_EVENT);
        tables.add(PARKED_EVENT);
        tables.add(DEAD_LETTER);   // a replay from offset 0 meets the unreadable records again
    }

    @Transactional(ProjectionDatabase.TRANSACTIONS)
    public void resetAll() {
        db.truncate(tables.toArray(Table[]::new)).execute();
    }

    /** Empties the read models and, in the same transaction, records the rebuild that will fill them again. */
    @Transactional(ProjectionDatabase.TRANSACTIONS)
    public void resetAll(RebuildMarker marker) {
        resetAll();
        db.deleteFrom(MARKER).execute();
        db.insertInto(MARKER).set(ID, (short) 1)
                .set(STARTED_AT, marker.startedAt().atOffset(ZoneOffset.UTC))
                .set(TOPIC, marker.topic()).set(END_OFFSETS, marker.endOffsetsText()).execute();
    }

    /** The rebuild's replay reached its end offsets. */
    @Transactional(ProjectionDatabase.TRANSACTIONS)
    public void rebuildDone() {
        db.deleteFrom(MARKER).execute();
    }

    /** A rebuild that was under way when the service stopped, if any. */
    public Optional<RebuildMarker> unfinishedRebuild() {
        return db.select(STARTED_AT, TOPIC, END_OFFSETS).from(MARKER).fetchOptional()
                .map(r -> new RebuildMarker(r.value1().toInstant(), r.value2(),
                        RebuildMarker.parseEndOffsets(r.value3())));
    }

    /** Records of {@code topic} projected so far: the stored next offsets, summed (a rebuild starts at 0). */
    public long recordsProjected(String topic) {
        Long sum = db.select(DSL.sum(CONSUMER_OFFSET.NEXT_OFFSET).cast(Long.class)).from(CONSUMER_OFFSET)
                .where(CONSUMER_OFFSET.TOPIC.eq(topic)).fetchOne(0, Long.class);
        return sum == null ? 0 : sum;
    }
}
