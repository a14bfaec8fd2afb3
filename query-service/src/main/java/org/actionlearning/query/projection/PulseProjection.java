package org.actionlearning.query.projection;

import static org.actionlearning.query.jooq.Tables.PULSE_ANSWER;
import static org.actionlearning.query.jooq.Tables.PULSE_CONTRIBUTION;

import java.util.List;
import org.actionlearning.events.learningset.PulseAnswered;
import org.actionlearning.events.learningset.PulseContributed;
import org.actionlearning.events.personaldata.PersonErased;
import org.actionlearning.projection.Projection;
import org.actionlearning.projection.ProjectionDb;
import org.actionlearning.projection.ProjectionHandlers;
import org.actionlearning.projection.ReadModelWrites;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.springframework.stereotype.Component;

/**
 * The after-meeting pulse: each response's figures, unlinked from the person (what the aggregates are computed
 * from), and each person's own sealed answers (what they alone may read back). Erasure redacts the answers and
 * leaves the figures, so no aggregate moves.
 */
@Component
public class PulseProjection implements Projection {

    private final DSLContext db;
    private final ReadModelWrites writes;

    public PulseProjection(@ProjectionDb DSLContext db, ReadModelWrites writes) {
        this.db = db;
        this.writes = writes;
    }

    @Override
    public List<Table<?>> tables() {
        return List.of(PULSE_CONTRIBUTION, PULSE_ANSWER);
    }

    @Override
    public void register(ProjectionHandlers handlers) {
        handlers.on(PulseContributed.class, (e, envelope) -> {
            if (e.replaces() != null) {
                writes.add(PULSE_CONTRIBUTION, e.replaces(), db.deleteFrom(PULSE_CONTRIBUTION)
                        .where(PULSE_CONTRIBUTION.RESPONSE_ID.eq(e.replaces())));
            }
            writes.add(PULSE_CONTRIBUTION, e.responseId(), db.insertInto(PULSE_CONTRIBUTION)
                    .set(PULSE_CONTRIBUTION.RESPONSE_ID, e.responseId())
                    .set(PULSE_CONTRIBUTION.MEETING_ID, e.meetingId())
                    .set(PULSE_CONTRIBUTION.SET_ID, e.setId())
                    .set(PULSE_CONTRIBUTION.PROGRAMME_ID, e.programmeId())
                    .set(PULSE_CONTRIBUTION.ITEMS, e.items().stream().map(Integer::shortValue).toArray(Short[]::new))
                    .set(PULSE_CONTRIBUTION.USEFULNESS, small(e.usefulness()))
                    .set(PULSE_CONTRIBUTION.CONFIDENCE, small(e.confidence()))
                    .set(PULSE_CONTRIBUTION.COMMITMENT, small(e.commitment()))
                    .onConflict(PULSE_CONTRIBUTION.RESPONSE_ID).doNothing());
        }).on(PulseAnswered.class, (e, envelope) -> writes.add(PULSE_ANSWER, List.of(e.meetingId(), e.personId()),
                db.insertInto(PULSE_ANSWER)
                        .set(PULSE_ANSWER.MEETING_ID, e.meetingId())
                        .set(PULSE_ANSWER.PERSON_ID, e.personId())
                        .set(PULSE_ANSWER.SET_ID, e.setId())
                        .set(PULSE_ANSWER.PROGRAMME_ID, e.programmeId())
                        .set(PULSE_ANSWER.ANSWERS, e.answers())
                        .onConflict(PULSE_ANSWER.MEETING_ID, PULSE_ANSWER.PERSON_ID).doUpdate()
                        .set(PULSE_ANSWER.ANSWERS, e.answers())))
                .on(PersonErased.class, (e, envelope) -> writes.add(db.update(PULSE_ANSWER)
                        .setNull(PULSE_ANSWER.ANSWERS).where(PULSE_ANSWER.PERSON_ID.eq(e.personId()))));
    }

    private static Short small(Integer value) {
        return value == null ? null : value.shortValue();
    }
}
