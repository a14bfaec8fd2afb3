package org.actionlearning.query.privacy;

import static org.actionlearning.query.jooq.Tables.ACTION_ITEM;
import static org.actionlearning.query.jooq.Tables.LEARNING_SET;
import static org.actionlearning.query.jooq.Tables.MEETING;
import static org.actionlearning.query.jooq.Tables.MEETING_ACTIVITY;
import static org.actionlearning.query.jooq.Tables.MEETING_ATTENDEE;
import static org.actionlearning.query.jooq.Tables.MEMBER_PARTICIPATION;
import static org.actionlearning.query.jooq.Tables.PROGRAMME;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Writes a programme's read-model rows as the projections would (each meeting's activity row added to with each
 * member's counts), for tests of what its sponsor may read.
 */
final class ProgrammeRows {

    final UUID programme = UUID.randomUUID();
    private final DSLContext db;

    ProgrammeRows(DSLContext db, String name) {
        this.db = db;
        db.insertInto(PROGRAMME)
                .set(PROGRAMME.PROGRAMME_ID, programme)
                .set(PROGRAMME.ORGANISATION, "Northwind Health")
                .set(PROGRAMME.NAME, name)
                .set(PROGRAMME.SPONSOR, "Chief Nurse")
                .set(PROGRAMME.STARTS_ON, LocalDate.parse("2026-01-05"))
                .set(PROGRAMME.CURRENCY, "GBP")
                .execute();
    }

    /** A set whose members are {@code people} (all active). */
    UUID set(String name, List<UUID> people) {
        UUID setId = UUID.randomUUID();
        db.insertInto(LEARNING_SET)
                .set(LEARNING_SET.SET_ID, setId)
                .set(LEARNING_SET.PROGRAMME_ID, programme)
                .set(LEARNING_SET.NAME, name)
                .set(LEARNING_SET.FACILITATOR_ID, UUID.randomUUID())
                .set(LEARNING_SET.FACILITATOR_NAME, "Facilitator of " + name)
                .execute();
        var m = org.actionlearning.query.jooq.Tables.SET_MEMBER;
        for (UUID person : people) {
            db.insertInto(m).set(m.SET_ID, setId).set(m.PERSON_ID, person).set(m.PROGRAMME_ID, programme)
                    .set(m.DISPLAY_NAME, "Person " + person).set(m.ACTIVE, true).execute();
        }
        return setId;
    }

    /** The person leaves the set: no longer active, still among those it has ever had. */
    void leave(UUID setId, UUID person) {
        var m = org.actionlearning.query.jooq.Tables.SET_MEMBER;
        db.update(m).set(m.ACTIVE, false).where(m.SET_ID.eq(setId)).and(m.PERSON_ID.eq(person)).execute();
    }

    /** An opened meeting of the set with these attendees. */
    UUID meeting(UUID setId, LocalDate openedOn, List<UUID> attendees) {
        UUID meetingId = UUID.randomUUID();
        db.insertInto(MEETING)
                .set(MEETING.MEETING_ID, meetingId)
                .set(MEETING.SET_ID, setId)
                .set(MEETING.PROGRAMME_ID, programme)
                .set(MEETING.SCHEDULED_FOR, openedOn)
                .set(MEETING.OPENED_ON, openedOn)
                .set(MEETING.STATUS, "OPEN")
                .set(MEETING.ATTENDEES, attendees.size())
                .execute();
        for (UUID attendee : attendees) {
            db.insertInto(MEETING_ATTENDEE).set(MEETING_ATTENDEE.MEETING_ID, meetingId)
                    .set(MEETING_ATTENDEE.PERSON_ID, attendee).set(MEETING_ATTENDEE.SET_ID, setId).execute();
        }
        return meetingId;
    }

    /** An attendee's counts in a meeting, added to the meeting's activity as the projection adds them. */
    void participation(UUID meetingId, UUID setId, UUID personId, int questions, int openQuestions, int statements,
                       int advice, int presented) {
        var p = MEMBER_PARTICIPATION;
        db.insertInto(p).set(p.MEETING_ID, meetingId).set(p.PERSON_ID, personId).set(p.SET_ID, setId)
                .set(p.PROGRAMME_ID, programme).set(p.QUESTIONS, questions).set(p.OPEN_QUESTIONS, openQuestions)
                .set(p.STATEMENTS, statements).set(p.ADVICE, advice).set(p.PRESENTED, presented)
                .execute();
        var a = MEETING_ACTIVITY;
        db.insertInto(a).set(a.MEETING_ID, meetingId).set(a.PROGRAMME_ID, programme).set(a.SET_ID, setId)
                .set(a.CHALLENGES, presented).set(a.QUESTIONS, questions).set(a.STATEMENTS, statements)
                .onConflict(a.MEETING_ID).doUpdate()
                .set(a.CHALLENGES, a.CHALLENGES.plus(presented))
                .set(a.QUESTIONS, a.QUESTIONS.plus(questions))
                .set(a.STATEMENTS, a.STATEMENTS.plus(statements))
                .execute();
    }

    /** An action committed in the set; {@code status} OPEN, COMPLETED (on {@code closedOn}) or ABANDONED. */
    UUID action(UUID setId, UUID meetingId, UUID owner, LocalDate committedOn, LocalDate dueOn, String status,
                LocalDate closedOn) {
        UUID actionId = UUID.randomUUID();
        db.insertInto(ACTION_ITEM)
                .set(ACTION_ITEM.ACTION_ID, actionId)
                .set(ACTION_ITEM.PROGRAMME_ID, programme)
                .set(ACTION_ITEM.SET_ID, setId)
                .set(ACTION_ITEM.MEETING_ID, meetingId)
                .set(ACTION_ITEM.CHALLENGE_ID, UUID.randomUUID())
                .set(ACTION_ITEM.OWNER_ID, owner)
                .set(ACTION_ITEM.DESCRIPTION, "An action")
                .set(ACTION_ITEM.COMMITTED_ON, committedOn)
                .set(ACTION_ITEM.DUE_ON, dueOn)
                .set(ACTION_ITEM.STATUS, status)
                .set(ACTION_ITEM.COMPLETED_ON, "COMPLETED".equals(status) ? closedOn : null)
                .set(ACTION_ITEM.ABANDONED_ON, "ABANDONED".equals(status) ? closedOn : null)
                .set(ACTION_ITEM.PERCENT_COMPLETE, "COMPLETED".equals(status) ? 100 : 0)
                .execute();
        return actionId;
    }

    /** Removes a set's meetings, counts and actions (its membership stays). */
    void forgetActivityOf(UUID setId) {
        var p = MEMBER_PARTICIPATION;
        db.deleteFrom(MEETING_ACTIVITY).where(MEETING_ACTIVITY.SET_ID.eq(setId)).execute();
        db.deleteFrom(p).where(p.SET_ID.eq(setId)).execute();
        db.deleteFrom(MEETING_ATTENDEE).where(MEETING_ATTENDEE.SET_ID.eq(setId)).execute();
        db.deleteFrom(MEETING).where(MEETING.SET_ID.eq(setId)).execute();
        db.deleteFrom(ACTION_ITEM).where(ACTION_ITEM.SET_ID.eq(setId)).execute();
    }
}
