package org.actionlearning.query.read.programme;

import static org.actionlearning.query.jooq.Tables.LEARNING_SET;
import static org.actionlearning.query.jooq.Tables.MEETING;
import static org.actionlearning.query.jooq.Tables.MEETING_ATTENDEE;
import static org.actionlearning.query.jooq.Tables.PROGRAMME;
import static org.actionlearning.query.jooq.Tables.SET_MEMBER;

import java.time.LocalDate;
import java.util.UUID;
import org.actionlearning.query.read.ParticipationReader;
import org.actionlearning.query.read.PastView;
import org.actionlearning.query.read.ReportedMeetings;
import org.actionlearning.query.read.UnknownResource;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * A programme's name and the counts of its sets and members for its dashboard, in one statement (the activity is
 * added up from its meetings, see {@link ParticipationReader}).
 */
@Component
public class CountsReader {

    /** @param activeMembers distinct people active in at least one set of the programme */
    record Counted(UUID programmeId, String name, int sets, int activeMembers) {
    }

    private final DSLContext db;

    CountsReader(DSLContext db) {
        this.db = db;
    }

    /**
     * As of the view: a set counts from its first meeting of three attendees or more (a smaller one would give its
     * date away), else from the day it was recorded; a member from the day
     * they joined, else the day it was recorded, until the day their leaving was recorded.
     */
    Counted of(UUID programmeId, PastView view) {
        Field<UUID> programme = PROGRAMME.PROGRAMME_ID;
        var s = LEARNING_SET;
        Field<LocalDate> firstMeeting = DSL.field(DSL.select(DSL.min(MEETING.OPENED_ON)).from(MEETING)
                .where(MEETING.SET_ID.eq(s.SET_ID)).and(ReportedMeetings.counted()));
        Field<LocalDate> setFrom = DSL.coalesce(firstMeeting, s.RECORDED_AT.cast(LocalDate.class));
        Field<Integer> sets = DSL.field(DSL.selectCount().from(s)
                .where(s.PROGRAMME_ID.eq(programme)).and(view.known(s.RECORDED_AT))
                .and(setFrom.isNull().or(setFrom.le(view.asOf()))));
        var m = SET_MEMBER;
        Field<Integer> activeMembers = DSL.field(DSL.select(DSL.countDistinct(m.PERSON_ID)).from(m)
                .where(m.PROGRAMME_ID.eq(programme)).and(memberInView(view)));
        var row = db.select(PROGRAMME.PROGRAMME_ID, PROGRAMME.NAME, sets, activeMembers)
                .from(PROGRAMME)
                .where(PROGRAMME.PROGRAMME_ID.eq(programmeId))
                .fetchOne();
        if (row == null) {
            throw new UnknownResource("programmeId", "programme", programmeId);
        }
        return new Counted(row.value1(), row.value2(), row.value3(), row.value4());
    }

    /**
     * A set's member in the view, as a condition on {@code set_member}: from their joining date, else from the first
     * counted meeting they attended (a meeting of fewer than 3 moves no figure, this one included), else from the day
     * their joining was recorded, until the day their leaving was recorded.
     */
    public static Condition memberInView(PastView view) {
        var m = SET_MEMBER;
        Field<LocalDate> firstAttended = DSL.field(DSL.select(DSL.min(MEETING.OPENED_ON)).from(MEETING_ATTENDEE)
                .join(MEETING).on(MEETING.MEETING_ID.eq(MEETING_ATTENDEE.MEETING_ID))
                .where(MEETING_ATTENDEE.PERSON_ID.eq(m.PERSON_ID)).and(MEETING_ATTENDEE.SET_ID.eq(m.SET_ID))
                .and(ReportedMeetings.counted()));
        Field<LocalDate> joined = DSL.coalesce(m.JOINED_ON, firstAttended, m.RECORDED_AT.cast(LocalDate.class));
        Condition leftInView = m.LEFT_AT.isNotNull().and(m.LEFT_AT.cast(LocalDate.class).le(view.asOf()))
                .and(view.known(m.LEFT_AT));
        return view.known(m.RECORDED_AT).and(joined.isNull().or(joined.le(view.asOf())))
                // older rows have no instant of leaving: their flag says whether they are still in the set
                .and(m.ACTIVE.isTrue().or(m.LEFT_AT.isNotNull())).and(DSL.not(leftInView));
    }
}
