package org.actionlearning.query.projection;

import org.actionlearning.projection.Projection;
import org.actionlearning.projection.ProjectionDb;
import org.actionlearning.projection.ProjectionHandlers;
import org.actionlearning.projection.ReadModelWrites;
import static org.actionlearning.query.jooq.Tables.ACTION_DUE_CHANGE;
import static org.actionlearning.query.jooq.Tables.ACTION_ITEM;
import static org.actionlearning.projection.ReadModelWrites.placeholder;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import org.actionlearning.events.action.ActionAbandoned;
import org.actionlearning.events.action.ActionCommitted;
import org.actionlearning.events.action.ActionCompleted;
import org.actionlearning.events.action.ActionProgressReported;
import org.actionlearning.events.action.ActionRescheduled;
import org.actionlearning.events.envelope.EventEnvelope;
import org.actionlearning.events.personaldata.PersonErased;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** Each committed action and where it stands: the follow-through numbers come from here. */
@Component
public class ActionProjection implements Projection {

    private final DSLContext db;
    private final ReadModelWrites writes;
    private final Query commit;
    private final Query complete;

    public ActionProjection(@ProjectionDb DSLContext db, ReadModelWrites writes) {
        this.db = db;
        this.writes = writes;
        // one of each per meeting: templates, as rendering a statement per row cost more than writing it
        var a = ACTION_ITEM;
        this.commit = db.insertInto(a, a.ACTION_ID, a.PROGRAMME_ID, a.SET_ID, a.MEETING_ID, a.CHALLENGE_ID,
                        a.OWNER_ID, a.DESCRIPTION, a.COMMITTED_ON, a.DUE_ON, a.STATUS, a.COMMITTED_AT)
                .values(Collections.nCopies(11, null))
                .onConflict(a.ACTION_ID).doNothing();
        this.complete = db.update(a)
                .set(a.STATUS, DSL.inline("COMPLETED"))
                .set(a.COMPLETED_ON, placeholder(a.COMPLETED_ON))
                .set(a.PERCENT_COMPLETE, DSL.inline(100))
                .set(a.EVIDENCE, placeholder(a.EVIDENCE))
                .set(a.COMPLETED_AT, placeholder(a.COMPLETED_AT))
                .where(a.ACTION_ID.eq(placeholder(a.ACTION_ID)));
    }

    @Override
    public List<Table<?>> tables() {
        return List.of(ACTION_ITEM, ACTION_DUE_CHANGE);
    }

    @Override
    public void register(ProjectionHandlers handlers) {
        handlers.on(ActionCommitted.class, (e, envelope) -> writes.add(ACTION_ITEM, e.actionId(), commit,
                        e.actionId(), e.programmeId(), e.setId(), e.meetingId(), e.challengeId(), e.ownerId(),
                        e.description(), e.committedOn(), e.dueOn(), "OPEN", SetProjection.recordedAt(envelope)))
                .on(ActionProgressReported.class, (e, envelope) -> writes.add(ACTION_ITEM, e.actionId(),
                        db.update(ACTION_ITEM)
                        .set(ACTION_ITEM.PERCENT_COMPLETE, e.percentComplete())
                        .where(ACTION_ITEM.ACTION_ID.eq(e.actionId()))))
                .on(ActionCompleted.class, (e, envelope) -> writes.add(ACTION_ITEM, e.actionId(), complete,
                        e.completedOn(), e.evidence(), SetProjection.recordedAt(envelope), e.actionId()))
                .on(ActionAbandoned.class, (e, envelope) -> writes.add(ACTION_ITEM, e.actionId(), db.update(ACTION_ITEM)
                        .set(ACTION_ITEM.STATUS, "ABANDONED")
                        .set(ACTION_ITEM.ABANDONED_ON, e.abandonedOn())
                        .set(ACTION_ITEM.ABANDON_REASON, e.reason())
                        .set(ACTION_ITEM.ABANDONED_AT, SetProjection.recordedAt(envelope))
                        .where(ACTION_ITEM.ACTION_ID.eq(e.actionId()))))
                .on(ActionRescheduled.class, this::reschedule)
                // the owner's texts go; the action and its dates stay, so follow-through numbers do not change
                .on(PersonErased.class, (e, envelope) -> writes.add(db.update(ACTION_ITEM)
                        .setNull(ACTION_ITEM.DESCRIPTION).setNull(ACTION_ITEM.EVIDENCE)
                        .setNull(ACTION_ITEM.ABANDON_REASON)
                        .where(ACTION_ITEM.OWNER_ID.eq(e.personId()))));
    }

    /**
     * The latest due date for today's views, and the change kept with the day it counts from (the UTC day it was
     * recorded: a reschedule carries no business date) for the views of earlier days and instants.
     */
    private void reschedule(ActionRescheduled e, EventEnvelope envelope) {
        OffsetDateTime at = SetProjection.recordedAt(envelope);
        LocalDate changedOn = at == null ? null : at.toLocalDate();
        writes.add(ACTION_ITEM, e.actionId(), db.update(ACTION_ITEM)
                .set(ACTION_ITEM.DUE_ON, e.dueOn())
                .set(ACTION_ITEM.RESCHEDULED_ON, changedOn)
                .set(ACTION_ITEM.RESCHEDULED_AT, at)
                .where(ACTION_ITEM.ACTION_ID.eq(e.actionId())));
        if (at != null) {
            writes.add(ACTION_DUE_CHANGE, List.of(e.actionId(), at), db.insertInto(ACTION_DUE_CHANGE)
                    .set(ACTION_DUE_CHANGE.ACTION_ID, e.actionId())
                    .set(ACTION_DUE_CHANGE.RECORDED_AT, at)
                    .set(ACTION_DUE_CHANGE.CHANGED_ON, changedOn)
                    .set(ACTION_DUE_CHANGE.PREVIOUS_DUE_ON, e.previousDueOn())
                    .set(ACTION_DUE_CHANGE.DUE_ON, e.dueOn())
                    .onConflictDoNothing());
        }
    }
}
