package org.actionlearning.query.projection;

import org.actionlearning.projection.Projection;
import org.actionlearning.projection.ProjectionDb;
import org.actionlearning.projection.ProjectionHandlers;
import org.actionlearning.projection.ReadModelWrites;
import static org.actionlearning.query.jooq.Tables.ERASED_PERSON;

import java.util.List;
import org.actionlearning.events.personaldata.PersonErased;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.springframework.stereotype.Component;

/**
 * Who was erased, so that readers say "erased" instead of "unknown". The redaction of each read model is done by
 * the projection that owns it, on the same event.
 */
@Component
public class ErasureProjection implements Projection {

    private final DSLContext db;
    private final ReadModelWrites writes;

    public ErasureProjection(@ProjectionDb DSLContext db, ReadModelWrites writes) {
        this.db = db;
        this.writes = writes;
    }

    @Override
    public List<Table<?>> tables() {
        return List.of(ERASED_PERSON);
    }

    @Override
    public void register(ProjectionHandlers handlers) {
        // one PersonErased per programme the person is in; the set and action projections redact every programme's
        // rows of the person on each, and the erased_person row is the person's, not the programme's
        handlers.acrossProgrammes(PersonErased.class)
                .on(PersonErased.class, (e, envelope) -> writes.add(ERASED_PERSON, e.personId(),
                        db.insertInto(ERASED_PERSON)
                                .set(ERASED_PERSON.PERSON_ID, e.personId())
                                .set(ERASED_PERSON.ERASED_ON, e.erasedOn())
                                .onConflict(ERASED_PERSON.PERSON_ID).doNothing()));
    }
}
