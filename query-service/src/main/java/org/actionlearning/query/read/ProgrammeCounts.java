package org.actionlearning.query.read;

import static org.actionlearning.query.jooq.Tables.LEARNING_SET;
import static org.actionlearning.query.jooq.Tables.PROGRAMME;

import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * A programme's name and the counts of its sets and members for its dashboard, in one statement (the activity is
 * added up from its meetings, see {@link ParticipationReader}).
 */
@Component
class ProgrammeCounts {

    /** @param activeMembers distinct people active in at least one set of the programme */
    record Counted(UUID programmeId, String name, int sets, int activeMembers) {
    }

    private final DSLContext db;

    ProgrammeCounts(DSLContext db) {
        this.db = db;
    }

    Counted of(UUID programmeId) {
        Field<UUID> programme = PROGRAMME.PROGRAMME_ID;
        Field<Integer> sets = DSL.field(DSL.selectCount().from(LEARNING_SET)
                .where(LEARNING_SET.PROGRAMME_ID.eq(programme)));
        Field<Integer> activeMembers = DSL.field(ProgrammeQueries.activeMembers(programme));
        var row = db.select(PROGRAMME.PROGRAMME_ID, PROGRAMME.NAME, sets, activeMembers)
                .from(PROGRAMME)
                .where(PROGRAMME.PROGRAMME_ID.eq(programmeId))
                .fetchOne();
        if (row == null) {
            throw new UnknownResource("programmeId", "programme", programmeId);
        }
        return new Counted(row.value1(), row.value2(), row.value3(), row.value4());
    }
}
