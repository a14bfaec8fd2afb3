package org.actionlearning.query.projection;

import static org.actionlearning.query.jooq.Tables.CHALLENGE;
import static org.actionlearning.query.jooq.Tables.CONTRIBUTION;
import static org.actionlearning.query.jooq.Tables.LEARNING_SET;
import static org.actionlearning.query.jooq.Tables.MEETING;
import static org.actionlearning.query.jooq.Tables.MEETING_ATTENDEE;
import static org.actionlearning.query.jooq.Tables.MEMBER_PARTICIPATION;
import static org.actionlearning.query.jooq.Tables.REFLECTION;
import static org.actionlearning.query.jooq.Tables.SET_MEMBER;

import java.util.List;
import java.util.UUID;
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
import org.jooq.Table;
import org.springframework.stereotype.Component;

/**
 * Sets, members, meetings with their attendees, challenges and contributions, and the per-member-per-meeting
 * participation counts that the fairness numbers are computed from.
 */
@Component
public class SetProjection implements Projection {

    private final DSLContext db;

    public SetProjection(DSLContext db) {
        this.db = db;
    }

    @Override
    public List<Table<?>> tables() {
        return List.of(LEARNING_SET, SET_MEMBER, MEETING, MEETING_ATTENDEE, CHALLENGE, CONTRIBUTION,
                MEMBER_PARTICIPATION, REFLECTION);
    }

    @Override
    public void register(ProjectionHandlers handlers) {
        handlers.on(SetFormed.class, (e, envelope) -> db.insertInto(LEARNING_SET)
                        .set(LEARNING_SET.SET_ID, e.setId())
                        .set(LEARNING_SET.PROGRAMME_ID, e.programmeId())
                        .set(LEARNING_SET.NAME, e.name())
                        .set(LEARNING_SET.FACILITATOR_ID, e.facilitatorId())
                        .set(LEARNING_SET.FACILITATOR_NAME, e.facilitatorName())
                        .onConflict(LEARNING_SET.SET_ID).doNothing()
                        .execute())
                .on(MemberJoined.class, (e, envelope) -> db.insertInto(SET_MEMBER)
                        .set(SET_MEMBER.SET_ID, e.setId())
                        .set(SET_MEMBER.PERSON_ID, e.personId())
                        .set(SET_MEMBER.PROGRAMME_ID, e.programmeId())
                        .set(SET_MEMBER.DISPLAY_NAME, e.displayName())
                        .set(SET_MEMBER.ACTIVE, true)
                        .set(SET_MEMBER.JOINED_ON, e.joinedOn())
                        .onConflict(SET_MEMBER.SET_ID, SET_MEMBER.PERSON_ID).doUpdate()
                        .set(SET_MEMBER.DISPLAY_NAME, e.displayName())
                        .set(SET_MEMBER.ACTIVE, true)
                        .set(SET_MEMBER.JOINED_ON, e.joinedOn())
                        .execute())
                .on(MemberLeft.class, (e, envelope) -> db.update(SET_MEMBER)
                        .set(SET_MEMBER.ACTIVE, false)
                        .where(SET_MEMBER.SET_ID.eq(e.setId()).and(SET_MEMBER.PERSON_ID.eq(e.personId())))
                        .execute())
                .on(MeetingScheduled.class, (e, envelope) -> db.insertInto(MEETING)
                        .set(MEETING.MEETING_ID, e.meetingId())
                        .set(MEETING.SET_ID, e.setId())
                        .set(MEETING.PROGRAMME_ID, e.programmeId())
                        .set(MEETING.SCHEDULED_FOR, e.scheduledFor())
                        .set(MEETING.STATUS, "SCHEDULED")
                        .onConflict(MEETING.MEETING_ID).doNothing()
                        .execute())
                .on(MeetingOpened.class, (e, envelope) -> {
                    db.update(MEETING).set(MEETING.OPENED_ON, e.openedOn()).set(MEETING.STATUS, "OPEN")
                            .where(MEETING.MEETING_ID.eq(e.meetingId())).execute();
                    for (UUID attendee : e.attendees()) {
                        db.insertInto(MEETING_ATTENDEE)
                                .set(MEETING_ATTENDEE.MEETING_ID, e.meetingId())
                                .set(MEETING_ATTENDEE.PERSON_ID, attendee)
                                .set(MEETING_ATTENDEE.SET_ID, e.setId())
                                .onConflictDoNothing().execute();
                    }
                })
                .on(ChallengePresented.class, (e, envelope) -> {
                    db.insertInto(CHALLENGE)
                            .set(CHALLENGE.CHALLENGE_ID, e.challengeId())
                            .set(CHALLENGE.MEETING_ID, e.meetingId())
                            .set(CHALLENGE.SET_ID, e.setId())
                            .set(CHALLENGE.PROGRAMME_ID, e.programmeId())
                            .set(CHALLENGE.PRESENTER_ID, e.presenterId())
                            .set(CHALLENGE.TITLE, e.title())
                            .set(CHALLENGE.SUMMARY, e.summary())
                            .set(CHALLENGE.SET_SEQUENCE, envelope.sequenceNumber())
                            .onConflict(CHALLENGE.CHALLENGE_ID).doNothing().execute();
                    count(e.meetingId(), e.presenterId(), e.setId(), e.programmeId(), Counts.PRESENTED);
                })
                .on(QuestionAsked.class, (e, envelope) -> {
                    db.insertInto(CONTRIBUTION)
                            .set(CONTRIBUTION.CONTRIBUTION_ID, e.contributionId())
                            .set(CONTRIBUTION.MEETING_ID, e.meetingId())
                            .set(CONTRIBUTION.SET_ID, e.setId())
                            .set(CONTRIBUTION.PROGRAMME_ID, e.programmeId())
                            .set(CONTRIBUTION.PERSON_ID, e.askerId())
                            .set(CONTRIBUTION.KIND, "QUESTION")
                            .set(CONTRIBUTION.QUESTION_FORM, e.form().name())
                            .set(CONTRIBUTION.CHALLENGE_ID, e.challengeId())
                            .set(CONTRIBUTION.TEXT, e.text())
                            .set(CONTRIBUTION.SECONDS, e.seconds())
                            .set(CONTRIBUTION.SET_SEQUENCE, envelope.sequenceNumber())
                            .onConflict(CONTRIBUTION.CONTRIBUTION_ID).doNothing().execute();
                    count(e.meetingId(), e.askerId(), e.setId(), e.programmeId(),
                            e.form() == QuestionForm.OPEN ? Counts.OPEN_QUESTION : Counts.CLOSED_QUESTION);
                })
                .on(StatementMade.class, (e, envelope) -> {
                    db.insertInto(CONTRIBUTION)
                            .set(CONTRIBUTION.CONTRIBUTION_ID, e.contributionId())
                            .set(CONTRIBUTION.MEETING_ID, e.meetingId())
                            .set(CONTRIBUTION.SET_ID, e.setId())
                            .set(CONTRIBUTION.PROGRAMME_ID, e.programmeId())
                            .set(CONTRIBUTION.PERSON_ID, e.speakerId())
                            .set(CONTRIBUTION.KIND, "STATEMENT")
                            .set(CONTRIBUTION.STATEMENT_KIND, e.kind().name())
                            .set(CONTRIBUTION.CHALLENGE_ID, e.challengeId())
                            .set(CONTRIBUTION.TEXT, e.text())
                            .set(CONTRIBUTION.SECONDS, e.seconds())
                            .set(CONTRIBUTION.SET_SEQUENCE, envelope.sequenceNumber())
                            .onConflict(CONTRIBUTION.CONTRIBUTION_ID).doNothing().execute();
                    count(e.meetingId(), e.speakerId(), e.setId(), e.programmeId(),
                            e.kind() == StatementKind.ADVICE ? Counts.ADVICE : Counts.STATEMENT);
                })
                .on(ReflectionRecorded.class, (e, envelope) -> db.insertInto(REFLECTION)
                        .set(REFLECTION.REFLECTION_ID, e.reflectionId())
                        .set(REFLECTION.MEETING_ID, e.meetingId())
                        .set(REFLECTION.SET_ID, e.setId())
                        .set(REFLECTION.PERSON_ID, e.personId())
                        .set(REFLECTION.TEXT, e.text())
                        .set(REFLECTION.SET_SEQUENCE, envelope.sequenceNumber())
                        .onConflict(REFLECTION.REFLECTION_ID).doNothing().execute())
                .on(MeetingClosed.class, (e, envelope) -> db.update(MEETING)
                        .set(MEETING.CLOSED_ON, e.closedOn()).set(MEETING.STATUS, "CLOSED")
                        .where(MEETING.MEETING_ID.eq(e.meetingId())).execute())
                .on(PersonErased.class, (e, envelope) -> redact(e.personId()));
    }

    /** The person's names and texts go (their key is gone, so even the ciphertext is useless); counts stay. */
    private void redact(UUID personId) {
        db.update(LEARNING_SET).setNull(LEARNING_SET.FACILITATOR_NAME)
                .where(LEARNING_SET.FACILITATOR_ID.eq(personId)).execute();
        db.update(SET_MEMBER).setNull(SET_MEMBER.DISPLAY_NAME).where(SET_MEMBER.PERSON_ID.eq(personId)).execute();
        db.update(CHALLENGE).setNull(CHALLENGE.TITLE).setNull(CHALLENGE.SUMMARY)
                .where(CHALLENGE.PRESENTER_ID.eq(personId)).execute();
        db.update(CONTRIBUTION).setNull(CONTRIBUTION.TEXT).where(CONTRIBUTION.PERSON_ID.eq(personId)).execute();
        db.update(REFLECTION).setNull(REFLECTION.TEXT).where(REFLECTION.PERSON_ID.eq(personId)).execute();
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

    /** An increment: applied once per event because the batch skips events already applied. */
    private void count(UUID meetingId, UUID personId, UUID setId, UUID programmeId, Counts add) {
        var p = MEMBER_PARTICIPATION;
        db.insertInto(p)
                .set(p.MEETING_ID, meetingId).set(p.PERSON_ID, personId)
                .set(p.SET_ID, setId).set(p.PROGRAMME_ID, programmeId)
                .set(p.QUESTIONS, add.questions).set(p.OPEN_QUESTIONS, add.openQuestions)
                .set(p.STATEMENTS, add.statements).set(p.ADVICE, add.advice).set(p.PRESENTED, add.presented)
                .onConflict(p.MEETING_ID, p.PERSON_ID).doUpdate()
                .set(p.QUESTIONS, p.QUESTIONS.plus(add.questions))
                .set(p.OPEN_QUESTIONS, p.OPEN_QUESTIONS.plus(add.openQuestions))
                .set(p.STATEMENTS, p.STATEMENTS.plus(add.statements))
                .set(p.ADVICE, p.ADVICE.plus(add.advice))
                .set(p.PRESENTED, p.PRESENTED.plus(add.presented))
                .execute();
    }
}
