package org.actionlearning.projection;

import static org.actionlearning.projection.schema.EngineTables.AGGREGATE_POSITION;
import static org.actionlearning.projection.schema.EngineTables.APPLIED_EVENT;
import static org.actionlearning.projection.schema.EngineTables.PARKED_EVENT;
import static org.actionlearning.projection.schema.EngineTables.CONSUMER_OFFSET;
import static org.actionlearning.projection.schema.EngineTables.DEAD_LETTER;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Empties every read model and the projection's bookkeeping in one transaction, before a rebuild. */
@Component
public class ReadModelReset {

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
}
