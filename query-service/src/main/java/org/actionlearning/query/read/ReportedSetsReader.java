package org.actionlearning.query.read;

import static org.actionlearning.query.jooq.Tables.LEARNING_SET;
import static org.actionlearning.query.jooq.Tables.SET_MEMBER;

import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** Reads how many people each set of a programme has ever had: what {@link ReportedSets} decides from. */
@Component
public class ReportedSetsReader {

    private final DSLContext db;

    ReportedSetsReader(DSLContext db) {
        this.db = db;
    }

    public ReportedSets ofProgramme(UUID programmeId) {
        var people = DSL.countDistinct(SET_MEMBER.PERSON_ID);
        return new ReportedSets(db.select(LEARNING_SET.SET_ID, people)
                .from(LEARNING_SET)
                .leftJoin(SET_MEMBER).on(SET_MEMBER.SET_ID.eq(LEARNING_SET.SET_ID))
                .where(LEARNING_SET.PROGRAMME_ID.eq(programmeId))
                .groupBy(LEARNING_SET.SET_ID)
                .fetchMap(LEARNING_SET.SET_ID, people));
    }
}
