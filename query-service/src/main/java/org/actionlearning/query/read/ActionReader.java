package org.actionlearning.query.read;

import static org.actionlearning.query.jooq.Tables.ACTION_ITEM;
import static org.actionlearning.query.jooq.Tables.MEETING;

import java.time.LocalDate;
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

    /** An action's set and its analytics view: what the follow-through numbers are computed from. */
    record SetAction(UUID setId, ActionRecord record) {
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
                .map(row -> new StoredAction(row, toRecord(row.getStatus(), row.getCommittedOn(), row.getDueOn(),
                        row.getCompletedOn(), row.getAbandonedOn())));
    }

    /**
     * The programme's actions that a sponsor's follow-through counts (committed in a meeting of three attendees or
     * more, see {@link ReportedMeetings}), in no particular order: only the dates, status and set are read (the
     * dashboards' path, where the descriptions and evidence would be read only to be dropped).
     */
    List<SetAction> followThroughOfProgramme(UUID programmeId) {
        var a = ACTION_ITEM;
        var m = MEETING;
        return db.select(a.SET_ID, a.STATUS, a.COMMITTED_ON, a.DUE_ON, a.COMPLETED_ON, a.ABANDONED_ON)
                .from(a)
                // the programme's meetings by their own index, hash-joined: not one probe per action
                .join(m).on(m.MEETING_ID.eq(a.MEETING_ID)).and(m.PROGRAMME_ID.eq(programmeId))
                .where(a.PROGRAMME_ID.eq(programmeId)).and(ReportedMeetings.counted())
                .fetch(row -> new SetAction(row.value1(),
                        toRecord(row.value2(), row.value3(), row.value4(), row.value5(), row.value6())));
    }

    private static ActionRecord toRecord(String status, LocalDate committedOn, LocalDate dueOn, LocalDate completedOn,
                                         LocalDate abandonedOn) {
        return switch (status) {
            case "COMPLETED" -> ActionRecord.completed(committedOn, dueOn, completedOn);
            case "ABANDONED" -> ActionRecord.abandoned(committedOn, dueOn, abandonedOn);
            default -> ActionRecord.open(committedOn, dueOn);
        };
    }
}
