package org.actionlearning.query.access;

import static org.actionlearning.query.jooq.Tables.LEARNING_SET;
import static org.actionlearning.query.jooq.Tables.OUTCOME_METRIC;
import static org.actionlearning.query.jooq.Tables.PROGRAMME;

import java.util.UUID;
import org.actionlearning.query.read.UnknownResource;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Where a programme, set or metric sits, from the read model; an unknown id is a 404 before any permission. */
@Component
class ReadScopes {

    record ProgrammeScope(UUID programmeId, String organisation) {
    }

    record SetScope(UUID setId, UUID programmeId, String organisation) {
    }

    private final DSLContext db;

    ReadScopes(DSLContext db) {
        this.db = db;
    }

    ProgrammeScope programme(UUID programmeId) {
        String organisation = db.select(PROGRAMME.ORGANISATION).from(PROGRAMME)
                .where(PROGRAMME.PROGRAMME_ID.eq(programmeId)).fetchOne(PROGRAMME.ORGANISATION);
        if (organisation == null) {
            throw new UnknownResource("programmeId", "programme", programmeId);
        }
        return new ProgrammeScope(programmeId, organisation);
    }

    SetScope set(UUID setId) {
        var row = db.select(LEARNING_SET.PROGRAMME_ID, PROGRAMME.ORGANISATION).from(LEARNING_SET)
                .join(PROGRAMME).on(PROGRAMME.PROGRAMME_ID.eq(LEARNING_SET.PROGRAMME_ID))
                .where(LEARNING_SET.SET_ID.eq(setId)).fetchOne();
        if (row == null) {
            throw new UnknownResource("setId", "learning set", setId);
        }
        return new SetScope(setId, row.value1(), row.value2());
    }

    ProgrammeScope programmeOfMetric(UUID metricId) {
        UUID programmeId = db.select(OUTCOME_METRIC.PROGRAMME_ID).from(OUTCOME_METRIC)
                .where(OUTCOME_METRIC.METRIC_ID.eq(metricId)).fetchOne(OUTCOME_METRIC.PROGRAMME_ID);
        if (programmeId == null) {
            throw new UnknownResource("metricId", "outcome metric", metricId);
        }
        return programme(programmeId);
    }
}
