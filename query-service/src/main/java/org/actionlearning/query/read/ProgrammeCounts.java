package org.actionlearning.query.read;

import static org.actionlearning.query.jooq.Tables.CHALLENGE;
import static org.actionlearning.query.jooq.Tables.LEARNING_SET;
import static org.actionlearning.query.jooq.Tables.MEETING;
import static org.actionlearning.query.jooq.Tables.MEMBER_PARTICIPATION;
import static org.actionlearning.query.jooq.Tables.PROGRAMME;
import static org.actionlearning.query.jooq.Tables.SET_MEMBER;

import java.math.BigDecimal;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * A programme's name and counts for its dashboard, in one statement of scalar subqueries: one round trip instead of
 * six, each count planned on its own indexes.
 */
@Component
class ProgrammeCounts {

    /**
     * @param activeMembers distinct people active in at least one set of the programme
     * @param peopleEver    everyone who was ever a member of one of the programme's sets: the people its figures are
     *                      about
     * @param questions     Σ questions over the programme's meetings
     * @param statements    Σ statements over the programme's meetings
     */
    record Counted(UUID programmeId, String name, int sets, int activeMembers, int peopleEver, int challenges,
                   int questions, int statements) {
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
        Field<Integer> peopleEver = DSL.field(DSL.select(DSL.countDistinct(SET_MEMBER.PERSON_ID)).from(SET_MEMBER)
                .where(SET_MEMBER.PROGRAMME_ID.eq(programme)));
        Field<Integer> challenges = DSL.field(DSL.selectCount().from(CHALLENGE)
                .where(CHALLENGE.MEETING_ID.in(DSL.select(MEETING.MEETING_ID).from(MEETING)
                        .where(MEETING.PROGRAMME_ID.eq(programme)))));
        var row = db.select(PROGRAMME.PROGRAMME_ID, PROGRAMME.NAME, sets, activeMembers, peopleEver, challenges,
                        sumOverMeetings(MEMBER_PARTICIPATION.QUESTIONS, programme),
                        sumOverMeetings(MEMBER_PARTICIPATION.STATEMENTS, programme))
                .from(PROGRAMME)
                .where(PROGRAMME.PROGRAMME_ID.eq(programmeId))
                .fetchOne();
        if (row == null) {
            throw new UnknownResource("programmeId", "programme", programmeId);
        }
        return new Counted(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(), row.value6(),
                wholeNumber(row.value7()), wholeNumber(row.value8()));
    }

    /**
     * Σ of a participation count over the programme's meetings, summed meeting by meeting: each meeting's rows come
     * by the primary key, where one join of the meetings with {@code member_participation} is planned as a scan of
     * the whole table.
     */
    private static Field<BigDecimal> sumOverMeetings(Field<Integer> count, Field<UUID> programme) {
        Field<BigDecimal> ofMeeting = DSL.field(DSL.select(DSL.sum(count)).from(MEMBER_PARTICIPATION)
                .where(MEMBER_PARTICIPATION.MEETING_ID.eq(MEETING.MEETING_ID)));
        return DSL.field(DSL.select(DSL.sum(ofMeeting)).from(MEETING).where(MEETING.PROGRAMME_ID.eq(programme)));
    }

    private static int wholeNumber(BigDecimal sum) {
        return sum == null ? 0 : sum.intValueExact();
    }
}
