package org.actionlearning.query.read;

import static org.actionlearning.query.jooq.Tables.PROGRAMME;

import java.util.UUID;
import org.actionlearning.query.jooq.tables.records.ProgrammeRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Finds a programme's row, or answers that it is unknown. */
@Component
public class ProgrammeReader {

    private final DSLContext db;

    ProgrammeReader(DSLContext db) {
        this.db = db;
    }

    public ProgrammeRecord require(UUID programmeId) {
        ProgrammeRecord programme = db.selectFrom(PROGRAMME).where(PROGRAMME.PROGRAMME_ID.eq(programmeId)).fetchOne();
        if (programme == null) {
            throw new UnknownResource("programmeId", "programme", programmeId);
        }
        return programme;
    }
}
