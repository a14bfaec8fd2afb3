package org.actionlearning.projection;

import static org.actionlearning.projection.schema.EngineTables.APPLIED_EVENT;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Row3;

/**
 * The ids of the events applied to the read models, to tell a true duplicate (its id applied) from a record that
 * carries a sequence already passed but was never applied (which must not be dropped silently).
 */
class AppliedEvents {

    private final DSLContext db;

    AppliedEvents(DSLContext db) {
        this.db = db;
    }

    /** Those of {@code eventIds} that were applied; one query, and none when there is nothing to ask. */
    Set<UUID> appliedAmong(Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return new HashSet<>();
        }
        return new HashSet<>(db.select(APPLIED_EVENT.EVENT_ID).from(APPLIED_EVENT)
                .where(APPLIED_EVENT.EVENT_ID.eq(org.jooq.impl.DSL.any(eventIds.toArray(UUID[]::new))))
                .fetch(APPLIED_EVENT.EVENT_ID));
    }

    /** One multi-row insert of the events a transaction applied (event id, aggregate id, sequence). */
    Query record(List<Row3<UUID, String, Long>> applied) {
        return db.insertInto(APPLIED_EVENT, APPLIED_EVENT.EVENT_ID, APPLIED_EVENT.AGGREGATE_ID,
                APPLIED_EVENT.SEQUENCE_NUMBER).valuesOfRows(applied).onConflictDoNothing();
    }
}
