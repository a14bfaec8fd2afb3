package org.actionlearning.query.read.administration;

import static org.actionlearning.query.jooq.Tables.LEARNING_SET;
import static org.actionlearning.query.jooq.Tables.PROGRAMME;
import static org.actionlearning.query.jooq.Tables.PROGRAMME_COST;
import static org.actionlearning.query.jooq.Tables.SET_MEMBER;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.actionlearning.query.read.ReadSnapshot;
import org.actionlearning.query.read.UnknownResource;
import org.actionlearning.query.read.administration.ProgrammeDetail.CostLine;
import org.actionlearning.query.read.administration.ProgrammeDetail.SetLine;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

/**
 * What an organisation's administrator works with: a programme's costs and sets, a set's current members. No
 * names of people: what is said in a set, and who the facilitator is, stays with the set's people; the
 * administrator knows the people by their user names (the identity store's, not this service's).
 */
@Service
public class AdministrationQueries {

    private final DSLContext db;
    private final ReadSnapshot snapshot;

    AdministrationQueries(DSLContext db, ReadSnapshot snapshot) {
        this.db = db;
        this.snapshot = snapshot;
    }

    public ProgrammeDetail programme(UUID programmeId) {
        return snapshot.read(() -> {
            var row = db.selectFrom(PROGRAMME).where(PROGRAMME.PROGRAMME_ID.eq(programmeId)).fetchOptional()
                    .orElseThrow(() -> new UnknownResource("programmeId", "programme", programmeId));
            List<CostLine> costs = db.select(PROGRAMME_COST.COST_ID, PROGRAMME_COST.CATEGORY, PROGRAMME_COST.AMOUNT,
                            PROGRAMME_COST.INCURRED_ON, PROGRAMME_COST.NOTE)
                    .from(PROGRAMME_COST).where(PROGRAMME_COST.PROGRAMME_ID.eq(programmeId))
                    .orderBy(PROGRAMME_COST.INCURRED_ON, PROGRAMME_COST.COST_ID)
                    .fetch(r -> new CostLine(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
            List<SetLine> sets = db.select(LEARNING_SET.SET_ID, LEARNING_SET.NAME, DSL.field(DSL.selectCount()
                            .from(SET_MEMBER).where(SET_MEMBER.SET_ID.eq(LEARNING_SET.SET_ID))
                            .and(SET_MEMBER.ACTIVE.isTrue())))
                    .from(LEARNING_SET).where(LEARNING_SET.PROGRAMME_ID.eq(programmeId))
                    .orderBy(LEARNING_SET.NAME, LEARNING_SET.SET_ID)
                    .fetch(r -> new SetLine(r.value1(), r.value2(), r.value3()));
            return new ProgrammeDetail(programmeId, row.getOrganisation(), row.getName(), row.getSponsor(),
                    row.getStartsOn(), row.getCurrency(), row.getClosedOn(), costs, sets);
        });
    }

    public SetDetail set(UUID setId) {
        return snapshot.read(() -> {
            var row = db.select(LEARNING_SET.NAME, LEARNING_SET.FACILITATOR_ID, PROGRAMME.PROGRAMME_ID,
                            PROGRAMME.NAME, PROGRAMME.ORGANISATION)
                    .from(LEARNING_SET).join(PROGRAMME).on(PROGRAMME.PROGRAMME_ID.eq(LEARNING_SET.PROGRAMME_ID))
                    .where(LEARNING_SET.SET_ID.eq(setId)).fetchOptional()
                    .orElseThrow(() -> new UnknownResource("setId", "learning set", setId));
            List<UUID> members = db.select(SET_MEMBER.PERSON_ID).from(SET_MEMBER)
                    .where(SET_MEMBER.SET_ID.eq(setId)).and(SET_MEMBER.ACTIVE.isTrue())
                    .orderBy(SET_MEMBER.PERSON_ID).fetch(SET_MEMBER.PERSON_ID);
            return new SetDetail(setId, row.value1(), row.value2(), row.value3(), row.value4(), row.value5(), members);
        });
    }
}
