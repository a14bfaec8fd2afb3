package org.actionlearning.query.projection;

import org.actionlearning.projection.Projection;
import org.actionlearning.projection.ProjectionDb;
import org.actionlearning.projection.ProjectionHandlers;
import org.actionlearning.projection.ReadModelWrites;
import static org.actionlearning.query.jooq.Tables.PROGRAMME;
import static org.actionlearning.query.jooq.Tables.PROGRAMME_COST;

import java.util.List;
import org.actionlearning.events.programme.ProgrammeClosed;
import org.actionlearning.events.programme.ProgrammeCostRecorded;
import org.actionlearning.events.programme.ProgrammeLaunched;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.springframework.stereotype.Component;

/** Programmes and their fully loaded cost lines. */
@Component
public class ProgrammeProjection implements Projection {

    private final DSLContext db;
    private final ReadModelWrites writes;

    public ProgrammeProjection(@ProjectionDb DSLContext db, ReadModelWrites writes) {
        this.db = db;
        this.writes = writes;
    }

    @Override
    public List<Table<?>> tables() {
        return List.of(PROGRAMME, PROGRAMME_COST);
    }

    @Override
    public void register(ProjectionHandlers handlers) {
        handlers.on(ProgrammeLaunched.class, (e, envelope) -> writes.add(PROGRAMME, e.programmeId(),
                db.insertInto(PROGRAMME)
                        .set(PROGRAMME.PROGRAMME_ID, e.programmeId())
                        .set(PROGRAMME.ORGANISATION, e.organisation())
                        .set(PROGRAMME.NAME, e.name())
                        .set(PROGRAMME.SPONSOR, e.sponsor())
                        .set(PROGRAMME.STARTS_ON, e.startsOn())
                        .set(PROGRAMME.CURRENCY, e.currency())
                        .onConflict(PROGRAMME.PROGRAMME_ID).doNothing()))
                .on(ProgrammeCostRecorded.class, (e, envelope) -> writes.add(PROGRAMME_COST, e.costId(),
                        db.insertInto(PROGRAMME_COST)
                        .set(PROGRAMME_COST.COST_ID, e.costId())
                        .set(PROGRAMME_COST.PROGRAMME_ID, e.programmeId())
                        .set(PROGRAMME_COST.CATEGORY, e.category().name())
                        .set(PROGRAMME_COST.AMOUNT, e.amount())
                        .set(PROGRAMME_COST.INCURRED_ON, e.incurredOn())
                        .set(PROGRAMME_COST.NOTE, e.note())
                        .set(PROGRAMME_COST.RECORDED_AT, SetProjection.recordedAt(envelope))
                        .onConflict(PROGRAMME_COST.COST_ID).doNothing()))
                .on(ProgrammeClosed.class, (e, envelope) -> writes.add(PROGRAMME, e.programmeId(), db.update(PROGRAMME)
                        .set(PROGRAMME.CLOSED_ON, e.closedOn())
                        .where(PROGRAMME.PROGRAMME_ID.eq(e.programmeId()))));
    }
}
