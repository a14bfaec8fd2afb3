package org.actionlearning.query.projection;

import static org.actionlearning.query.jooq.Tables.CHALLENGE;
import static org.actionlearning.query.jooq.Tables.CONTRIBUTION;
import static org.actionlearning.query.jooq.Tables.LEARNING_SET;
import static org.actionlearning.query.jooq.Tables.MEETING;
import static org.actionlearning.query.jooq.Tables.MEETING_ATTENDEE;
import static org.actionlearning.query.jooq.Tables.MEMBER_PARTICIPATION;
import static org.actionlearning.query.jooq.Tables.MEETING_ACTIVITY;
import static org.actionlearning.query.jooq.Tables.REFLECTION;
import static org.actionlearning.query.jooq.Tables.SET_MEMBER;
import static org.actionlearning.query.projection.ReadModelWrites.placeholder;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.actionlearning.events.envelope.EventEnvelope;
import org.actionlearning.events.learningset.ChallengePresented;
import org.actionlearning.events.learningset.MeetingClosed;
import org.actionlearning.events.learningset.MeetingOpened;
import org.actionlearning.events.learningset.MeetingScheduled;
import org.actionlearning.events.learningset.MemberJoined;
import org.actionlearning.events.learningset.MemberLeft;
import org.actionlearning.events.learningset.QuestionAsked;
import org.actionlearning.events.learningset.QuestionForm;
import org.actionlearning.events.learningset.ReflectionRecorded;
import org.actionlearning.events.learningset.SetFormed;
import org.actionlearning.events.learningset.StatementKind;
import org.actionlearning.events.learningset.StatementMade;
import org.actionlearning.events.personaldata.PersonErased;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Sets, members, meetings with their attendees, challenges and contributions, and the per-member-per-meeting
 * participation counts that the fairness numbers are computed from.
 */
@Component
public class SetProjection implements Projection {

    private final DSLContext db;
    private final ReadModelWrites writes;
    private final Query insertContribution;
    private final Query addToParticipation;
    private final Query addToActivity;
    private final Query scheduleMeeting;
    private final Query openMeeting;
    private final Query addAttendee;
    private final Query presentChallenge;
    private final Query closeMeeting;

    public SetProjection(@ProjectionDb DSLContext db, ReadModelWrites writes) {
        this.db = db;
        this.writes = writes;
        this.insertContribution = insertContribution(db);
        this.addToParticipation = addToParticipation(db);
        this.addToActivity = addToActivity(db);
        // every meeting has these, attendees by the dozen: templates, as rendering a statement per row cost more
        this.scheduleMeeting = db.insertInto(MEETING, MEETING.MEETING_ID, MEETING.SET_ID, MEETING.PROGRAMME_ID,
                        MEETING.SCHEDULED_FOR, MEETING.STATUS)
                .values(Collections.nCopies(5, null))
                .onConflict(MEETING.MEETING_ID).doNothing();
        this.openMeeting = db.update(MEETING)
                .set(MEETING.OPENED_ON, placeholder(MEETING.OPENED_ON)).set(MEETING.STATUS, DSL.inline("OPEN"))
                .set(MEETING.ATTENDEES, placeholder(MEETING.ATTENDEES))
                .set(MEETING.OPENED_AT, placeholder(MEETING.OPENED_AT))
                .where(MEETING.MEETING_ID.eq(placeholder(MEETING.MEETING_ID)));
        this.addAttendee = db.insertInto(MEETING_ATTENDEE, MEETING_ATTENDEE.MEETING_ID, MEETING_ATTENDEE.PERSON_ID,
                        MEETING_ATTENDEE.SET_ID)
                .values(Collections.nCopies(3, null))
                .onConflictDoNothing();
        this.presentChallenge = db.insertInto(CHALLENGE, CHALLENGE.CHALLENGE_ID, CHALLENGE.MEETING_ID,
                        CHALLENGE.SET_ID, CHALLENGE.PROGRAMME_ID, CHALLENGE.PRESENTER_ID, CHALLENGE.TITLE,
                        CHALLENGE.SUMMARY, CHALLENGE.SET_SEQUENCE, CHALLENGE.RECORDED_AT)
                .values(Collections.nCopies(9, null))
                .onConflict(CHALLENGE.CHALLENGE_ID).doNothing();
        this.closeMeeting = db.update(MEETING)
                .set(MEETING.CLOSED_ON, placeholder(MEETING.CLOSED_ON)).set(MEETING.STATUS, DSL.inline("CLOSED"))
                .where(MEETING.MEETING_ID.eq(placeholder(MEETING.MEETING_ID)));
    }

    @Override
    public List<Table<?>> tables() {
        return List.of(LEARNING_SET, SET_MEMBER, MEETING, MEETING_ATTENDEE, CHALLENGE, CONTRIBUTION,
                MEMBER_PARTICIPATION, MEETING_ACTIVITY, REFLECTION);
    }

    @Override
    public void register(ProjectionHandlers handlers) {
        handlers.on(SetFormed.class, (e, envelope) -> writes.add(LEARNING_SET, e.setId(), db.insertInto(LEARNING_SET)
                        .set(LEARNING_SET.SET_ID, e.setId())
                        .set(LEARNING_SET.PROGRAMME_ID, e.programmeId())
                        .set(LEARNING_SET.NAME, e.name())
                        .set(LEARNING_SET.FACILITATOR_ID, e.facilitatorId())
                        .set(LEARNING_SET.FACILITATOR_NAME, e.facilitatorName())
                        .set(LEARNING_SET.RECORDED_AT, recordedAt(envelope))
                        .onConflict(LEARNING_SET.SET_ID).doNothing()))
                .on(MemberJoined.class, (e, envelope) -> writes.add(SET_MEMBER, List.of(e.setId(), e.personId()),
                        db.insertInto(SET_MEMBER)
                        .set(SET_MEMBER.SET_ID, e.setId())
                        .set(SET_MEMBER.PERSON_ID, e.personId())
                        .set(SET_MEMBER.PROGRAMME_ID, e.programmeId())
                        .set(SET_MEMBER.DISPLAY_NAME, e.displayName())
                        .set(SET_MEMBER.ACTIVE, true)
                        .set(SET_MEMBER.JOINED_ON, e.joinedOn())
                        .set(SET_MEMBER.RECORDED_AT, recordedAt(envelope))
                        .onConflict(SET_MEMBER.SET_ID, SET_MEMBER.PERSON_ID).doUpdate()
                        .set(SET_MEMBER.DISPLAY_NAME, e.displayName())
                        .set(SET_MEMBER.ACTIVE, true)
                        .set(SET_MEMBER.JOINED_ON, e.joinedOn())))
                .on(MemberLeft.class, (e, envelope) -> writes.add(SET_MEMBER, List.of(e.setId(), e.personId()),
                        db.update(SET_MEMBER)
                        .set(SET_MEMBER.ACTIVE, false)
                        .set(SET_MEMBER.LEFT_AT, recordedAt(envelope))
                        .where(SET_MEMBER.SET_ID.eq(e.setId()).and(SET_MEMBER.PERSON_ID.eq(e.personId())))))
                .on(MeetingScheduled.class, (e, envelope) -> writes.add(MEETING, e.meetingId(), scheduleMeeting,
                        e.meetingId(), e.setId(), e.programmeId(), e.scheduledFor(), "SCHEDULED"))
                .on(MeetingOpened.class, (e, envelope) -> {
                    writes.add(MEETING, e.meetingId(), openMeeting, e.openedOn(), e.attendees().size(),
                            recordedAt(envelope), e.meetingId());
                    for (UUID attendee : e.attendees()) {
                        writes.add(MEETING_ATTENDEE, List.of(e.meetingId(), attendee), addAttendee,
                                e.meetingId(), attendee, e.setId());
                    }
                })
                .on(ChallengePresented.class, (e, envelope) -> {
                    writes.add(CHALLENGE, e.challengeId(), presentChallenge, e.challengeId(), e.meetingId(),
                            e.setId(), e.programmeId(), e.presenterId(), e.title(), e.summary(),
                            envelope.sequenceNumber(), recordedAt(envelope));
                    count(e.meetingId(), e.presenterId(), e.setId(), e.programmeId(), Counts.PRESENTED);
                })
                .on(QuestionAsked.class, (e, envelope) -> {
                    contribution(e.contributionId(), e.meetingId(), e.setId(), e.programmeId(), e.askerId(),
                            "QUESTION", e.form().name(), null, e.challengeId(), e.text(), e.seconds(),
                            envelope);
                    count(e.meetingId(), e.askerId(), e.setId(), e.programmeId(),
                            e.form() == QuestionForm.OPEN ? Counts.OPEN_QUESTION : Counts.CLOSED_QUESTION);
                })
                .on(StatementMade.class, (e, envelope) -> {
                    contribution(e.contributionId(), e.meetingId(), e.setId(), e.programmeId(), e.speakerId(),
                            "STATEMENT", null, e.kind().name(), e.challengeId(), e.text(), e.seconds(),
                            envelope);
                    count(e.meetingId(), e.speakerId(), e.setId(), e.programmeId(),
                            e.kind() == StatementKind.ADVICE ? Counts.ADVICE : Counts.STATEMENT);
                })
                .on(ReflectionRecorded.class, (e, envelope) -> writes.add(REFLECTION, e.reflectionId(),
                        db.insertInto(REFLECTION)
                        .set(REFLECTION.REFLECTION_ID, e.reflectionId())
                        .set(REFLECTION.MEETING_ID, e.meetingId())
                        .set(REFLECTION.SET_ID, e.setId())
                        .set(REFLECTION.PERSON_ID, e.personId())
                        .set(REFLECTION.TEXT, e.text())
                        .set(REFLECTION.SET_SEQUENCE, envelope.sequenceNumber())
                        .onConflict(REFLECTION.REFLECTION_ID).doNothing()))
                .on(MeetingClosed.class, (e, envelope) -> writes.add(MEETING, e.meetingId(), closeMeeting,
                        e.closedOn(), e.meetingId()))
                .on(PersonErased.class, (e, envelope) -> redact(e.personId()));
    }

    /**
     * The person's names and texts go (their key is gone, so even the ciphertext is useless); counts stay. Each
     * update touches many rows, so it goes as a barrier after everything pending (see {@link ReadModelWrites}).
     */
    private void redact(UUID personId) {
        writes.add(db.update(LEARNING_SET).setNull(LEARNING_SET.FACILITATOR_NAME)
                .where(LEARNING_SET.FACILITATOR_ID.eq(personId)));
        writes.add(db.update(SET_MEMBER).setNull(SET_MEMBER.DISPLAY_NAME).where(SET_MEMBER.PERSON_ID.eq(personId)));
        writes.add(db.update(CHALLENGE).setNull(CHALLENGE.TITLE).setNull(CHALLENGE.SUMMARY)
                .where(CHALLENGE.PRESENTER_ID.eq(personId)));
        writes.add(db.update(CONTRIBUTION).setNull(CONTRIBUTION.TEXT).where(CONTRIBUTION.PERSON_ID.eq(personId)));
        writes.add(db.update(REFLECTION).setNull(REFLECTION.TEXT).where(REFLECTION.PERSON_ID.eq(personId)));
    }

    /** When the event was stored: what "as recorded by an instant" filters on (docs/time-travel.md). */
    static OffsetDateTime recordedAt(EventEnvelope envelope) {
        return envelope.occurredAt() == null ? null : envelope.occurredAt().atOffset(ZoneOffset.UTC);
    }

    /** What one event adds to a member's counts in a meeting. */
    private enum Counts {
        OPEN_QUESTION(1, 1, 0, 0, 0), CLOSED_QUESTION(1, 0, 0, 0, 0), STATEMENT(0, 0, 1, 0, 0),
        ADVICE(0, 0, 1, 1, 0), PRESENTED(0, 0, 0, 0, 1);

        final int questions;
        final int openQuestions;
        final int statements;
        final int advice;
        final int presented;

        Counts(int questions, int openQuestions, int statements, int advice, int presented) {
            this.questions = questions;
            this.openQuestions = openQuestions;
            this.statements = statements;
            this.advice = advice;
            this.presented = presented;
        }
    }

    /** A question or statement: the most frequent events, so one prepared statement bound per row. */
    private void contribution(UUID contributionId, UUID meetingId, UUID setId, UUID programmeId, UUID personId,
                              String kind, String questionForm, String statementKind, UUID challengeId, String text,
                              Integer seconds, EventEnvelope envelope) {
        writes.add(CONTRIBUTION, contributionId, insertContribution, contributionId, meetingId, setId, programmeId,
                personId, kind, questionForm, statementKind, challengeId, text, seconds, envelope.sequenceNumber(),
                recordedAt(envelope));
    }

    /**
     * Increments of the member's counts in the meeting and of the meeting's activity: applied once per event
     * because the batch skips events already applied; a member's increments in one meeting, and a meeting's,
     * merge into one upsert each per transaction.
     */
    private void count(UUID meetingId, UUID personId, UUID setId, UUID programmeId, Counts add) {
        writes.addIncrement(MEMBER_PARTICIPATION, List.of(meetingId, personId), addToParticipation,
                new Object[] {meetingId, personId, setId, programmeId},
                add.questions, add.openQuestions, add.statements, add.advice, add.presented);
        writes.addIncrement(MEETING_ACTIVITY, meetingId, addToActivity, new Object[] {meetingId, programmeId, setId},
                add.presented, add.questions, add.statements);
    }

    private static Query insertContribution(DSLContext db) {
        var c = CONTRIBUTION;
        return db.insertInto(c, c.CONTRIBUTION_ID, c.MEETING_ID, c.SET_ID, c.PROGRAMME_ID, c.PERSON_ID, c.KIND,
                        c.QUESTION_FORM, c.STATEMENT_KIND, c.CHALLENGE_ID, c.TEXT, c.SECONDS, c.SET_SEQUENCE,
                        c.RECORDED_AT)
                .values(Collections.nCopies(13, null))
                .onConflict(c.CONTRIBUTION_ID).doNothing();
    }

    /** Adds its last three values to a meeting's activity counts (an increment, see {@link #count}). */
    static Query addToActivity(DSLContext db) {
        var a = MEETING_ACTIVITY;
        return db.insertInto(a, a.MEETING_ID, a.PROGRAMME_ID, a.SET_ID, a.CHALLENGES, a.QUESTIONS, a.STATEMENTS)
                .values(Collections.nCopies(6, null))
                .onConflict(a.MEETING_ID).doUpdate()
                .set(a.CHALLENGES, a.CHALLENGES.plus(DSL.excluded(a.CHALLENGES)))
                .set(a.QUESTIONS, a.QUESTIONS.plus(DSL.excluded(a.QUESTIONS)))
                .set(a.STATEMENTS, a.STATEMENTS.plus(DSL.excluded(a.STATEMENTS)));
    }

    /** Adds its last five values to a member's counts in a meeting (an increment, see {@link #count}). */
    static Query addToParticipation(DSLContext db) {
        var p = MEMBER_PARTICIPATION;
        return db.insertInto(p, p.MEETING_ID, p.PERSON_ID, p.SET_ID, p.PROGRAMME_ID, p.QUESTIONS, p.OPEN_QUESTIONS,
                        p.STATEMENTS, p.ADVICE, p.PRESENTED)
                .values(Collections.nCopies(9, null))
                .onConflict(p.MEETING_ID, p.PERSON_ID).doUpdate()
                .set(p.QUESTIONS, p.QUESTIONS.plus(DSL.excluded(p.QUESTIONS)))
                .set(p.OPEN_QUESTIONS, p.OPEN_QUESTIONS.plus(DSL.excluded(p.OPEN_QUESTIONS)))
                .set(p.STATEMENTS, p.STATEMENTS.plus(DSL.excluded(p.STATEMENTS)))
                .set(p.ADVICE, p.ADVICE.plus(DSL.excluded(p.ADVICE)))
                .set(p.PRESENTED, p.PRESENTED.plus(DSL.excluded(p.PRESENTED)));
    }
}
