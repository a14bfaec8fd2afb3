package org.actionlearning.query.projection;

import static org.actionlearning.query.jooq.Tables.EVENT_RECORDER;

import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.actionlearning.events.DomainEvent;
import org.actionlearning.events.envelope.EventEnvelope;
import org.actionlearning.events.envelope.EventType;
import org.actionlearning.events.envelope.EventTypes;
import org.actionlearning.events.envelope.Recorder;
import org.actionlearning.events.personaldata.PersonErased;
import org.actionlearning.projection.ProjectionDb;
import org.actionlearning.projection.Projection;
import org.actionlearning.projection.ProjectionHandlers;
import org.actionlearning.projection.ReadModelWrites;
import org.actionlearning.projection.RowTemplate;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.springframework.stereotype.Component;

/**
 * Who recorded each event, as its envelope names them: one row per event, keyed by its id (a redelivery inserts
 * nothing), so that "what changed" and the explanations can say by whom each record was stored. An envelope without a
 * recorder (published before recorders were, or a pulse answer, unlinked by design) leaves no row: unknown. An
 * erased person's username is removed from their rows, as every projection removes their values from its rows.
 */
@Component
public class RecorderProjection implements Projection {

    private final DSLContext db;
    private final ReadModelWrites writes;
    private final RowTemplate insert;

    public RecorderProjection(@ProjectionDb DSLContext db, ReadModelWrites writes) {
        this.db = db;
        this.writes = writes;
        var r = EVENT_RECORDER;
        // one row for each event: a template, as contributions come by the million
        this.insert = RowTemplate.insert(db, r, List.of(r.EVENT_ID, r.PROGRAMME_ID, r.EVENT_TYPE, r.RECORDED_AT,
                        r.RECORDED_BY_USER, r.RECORDED_BY_PERSON, r.RECORDED_BY_ROLE),
                i -> i.onConflict(r.EVENT_ID).doNothing());
    }

    @Override
    public List<Table<?>> tables() {
        return List.of(EVENT_RECORDER);
    }

    @Override
    public void register(ProjectionHandlers handlers) {
        for (EventType type : EventTypes.all()) {
            on(handlers, type.javaType(), this::record);
        }
        // after the row of the erasure's own event is written (registered above): nothing of theirs is left
        handlers.on(PersonErased.class, (e, envelope) -> writes.add(db.update(EVENT_RECORDER)
                .setNull(EVENT_RECORDER.RECORDED_BY_USER)
                .where(EVENT_RECORDER.RECORDED_BY_PERSON.eq(e.personId()))));
    }

    private void record(EventEnvelope envelope) {
        Recorder recorder = envelope.recordedBy();
        if (recorder == null || envelope.occurredAt() == null) {
            return;
        }
        var r = EVENT_RECORDER;
        UUID eventId = envelope.eventId();
        writes.add(r, eventId, insert.row()
                .set(r.EVENT_ID, eventId)
                .set(r.PROGRAMME_ID, envelope.programmeId())
                .set(r.EVENT_TYPE, envelope.eventType())
                .set(r.RECORDED_AT, envelope.occurredAt().atOffset(ZoneOffset.UTC))
                .set(r.RECORDED_BY_USER, recorder.user())
                .set(r.RECORDED_BY_PERSON, recorder.personId())
                .set(r.RECORDED_BY_ROLE, recorder.role()));
    }

    /** Registers {@code type} with a handler that takes only the envelope (a wildcard type needs a named one). */
    private static <E extends DomainEvent> void on(ProjectionHandlers handlers, Class<E> type,
                                                   Consumer<EventEnvelope> handler) {
        handlers.on(type, (event, envelope) -> handler.accept(envelope));
    }
}
