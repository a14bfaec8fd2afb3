package org.actionlearning.query.projection;

import org.actionlearning.projection.Projection;
import org.actionlearning.projection.ProjectionDb;
import org.actionlearning.projection.ProjectionHandlers;
import org.actionlearning.projection.ReadModelWrites;
import org.actionlearning.projection.RowTemplate;
import static org.actionlearning.query.jooq.Tables.CHALLENGE;
import static org.actionlearning.query.jooq.Tables.CONTRIBUTION;
import static org.actionlearning.query.jooq.Tables.LEARNING_SET;
import static org.actionlearning.query.jooq.Tables.MEETING;
import static org.actionlearning.query.jooq.Tables.MEETING_ATTENDEE;
import static org.actionlearning.query.jooq.Tables.MEMBER_PARTICIPATION;
import static org.actionlearning.query.jooq.Tables.MEETING_ACTIVITY;
import static org.actionlearning.query.jooq.Tables.REFLECTION;
import static org.actionlearning.query.jooq.Tables.SET_MEMBER;
import static org.actionlearning.projection.ReadModelWrites.placeholder;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.actionlearning.events.envelope.EventEnvelope;
import org.actionlearning.events.learningset.ChallengePresented;
import org.actionlearning.events.learningset.ContributionRetracted;
import org.actionlearning.events.learningset.MeetingClosed;
import org.actionlearning.events.learningset.MeetingDiscarded;
import org.actionlearning.events.learningset.MeetingOpened;
import org.actionlearning.events.learningset.MeetingScheduled;
import org.actionlearning.events.learningset.MemberJoined;
import org.actionlearning.events.learningset.FacilitatorChanged;
import org.actionlearning.events.learningset.MemberLeft;
import org.actionlearning.events.learningset.QuestionAsked;
import org.actionlearning.events.learningset.QuestionForm;
import org.actionlearning.events.learningset.ReflectionRecorded;
import org.actionlearning.events.learningset.SetFormed;
import org.actionlearning.events.learningset.StatementKind;
import org.actionlearning.events.learningset.StatementMade;
import org.actionlearning.events.personaldata.PersonErased;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
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
    /** Told of a facilitator change, so that the former facilitator's grant stops counting here before it shows. */
    private final ApplicationEventPublisher accessChanges;
    private final RowTemplate insertContribution;
    private final Query addToParticipation;
    private final Query addToActivity;
    private final RowTemplate scheduleMeeting;
    private final RowTemplate openMeeting;
    private final RowTemplate addAttendee;
    private final RowTemplate presentChallenge;
    private final RowTemplate closeMeeting;

    public SetProjection(@ProjectionDb DSLContext db, ReadModelWrites writes, ApplicationEventPublisher accessChanges) {
        this.accessChanges = accessChanges;
        this.db = db;
        this.writes = writes;
        this.addToParticipation = addToParticipation(db);
        this.addToActivity = addToActivity(db);
        // contributions by the million, every meeting has the others, attendees by the dozen: templates, as
        // rendering a statement per row cost more; bound by column, so that two ids cannot swap places
        var c = CONTRIBUTION;
        this.insertContribution = RowTemplate.insert(db, c, List.of(c.CONTRIBUTION_ID, c.MEETING_ID, c.SET_ID,
                        c.PROGRAMME_ID, c.PERSON_ID, c.KIND, c.QUESTION_FORM, c.STATEMENT_KIND, c.CHALLENGE_ID, c.TEXT,
                        c.SECONDS, c.SET_SEQUENCE, c.RECORDED_AT),
                insert -> insert.onConflict(c.CONTRIBUTION_ID).doNothing());
        this.scheduleMeeting = RowTemplate.insert(db, MEETING, List.of(MEETING.MEETING_ID, MEETING.SET_ID,
                        MEETING.PROGRAMME_ID, MEETING.SCHEDULED_FOR, MEETING.STATUS),
                insert -> insert.onConflict(MEETING.MEETING_ID).doNothing());
        this.openMeeting = new RowTemplate(db.update(MEETING)
                .set(MEETING.OPENED_ON, placeholder(MEETING.OPENED_ON)).set(MEETING.STATUS, DSL.inline("OPEN"))
                .set(MEETING.ATTENDEES, placeholder(MEETING.ATTENDEES))
                .set(MEETING.OPENED_AT, placeholder(MEETING.OPENED_AT))
                .where(MEETING.MEETING_ID.eq(placeholder(MEETING.MEETING_ID))),
                List.of(MEETING.OPENED_ON, MEETING.ATTENDEES, MEETING.OPENED_AT, MEETING.MEETING_ID));
        this.addAttendee = RowTemplate.insert(db, MEETING_ATTENDEE, List.of(MEETING_ATTENDEE.MEETING_ID,
                        MEETING_ATTENDEE.PERSON_ID, MEETING_ATTENDEE.SET_ID),
                insert -> insert.onConflictDoNothing());
        this.presentChallenge = RowTemplate.insert(db, CHALLENGE, List.of(CHALLENGE.CHALLENGE_ID, CHALLENGE.MEETING_ID,
                        CHALLENGE.SET_ID, CHALLENGE.PROGRAMME_ID, CHALLENGE.PRESENTER_ID, CHALLENGE.TITLE,
                        CHALLENGE.SUMMARY, CHALLENGE.SET_SEQUENCE, CHALLENGE.RECORDED_AT),
                insert -> insert.onConflict(CHALLENGE.CHALLENGE_ID).doNothing());
        this.closeMeeting = new RowTemplate(db.update(MEETING)
                .set(MEETING.CLOSED_ON, placeholder(MEETING.CLOSED_ON)).set(MEETING.STATUS, DSL.inline("CLOSED"))
                .where(MEETING.MEETING_ID.eq(placeholder(MEETING.MEETING_ID))),
                List.of(MEETING.CLOSED_ON, MEETING.MEETING_ID));
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
                .on(FacilitatorChanged.class, (e, envelope) -> {
                    accessChanges.publishEvent(new SetGrantsTaken(e.setId()));
                    writes.add(LEARNING_SET, e.setId(), db.update(LEARNING_SET)
                            .set(LEARNING_SET.FACILITATOR_ID, e.facilitatorId())
                            .set(LEARNING_SET.FACILITATOR_NAME, e.facilitatorName())
                            .where(LEARNING_SET.SET_ID.eq(e.setId())));
                })
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
                        .set(SET_MEMBER.JOINED_ON, e.joinedOn())
                        // joined again after leaving: no longer left (the row holds one stint, the latest)
                        .setNull(SET_MEMBER.LEFT_AT)))
                .on(MemberLeft.class, (e, envelope) -> {
                    // the member's MEMBER grant was taken with the removal
                    accessChanges.publishEvent(new SetGrantsTaken(e.setId()));
                    writes.add(SET_MEMBER, List.of(e.setId(), e.personId()), db.update(SET_MEMBER)
                            .set(SET_MEMBER.ACTIVE, false)
                            .set(SET_MEMBER.LEFT_AT, recordedAt(envelope))
                            .where(SET_MEMBER.SET_ID.eq(e.setId()).and(SET_MEMBER.PERSON_ID.eq(e.personId()))));
                })
                .on(MeetingScheduled.class, (e, envelope) -> writes.add(MEETING, e.meetingId(), scheduleMeeting.row()
                        .set(MEETING.MEETING_ID, e.meetingId())
                        .set(MEETING.SET_ID, e.setId())
                        .set(MEETING.PROGRAMME_ID, e.programmeId())
                        .set(MEETING.SCHEDULED_FOR, e.scheduledFor())
                        .set(MEETING.STATUS, "SCHEDULED")))
                .on(MeetingOpened.class, (e, envelope) -> {
                    writes.add(MEETING, e.meetingId(), openMeeting.row()
                            .set(MEETING.OPENED_ON, e.openedOn())
                            .set(MEETING.ATTENDEES, e.attendees().size())
                            .set(MEETING.OPENED_AT, recordedAt(envelope))
                            .set(MEETING.MEETING_ID, e.meetingId()));
                    for (UUID attendee : e.attendees()) {
                        writes.add(MEETING_ATTENDEE, List.of(e.meetingId(), attendee), addAttendee.row()
                                .set(MEETING_ATTENDEE.MEETING_ID, e.meetingId())
                                .set(MEETING_ATTENDEE.PERSON_ID, attendee)
                                .set(MEETING_ATTENDEE.SET_ID, e.setId()));
                    }
                })
                .on(ChallengePresented.class, (e, envelope) -> {
                    writes.add(CHALLENGE, e.challengeId(), presentChallenge.row()
                            .set(CHALLENGE.CHALLENGE_ID, e.challengeId())
                            .set(CHALLENGE.MEETING_ID, e.meetingId())
                            .set(CHALLENGE.SET_ID, e.setId())
                            .set(CHALLENGE.PROGRAMME_ID, e.programmeId())
                            .set(CHALLENGE.PRESENTER_ID, e.presenterId())
                            .set(CHALLENGE.TITLE, e.title())
                            .set(CHALLENGE.SUMMARY, e.summary())
                            .set(CHALLENGE.SET_SEQUENCE, envelope.sequenceNumber())
                            .set(CHALLENGE.RECORDED_AT, recordedAt(envelope)));
                    count(e.meetingId(), e.presenterId(), e.setId(), e.programmeId(), Counts.PRESENTED);
                })
                .on(QuestionAsked.class, (e, envelope) -> {
                    writes.add(CONTRIBUTION, e.contributionId(), insertContribution.row()
                            .set(CONTRIBUTION.CONTRIBUTION_ID, e.contributionId())
                            .set(CONTRIBUTION.MEETING_ID, e.meetingId())
                            .set(CONTRIBUTION.SET_ID, e.setId())
                            .set(CONTRIBUTION.PROGRAMME_ID, e.programmeId())
                            .set(CONTRIBUTION.CHALLENGE_ID, e.challengeId())
                            .set(CONTRIBUTION.SET_SEQUENCE, envelope.sequenceNumber())
                            .set(CONTRIBUTION.PERSON_ID, e.askerId())
                            .set(CONTRIBUTION.KIND, "QUESTION")
                            .set(CONTRIBUTION.QUESTION_FORM, e.form().name())
                            .set(CONTRIBUTION.STATEMENT_KIND, null)
                            .set(CONTRIBUTION.TEXT, e.text())
                            .set(CONTRIBUTION.SECONDS, e.seconds())
                            .set(CONTRIBUTION.RECORDED_AT, recordedAt(envelope)));
                    count(e.meetingId(), e.askerId(), e.setId(), e.programmeId(),
                            e.form() == QuestionForm.OPEN ? Counts.OPEN_QUESTION : Counts.CLOSED_QUESTION);
                })
                .on(StatementMade.class, (e, envelope) -> {
                    writes.add(CONTRIBUTION, e.contributionId(), insertContribution.row()
                            .set(CONTRIBUTION.CONTRIBUTION_ID, e.contributionId())
                            .set(CONTRIBUTION.MEETING_ID, e.meetingId())
                            .set(CONTRIBUTION.SET_ID, e.setId())
                            .set(CONTRIBUTION.PROGRAMME_ID, e.programmeId())
                            .set(CONTRIBUTION.CHALLENGE_ID, e.challengeId())
                            .set(CONTRIBUTION.SET_SEQUENCE, envelope.sequenceNumber())
                            .set(CONTRIBUTION.PERSON_ID, e.speakerId())
                            .set(CONTRIBUTION.KIND, "STATEMENT")
                            .set(CONTRIBUTION.QUESTION_FORM, null)
                            .set(CONTRIBUTION.STATEMENT_KIND, e.kind().name())
                            .set(CONTRIBUTION.TEXT, e.text())
                            .set(CONTRIBUTION.SECONDS, e.seconds())
                            .set(CONTRIBUTION.RECORDED_AT, recordedAt(envelope)));
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
                        .set(REFLECTION.RECORDED_AT, recordedAt(envelope))
                        .onConflict(REFLECTION.REFLECTION_ID).doNothing()))
                .on(MeetingClosed.class, (e, envelope) -> writes.add(MEETING, e.meetingId(), closeMeeting.row()
                        .set(MEETING.CLOSED_ON, e.closedOn())
                        .set(MEETING.MEETING_ID, e.meetingId())))
                .on(ContributionRetracted.class, (e, envelope) -> {
                    writes.add(CONTRIBUTION, e.contributionId(), db.update(CONTRIBUTION)
                            .set(CONTRIBUTION.RETRACTED, true)
                            .where(CONTRIBUTION.CONTRIBUTION_ID.eq(e.contributionId())));
                    Counts retracted = e.questionForm() != null
                            ? (e.questionForm() == QuestionForm.OPEN ? Counts.OPEN_QUESTION : Counts.CLOSED_QUESTION)
                            : (e.statementKind() == StatementKind.ADVICE ? Counts.ADVICE : Counts.STATEMENT);
                    subtract(e.meetingId(), e.personId(), e.setId(), e.programmeId(), retracted);
                })
                .on(MeetingDiscarded.class, (e, envelope) -> discard(e))
                .on(PersonErased.class, (e, envelope) -> redact(e.personId()));
    }

    /**
     * A discarded meeting counts in no figure: its counts leave the programme's activity and its participation rows
     * go (its contributions stay in the record, under a meeting marked DISCARDED). Barriers, after everything
     * pending, so that the meeting's own increments of this batch are in the sums subtracted.
     */
    private void discard(MeetingDiscarded e) {
        writes.add(MEETING, e.meetingId(), db.update(MEETING)
                .set(MEETING.STATUS, "DISCARDED").set(MEETING.DISCARDED_ON, e.discardedOn())
                .where(MEETING.MEETING_ID.eq(e.meetingId())));
        // a discarded meeting's activity and counts go whole: it counts in no figure
        var p = MEMBER_PARTICIPATION;
        writes.add(db.deleteFrom(MEETING_ACTIVITY).where(MEETING_ACTIVITY.MEETING_ID.eq(e.meetingId())));
        writes.add(db.deleteFrom(p).where(p.MEETING_ID.eq(e.meetingId())));
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

    /**
     * Increments of the member's counts in the meeting and of the meeting's activity: applied once per event
     * because the batch skips events already applied; a member's increments in one meeting, and a meeting's,
     * merge into one upsert each per transaction.
     */
    private void count(UUID meetingId, UUID personId, UUID setId, UUID programmeId, Counts add) {
        increment(meetingId, personId, setId, programmeId, add, 1);
    }

    /** A retraction: the same increments, negative (the counts it takes back were added by its contribution). */
    private void subtract(UUID meetingId, UUID personId, UUID setId, UUID programmeId, Counts retracted) {
        increment(meetingId, personId, setId, programmeId, retracted, -1);
    }

    private void increment(UUID meetingId, UUID personId, UUID setId, UUID programmeId, Counts add, int sign) {
        writes.addIncrement(MEMBER_PARTICIPATION, List.of(meetingId, personId), addToParticipation,
                new Object[] {meetingId, personId, setId, programmeId}, sign * add.questions,
                sign * add.openQuestions, sign * add.statements, sign * add.advice, sign * add.presented);
        writes.addIncrement(MEETING_ACTIVITY, meetingId, addToActivity, new Object[] {meetingId, programmeId, setId},
                sign * add.presented, sign * add.questions, sign * add.statements);
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
