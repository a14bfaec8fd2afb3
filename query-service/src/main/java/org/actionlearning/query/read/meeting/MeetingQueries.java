package org.actionlearning.query.read.meeting;

import static org.actionlearning.query.jooq.Tables.ACTION_ITEM;
import static org.actionlearning.query.jooq.Tables.CHALLENGE;
import static org.actionlearning.query.jooq.Tables.CONTRIBUTION;
import static org.actionlearning.query.jooq.Tables.LEARNING_SET;
import static org.actionlearning.query.jooq.Tables.MEETING;
import static org.actionlearning.query.jooq.Tables.MEETING_ATTENDEE;
import static org.actionlearning.query.jooq.Tables.MEMBER_PARTICIPATION;
import static org.actionlearning.query.jooq.Tables.SET_MEMBER;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.query.jooq.tables.records.ActionItemRecord;
import org.actionlearning.query.jooq.tables.records.ChallengeRecord;
import org.actionlearning.query.jooq.tables.records.ContributionRecord;
import org.actionlearning.query.jooq.tables.records.MeetingAttendeeRecord;
import org.actionlearning.query.jooq.tables.records.MeetingRecord;
import org.actionlearning.query.jooq.tables.records.MemberParticipationRecord;
import org.actionlearning.query.read.PersonalValues;
import org.actionlearning.query.read.PersonalValues.Disclosure;
import org.actionlearning.query.read.ReadSnapshot;
import org.actionlearning.query.read.UnknownResource;
import org.actionlearning.query.read.meeting.OpenMeetings.Challenge;
import org.actionlearning.query.read.meeting.OpenMeetings.Contribution;
import org.actionlearning.query.read.meeting.OpenMeetings.OpenMeeting;
import org.actionlearning.query.read.meeting.OpenMeetings.Tally;
import org.actionlearning.query.read.set.SetRecord.Person;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/** A set's open meetings with their attendees, the challenge being presented and the tally so far. */
@Service
public class MeetingQueries {

    private final DSLContext db;
    private final PersonalValues personal;
    private final ReadSnapshot snapshot;

    MeetingQueries(DSLContext db, PersonalValues personal, ReadSnapshot snapshot) {
        this.db = db;
        this.personal = personal;
        this.snapshot = snapshot;
    }

    private record Read(List<MeetingRecord> meetings, List<MeetingAttendeeRecord> attendees,
                        List<ChallengeRecord> challenges, List<MemberParticipationRecord> counts,
                        List<ContributionRecord> contributions, List<ActionItemRecord> actions,
                        Map<UUID, String> storedNames) {
    }

    public OpenMeetings of(UUID setId) {
        Read read = snapshot.read(() -> read(setId));
        List<String> stored = new ArrayList<>(read.storedNames().values());
        read.challenges().forEach(c -> stored.add(c.getTitle()));
        read.actions().forEach(a -> stored.add(a.getDescription()));
        Disclosure texts = personal.disclose(stored, read.storedNames().keySet());
        List<OpenMeeting> meetings = read.meetings().stream().map(m -> {
            UUID id = m.getMeetingId();
            List<Person> attendees = read.attendees().stream().filter(a -> a.getMeetingId().equals(id))
                    .map(a -> person(a.getPersonId(), read.storedNames(), texts))
                    .sorted(java.util.Comparator.comparing(Person::displayName, PersonalValues.BY_NAME)
                            .thenComparing(Person::personId))
                    .toList();
            List<Challenge> challenges = read.challenges().stream().filter(c -> c.getMeetingId().equals(id))
                    .map(c -> new Challenge(c.getChallengeId(), person(c.getPresenterId(), read.storedNames(), texts),
                            texts.text(c.getTitle())))
                    .toList();
            Challenge presenting = challenges.isEmpty() ? null : challenges.get(challenges.size() - 1);
            List<OpenMeetings.CommittedAction> actions = read.actions().stream()
                    .filter(a -> a.getMeetingId().equals(id))
                    .map(a -> new OpenMeetings.CommittedAction(a.getActionId(), a.getChallengeId(), a.getOwnerId(),
                            texts.text(a.getDescription()), a.getDueOn()))
                    .toList();
            List<Tally> tally = attendees.stream().map(a -> tally(a.personId(), id, read.counts())).toList();
            List<Contribution> contributions = read.contributions().stream()
                    .filter(c -> c.getMeetingId().equals(id))
                    .map(c -> new Contribution(c.getContributionId(), c.getPersonId(), c.getKind(),
                            c.getQuestionForm(), c.getStatementKind(), c.getChallengeId()))
                    .toList();
            return new OpenMeeting(id, m.getScheduledFor(), m.getOpenedOn(), attendees, presenting, tally,
                    contributions, challenges, actions);
        }).toList();
        return new OpenMeetings(setId, meetings, texts.anyUnavailable());
    }

    /** The set's meetings scheduled and not opened yet, soonest first (the console offers them to open). */
    public List<ScheduledMeeting> scheduled(UUID setId) {
        return db.select(MEETING.MEETING_ID, MEETING.SCHEDULED_FOR).from(MEETING)
                .where(MEETING.SET_ID.eq(setId)).and(MEETING.STATUS.eq("SCHEDULED"))
                .orderBy(MEETING.SCHEDULED_FOR, MEETING.MEETING_ID)
                .fetch(r -> new ScheduledMeeting(r.value1(), r.value2()));
    }

    private static Person person(UUID personId, Map<UUID, String> storedNames, Disclosure texts) {
        String stored = storedNames.get(personId);
        return new Person(personId, texts.text(stored), texts.erased(personId, stored));
    }

    private static Tally tally(UUID personId, UUID meetingId, List<MemberParticipationRecord> counts) {
        return counts.stream()
                .filter(p -> p.getMeetingId().equals(meetingId) && p.getPersonId().equals(personId))
                .findFirst()
                .map(p -> new Tally(personId, p.getQuestions(), p.getOpenQuestions(), p.getStatements(),
                        p.getAdvice(), p.getPresented(), p.getQuestions() + p.getStatements()))
                .orElse(new Tally(personId, 0, 0, 0, 0, 0, 0));
    }

    private Read read(UUID setId) {
        if (!db.fetchExists(LEARNING_SET, LEARNING_SET.SET_ID.eq(setId))) {
            throw new UnknownResource("setId", "learning set", setId);
        }
        List<MeetingRecord> meetings = db.selectFrom(MEETING)
                .where(MEETING.SET_ID.eq(setId)).and(MEETING.STATUS.eq("OPEN"))
                .orderBy(MEETING.OPENED_ON, MEETING.MEETING_ID).fetch();
        List<UUID> ids = meetings.stream().map(MeetingRecord::getMeetingId).toList();
        if (ids.isEmpty()) {
            return new Read(meetings, List.of(), List.of(), List.of(), List.of(), List.of(), Map.of());
        }
        return new Read(meetings,
                db.selectFrom(MEETING_ATTENDEE).where(MEETING_ATTENDEE.MEETING_ID.in(ids)).fetch(),
                db.selectFrom(CHALLENGE).where(CHALLENGE.MEETING_ID.in(ids))
                        .orderBy(CHALLENGE.SET_SEQUENCE.asc().nullsFirst(), CHALLENGE.CHALLENGE_ID).fetch(),
                db.selectFrom(MEMBER_PARTICIPATION).where(MEMBER_PARTICIPATION.MEETING_ID.in(ids)).fetch(),
                db.selectFrom(CONTRIBUTION).where(CONTRIBUTION.MEETING_ID.in(ids))
                        .and(CONTRIBUTION.RETRACTED.isFalse())
                        .orderBy(CONTRIBUTION.SET_SEQUENCE.asc().nullsFirst(), CONTRIBUTION.CONTRIBUTION_ID).fetch(),
                db.selectFrom(ACTION_ITEM).where(ACTION_ITEM.MEETING_ID.in(ids))
                        .orderBy(ACTION_ITEM.COMMITTED_AT.asc().nullsFirst(), ACTION_ITEM.ACTION_ID).fetch(),
                db.select(SET_MEMBER.PERSON_ID, SET_MEMBER.DISPLAY_NAME).from(SET_MEMBER)
                        .where(SET_MEMBER.SET_ID.eq(setId)).fetchMap(SET_MEMBER.PERSON_ID, SET_MEMBER.DISPLAY_NAME));
    }
}
