package org.actionlearning.query.projection;

import static org.actionlearning.query.jooq.Tables.ACTION_ITEM;

import java.util.List;
import org.actionlearning.events.action.ActionAbandoned;
import org.actionlearning.events.action.ActionCommitted;
import org.actionlearning.events.action.ActionCompleted;
import org.actionlearning.events.action.ActionProgressReported;
import org.actionlearning.events.action.ActionRescheduled;
import org.actionlearning.events.personaldata.PersonErased;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.springframework.stereotype.Component;

/** Each committed action and where it stands: the follow-through numbers come from here. */
@Component
public class ActionProjection implements Projection {

    private final DSLContext db;
    private final ReadModelWrites writes;

    public ActionProjection(DSLContext db, ReadModelWrites writes) {
        this.db = db;
        this.writes = writes;
    }

    @Override
    public List<Table<?>> tables() {
        return List.of(ACTION_ITEM);
    }

    @Override
    public void register(ProjectionHandlers handlers) {
        handlers.on(ActionCommitted.class, (e, envelope) -> writes.add(ACTION_ITEM, e.actionId(),
                db.insertInto(ACTION_ITEM)
                        .set(ACTION_ITEM.ACTION_ID, e.actionId())
                        .set(ACTION_ITEM.PROGRAMME_ID, e.programmeId())
                        .set(ACTION_ITEM.SET_ID, e.setId())
                        .set(ACTION_ITEM.MEETING_ID, e.meetingId())
                        .set(ACTION_ITEM.CHALLENGE_ID, e.challengeId())
                        .set(ACTION_ITEM.OWNER_ID, e.ownerId())
                        .set(ACTION_ITEM.DESCRIPTION, e.description())
                        .set(ACTION_ITEM.COMMITTED_ON, e.committedOn())
                        .set(ACTION_ITEM.DUE_ON, e.dueOn())
                        .set(ACTION_ITEM.STATUS, "OPEN")
                        .onConflict(ACTION_ITEM.ACTION_ID).doNothing()))
                .on(ActionProgressReported.class, (e, envelope) -> writes.add(ACTION_ITEM, e.actionId(),
                        db.update(ACTION_ITEM)
                        .set(ACTION_ITEM.PERCENT_COMPLETE, e.percentComplete())
                        .where(ACTION_ITEM.ACTION_ID.eq(e.actionId()))))
                .on(ActionCompleted.class, (e, envelope) -> writes.add(ACTION_ITEM, e.actionId(), db.update(ACTION_ITEM)
                        .set(ACTION_ITEM.STATUS, "COMPLETED")
                        .set(ACTION_ITEM.COMPLETED_ON, e.completedOn())
                        .set(ACTION_ITEM.PERCENT_COMPLETE, 100)
                        .set(ACTION_ITEM.EVIDENCE, e.evidence())
                        .where(ACTION_ITEM.ACTION_ID.eq(e.actionId()))))
                .on(ActionAbandoned.class, (e, envelope) -> writes.add(ACTION_ITEM, e.actionId(), db.update(ACTION_ITEM)
                        .set(ACTION_ITEM.STATUS, "ABANDONED")
                        .set(ACTION_ITEM.ABANDONED_ON, e.abandonedOn())
                        .set(ACTION_ITEM.ABANDON_REASON, e.reason())
                        .where(ACTION_ITEM.ACTION_ID.eq(e.actionId()))))
                .on(ActionRescheduled.class, (e, envelope) -> writes.add(ACTION_ITEM, e.actionId(),
                        db.update(ACTION_ITEM)
                        .set(ACTION_ITEM.DUE_ON, e.dueOn())
                        .where(ACTION_ITEM.ACTION_ID.eq(e.actionId()))))
                // the owner's texts go; the action and its dates stay, so follow-through numbers do not change
                .on(PersonErased.class, (e, envelope) -> writes.add(db.update(ACTION_ITEM)
                        .setNull(ACTION_ITEM.DESCRIPTION).setNull(ACTION_ITEM.EVIDENCE)
                        .setNull(ACTION_ITEM.ABANDON_REASON)
                        .where(ACTION_ITEM.OWNER_ID.eq(e.personId()))));
    }
}
