package org.actionlearning.query.read;

import static org.actionlearning.query.jooq.Tables.LEARNING_SET;
import static org.actionlearning.query.jooq.Tables.MEMBER_PARTICIPATION;
import static org.actionlearning.query.jooq.Tables.PROGRAMME;
import static org.actionlearning.query.jooq.Tables.PROGRAMME_ACTIVITY;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * A programme's name and counts for its dashboard, in one statement: the sets and members counted by index, the
 * activity (challenges, questions, statements) read from the row the projection adds to as events arrive.
 */
@Component
class ProgrammeCounts {

    /**
     * @param activeMembers distinct people active in at least one set of the programme
     * @param challenges    challenges presented in the programme's meetings
     * @param questions     Σ questions over the programme's meetings
     * @param statements    Σ statements over the programme's meetings
     */
    record Counted(UUID programmeId, String name, int sets, int activeMembers, int challenges, int questions,
                   int statements) {

        /** These counts without {@code activity}: what is left once some sets are left out. */
        Counted without(Activity activity) {
            return new Counted(programmeId, name, sets, activeMembers, challenges - activity.challenges(),
                    questions - activity.questions(), statements - activity.statements());
        }
    }

    /** Challenges presented, questions asked and statements made in some sets. */
    record Activity(int challenges, int questions, int statements) {
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
        var activity = PROGRAMME_ACTIVITY;
        var row = db.select(PROGRAMME.PROGRAMME_ID, PROGRAMME.NAME, sets, activeMembers,
                        activity.CHALLENGES, activity.QUESTIONS, activity.STATEMENTS)
                .from(PROGRAMME)
                .leftJoin(activity).on(activity.PROGRAMME_ID.eq(PROGRAMME.PROGRAMME_ID))
                .where(PROGRAMME.PROGRAMME_ID.eq(programmeId))
                .fetchOne();
        if (row == null) {
            throw new UnknownResource("programmeId", "programme", programmeId);
        }
        return new Counted(row.value1(), row.value2(), row.value3(), row.value4(),
                orZero(row.value5()), orZero(row.value6()), orZero(row.value7()));
    }

    /**
     * The activity of some sets, summed from the members' counts (the same increments the programme's row adds up):
     * what the small sets, left out of the totals, added to them. Small sets are few and small, so this reads little.
     */
    Activity activityOf(Set<UUID> sets) {
        if (sets.isEmpty()) {
            return new Activity(0, 0, 0);
        }
        var p = MEMBER_PARTICIPATION;
        var row = db.select(DSL.sum(p.PRESENTED), DSL.sum(p.QUESTIONS), DSL.sum(p.STATEMENTS))
                .from(p).where(p.SET_ID.in(sets)).fetchOne();
        return new Activity(orZero(row.value1()), orZero(row.value2()), orZero(row.value3()));
    }

    private static int orZero(BigDecimal sum) {
        return sum == null ? 0 : sum.intValue();
    }

    /** A programme where nothing was said yet has no activity row. */
    private static int orZero(Integer count) {
        return count == null ? 0 : count;
    }
}
