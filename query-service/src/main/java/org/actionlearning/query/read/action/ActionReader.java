package org.actionlearning.query.read.action;

import static org.actionlearning.query.jooq.Tables.ACTION_ITEM;
import static org.actionlearning.query.jooq.Tables.MEETING;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.actionlearning.analytics.followthrough.ActionRecord;
import org.actionlearning.query.jooq.tables.records.ActionItemRecord;
import org.actionlearning.query.read.PastView;
import org.actionlearning.query.read.ReportedMeetings;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** A programme's committed actions, as stored and as the follow-through numbers need them. */
@Component
public class ActionReader {

    /** A stored action and its analytics view. */
    public record StoredAction(ActionItemRecord row, ActionRecord record) {
    }

    /** An action's set and its analytics view: what the follow-through numbers are computed from. */
    public record SetAction(UUID setId, ActionRecord record) {
    }

    private final DSLContext db;

    ActionReader(DSLContext db) {
        this.db = db;
    }

    /** Committed in the view, ordered by commitment date, then due date; each with its status in the view. */
    public List<StoredAction> ofProgramme(UUID programmeId, PastView view) {
        return db.selectFrom(ACTION_ITEM)
                .where(ACTION_ITEM.PROGRAMME_ID.eq(programmeId)).and(committedIn(view))
                .orderBy(ACTION_ITEM.COMMITTED_ON, ACTION_ITEM.DUE_ON, ACTION_ITEM.ACTION_ID)
                .fetch()
                .map(row -> new StoredAction(row, toRecord(view, row.getStatus(), row.getCommittedOn(),
                        row.getDueOn(), row.getCompletedOn(), row.getCompletedAt(), row.getAbandonedOn(),
                        row.getAbandonedAt())));
    }

    private static org.jooq.Condition committedIn(PastView view) {
        return ACTION_ITEM.COMMITTED_ON.le(view.asOf()).and(view.known(ACTION_ITEM.COMMITTED_AT));
    }

    /**
     * The programme's actions that a sponsor's follow-through counts (committed in a meeting of three attendees or
     * more, see {@link ReportedMeetings}), in no particular order: only the dates, status and set are read (the
     * dashboards' path, where the descriptions and evidence would be read only to be dropped).
     */
    public List<SetAction> followThroughOfProgramme(UUID programmeId, PastView view) {
        var a = ACTION_ITEM;
        var m = MEETING;
        return db.select(a.SET_ID, a.STATUS, a.COMMITTED_ON, a.DUE_ON, a.COMPLETED_ON, a.COMPLETED_AT,
                        a.ABANDONED_ON, a.ABANDONED_AT)
                .from(a)
                // the programme's meetings by their own index, hash-joined: not one probe per action
                .join(m).on(m.MEETING_ID.eq(a.MEETING_ID)).and(m.PROGRAMME_ID.eq(programmeId))
                .where(a.PROGRAMME_ID.eq(programmeId)).and(ReportedMeetings.counted()).and(committedIn(view))
                .fetch(row -> new SetAction(row.value1(), toRecord(view, row.value2(), row.value3(), row.value4(),
                        row.value5(), row.value6(), row.value7(), row.value8())));
    }

    /** Completed or abandoned in the view only if that happened by its date and was recorded by its instant. */
    private static ActionRecord toRecord(PastView view, String status, LocalDate committedOn, LocalDate dueOn,
                                         LocalDate completedOn, OffsetDateTime completedAt, LocalDate abandonedOn,
                                         OffsetDateTime abandonedAt) {
        if ("COMPLETED".equals(status) && view.happened(completedOn) && view.known(completedAt)) {
            return ActionRecord.completed(committedOn, dueOn, completedOn);
        }
        if ("ABANDONED".equals(status) && view.happened(abandonedOn) && view.known(abandonedAt)) {
            return ActionRecord.abandoned(committedOn, dueOn, abandonedOn);
        }
        return ActionRecord.open(committedOn, dueOn);
    }
}
