package org.actionlearning.query.read.action;

import static org.actionlearning.query.jooq.Tables.ACTION_DUE_CHANGE;
import static org.actionlearning.query.jooq.Tables.ACTION_ITEM;
import static org.actionlearning.query.jooq.Tables.MEETING;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.actionlearning.analytics.followthrough.ActionRecord;
import org.actionlearning.query.jooq.tables.records.ActionDueChangeRecord;
import org.actionlearning.query.jooq.tables.records.ActionItemRecord;
import org.actionlearning.query.read.PastView;
import org.actionlearning.query.read.ReportedMeetings;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

/** A programme's committed actions, as stored and as the follow-through numbers need them. */
@Component
public class ActionReader {

    /** A stored action and its analytics view (its due date the one in force in the view). */
    public record StoredAction(ActionItemRecord row, ActionRecord record) {
    }

    /**
     * An action's set, its analytics view, and the instants its steps were recorded: what the follow-through numbers
     * are computed from, and what explains them.
     */
    public record SetAction(UUID setId, ActionRecord record, OffsetDateTime committedAt, OffsetDateTime completedAt,
                            OffsetDateTime abandonedAt) {
    }

    private final DSLContext db;

    ActionReader(DSLContext db) {
        this.db = db;
    }

    /** Committed in the view, ordered by commitment date, then due date; each with its status in the view. */
    public List<StoredAction> ofProgramme(UUID programmeId, PastView view) {
        List<ActionItemRecord> rows = db.selectFrom(ACTION_ITEM)
                .where(ACTION_ITEM.PROGRAMME_ID.eq(programmeId)).and(committedIn(view))
                .orderBy(ACTION_ITEM.COMMITTED_ON, ACTION_ITEM.DUE_ON, ACTION_ITEM.ACTION_ID)
                .fetch();
        return inView(view, rows, StoredAction::new);
    }

    private static org.jooq.Condition committedIn(PastView view) {
        return ACTION_ITEM.COMMITTED_ON.le(view.asOf()).and(view.known(ACTION_ITEM.COMMITTED_AT));
    }

    /**
     * The programme's actions that a sponsor's follow-through counts (committed in a meeting of three attendees or
     * more, see {@link ReportedMeetings}), in no particular order: only the dates, instants, status and set are read
     * (the dashboards' path, where the descriptions and evidence would be read only to be dropped). The records that
     * explain a follow-through figure are these same actions.
     */
    public List<SetAction> followThroughOfProgramme(UUID programmeId, PastView view) {
        var a = ACTION_ITEM;
        var m = MEETING;
        List<Record> rows = db.select(a.ACTION_ID, a.SET_ID, a.STATUS, a.COMMITTED_ON, a.COMMITTED_AT, a.DUE_ON,
                        a.COMPLETED_ON, a.COMPLETED_AT, a.ABANDONED_ON, a.ABANDONED_AT, a.RESCHEDULED_ON,
                        a.RESCHEDULED_AT)
                .from(a)
                // the programme's meetings by their own index, hash-joined: not one probe per action
                .join(m).on(m.MEETING_ID.eq(a.MEETING_ID)).and(m.PROGRAMME_ID.eq(programmeId))
                .where(a.PROGRAMME_ID.eq(programmeId)).and(ReportedMeetings.counted()).and(committedIn(view))
                .fetch().map(r -> (Record) r);
        return inView(view, rows, (row, record) -> new SetAction(row.get(a.SET_ID), record,
                row.get(a.COMMITTED_AT), row.get(a.COMPLETED_AT), row.get(a.ABANDONED_AT)));
    }

    /**
     * Each row (of {@link ActionItemRecord}'s columns, the reschedule's included) with its analytics view: its status
     * and the due date in force in the view. The one place that decides them, for every list and figure of actions.
     */
    private <R extends Record, T> List<T> inView(PastView view, List<R> rows, BiFunction<R, ActionRecord, T> with) {
        var a = ACTION_ITEM;
        Map<UUID, LocalDate> earlierDue = earlierDueDates(view, rows.stream()
                .filter(row -> !currentDueInForce(view, row.get(a.RESCHEDULED_ON), row.get(a.RESCHEDULED_AT)))
                .map(row -> row.get(a.ACTION_ID)).toList());
        return rows.stream().map(row -> with.apply(row, toRecord(view, row.get(a.STATUS), row.get(a.COMMITTED_ON),
                earlierDue.getOrDefault(row.get(a.ACTION_ID), row.get(a.DUE_ON)), row.get(a.COMPLETED_ON),
                row.get(a.COMPLETED_AT), row.get(a.ABANDONED_ON), row.get(a.ABANDONED_AT)))).toList();
    }

    /**
     * Whether an action's current due date was in force in the view: never rescheduled, or its latest reschedule
     * counts in the view (a reschedule carries no business date: it counts from the UTC day it was recorded). So
     * today's views never read the history.
     */
    private static boolean currentDueInForce(PastView view, LocalDate rescheduledOn, OffsetDateTime rescheduledAt) {
        return rescheduledOn == null || view.happened(rescheduledOn) && view.known(rescheduledAt);
    }

    /**
     * The due date in force in the view for each of {@code actionIds} (actions rescheduled after it): the latest
     * reschedule that counts in the view, else the due date the action was committed with.
     */
    private Map<UUID, LocalDate> earlierDueDates(PastView view, Collection<UUID> actionIds) {
        Map<UUID, LocalDate> due = new HashMap<>();
        if (actionIds.isEmpty()) {
            return due;
        }
        Map<UUID, LocalDate> committedWith = new HashMap<>();
        for (ActionDueChangeRecord change : db.selectFrom(ACTION_DUE_CHANGE)
                .where(ACTION_DUE_CHANGE.ACTION_ID.in(actionIds))
                .orderBy(ACTION_DUE_CHANGE.ACTION_ID, ACTION_DUE_CHANGE.RECORDED_AT).fetch()) {
            committedWith.putIfAbsent(change.getActionId(), change.getPreviousDueOn());
            if (view.happened(change.getChangedOn()) && view.known(change.getRecordedAt())) {
                due.put(change.getActionId(), change.getDueOn());
            }
        }
        committedWith.forEach((actionId, dueOn) -> {
            if (dueOn != null) {
                due.putIfAbsent(actionId, dueOn);
            }
        });
        return due;
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
