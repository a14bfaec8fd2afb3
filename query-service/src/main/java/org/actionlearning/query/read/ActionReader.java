package org.actionlearning.query.read;

import static org.actionlearning.query.jooq.Tables.ACTION_ITEM;

import java.util.List;
import java.util.UUID;
import org.actionlearning.analytics.followthrough.ActionRecord;
import org.actionlearning.query.jooq.tables.records.ActionItemRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** A programme's committed actions, as stored and as the follow-through numbers need them. */
@Component
class ActionReader {

    /** A stored action and its analytics view. */
    record StoredAction(ActionItemRecord row, ActionRecord record) {
    }

    private final DSLContext db;

    ActionReader(DSLContext db) {
        this.db = db;
    }

    /** Ordered by commitment date, then due date. */
    List<StoredAction> ofProgramme(UUID programmeId) {
        return db.selectFrom(ACTION_ITEM)
                .where(ACTION_ITEM.PROGRAMME_ID.eq(programmeId))
                .orderBy(ACTION_ITEM.COMMITTED_ON, ACTION_ITEM.DUE_ON, ACTION_ITEM.ACTION_ID)
                .fetch()
                .map(row -> new StoredAction(row, toRecord(row)));
    }

    private static ActionRecord toRecord(ActionItemRecord row) {
        return switch (row.getStatus()) {
            case "COMPLETED" -> ActionRecord.completed(row.getCommittedOn(), row.getDueOn(), row.getCompletedOn());
            case "ABANDONED" -> ActionRecord.abandoned(row.getCommittedOn(), row.getDueOn(), row.getAbandonedOn());
            default -> ActionRecord.open(row.getCommittedOn(), row.getDueOn());
        };
    }
}
