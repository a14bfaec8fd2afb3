package org.actionlearning.query.read.set;

import org.actionlearning.query.read.PastView;
import static org.actionlearning.query.jooq.Tables.CHALLENGE;
import static org.actionlearning.query.jooq.Tables.CONTRIBUTION;
import static org.actionlearning.query.jooq.Tables.LEARNING_SET;
import static org.actionlearning.query.jooq.Tables.MEETING;
import static org.actionlearning.query.jooq.Tables.REFLECTION;
import static org.actionlearning.query.jooq.Tables.SET_MEMBER;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.query.jooq.tables.records.ChallengeRecord;
import org.actionlearning.query.jooq.tables.records.ContributionRecord;
import org.actionlearning.query.jooq.tables.records.LearningSetRecord;
import org.actionlearning.query.jooq.tables.records.MeetingRecord;
import org.actionlearning.query.jooq.tables.records.ReflectionRecord;
import org.actionlearning.query.read.PersonalValues;
import org.actionlearning.query.read.PersonalValues.Disclosure;
import org.actionlearning.query.read.ReadSnapshot;
import org.actionlearning.query.read.UnknownResource;
import org.actionlearning.query.read.set.SetRecord.Person;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * The confidential record of a set: challenges, questions, statements and reflections with their texts. The rows
 * are read in one snapshot; the texts are opened after it.
 */
@Service
public class SetRecordQueries {

    private final DSLContext db;
    private final PersonalValues personal;
    private final ReadSnapshot snapshot;

    SetRecordQueries(DSLContext db, PersonalValues personal, ReadSnapshot snapshot) {
        this.db = db;
        this.personal = personal;
        this.snapshot = snapshot;
    }

    private record Read(LearningSetRecord set, List<MeetingRecord> meetings, List<ChallengeRecord> challenges,
                        List<ContributionRecord> contributions, List<ReflectionRecord> reflections,
                        Map<UUID, String> storedNames) {
    }

    public SetRecord record(UUID setId) {
        return record(setId, PastView.EVERYTHING);
    }

    /**
     * The record in the view: the meetings opened by its date and recorded by its instant (a meeting closed after the
     * date is still open in it; one never opened is listed only in a view without an instant), and what was recorded
     * in them by the instant. An erased person's texts and name are gone from the rows, so no view shows them.
     */
    public SetRecord record(UUID setId, PastView view) {
        Read read = inView(snapshot.read(() -> read(setId)), view);
        LearningSetRecord set = read.set();
        List<MeetingRecord> meetings = read.meetings();
        List<ChallengeRecord> challenges = read.challenges();
        List<ContributionRecord> contributions = read.contributions();
        List<ReflectionRecord> reflections = read.reflections();
        Map<UUID, String> storedNames = read.storedNames();

        List<String> stored = new ArrayList<>(storedNames.values());
        challenges.forEach(c -> {
            stored.add(c.getTitle());
            stored.add(c.getSummary());
        });
        contributions.forEach(c -> stored.add(c.getText()));
        reflections.forEach(r -> stored.add(r.getText()));
        Disclosure texts = personal.disclose(stored, storedNames.keySet());
        People people = new People(storedNames, texts);

        return new SetRecord(set.getSetId(), set.getName(), people.of(set.getFacilitatorId()),
                meetings.stream().map(m -> new SetRecord.MeetingRecord(m.getMeetingId(), m.getScheduledFor(),
                        m.getOpenedOn(), m.getClosedOn(), m.getStatus(),
                        challenges.stream().filter(c -> c.getMeetingId().equals(m.getMeetingId()))
                                .map(c -> new SetRecord.ChallengeRecord(c.getChallengeId(),
                                        people.of(c.getPresenterId()), texts.text(c.getTitle()),
                                        texts.text(c.getSummary())))
                                .toList(),
                        contributions.stream().filter(c -> c.getMeetingId().equals(m.getMeetingId()))
                                .map(c -> new SetRecord.ContributionRecord(c.getContributionId(), c.getKind(),
                                        c.getQuestionForm(), c.getStatementKind(), c.getChallengeId(),
                                        people.of(c.getPersonId()), texts.text(c.getText()), c.getSeconds(),
                                        Boolean.TRUE.equals(c.getRetracted())))
                                .toList(),
                        reflections.stream().filter(r -> r.getMeetingId().equals(m.getMeetingId()))
                                .map(r -> new SetRecord.ReflectionRecord(r.getReflectionId(),
                                        people.of(r.getPersonId()), texts.text(r.getText())))
                                .toList()))
                        .toList(),
                texts.anyUnavailable());
    }

    private static Read inView(Read read, PastView view) {
        if (view == PastView.EVERYTHING) {
            return read;
        }
        List<MeetingRecord> meetings = new ArrayList<>();
        for (MeetingRecord meeting : read.meetings()) {
            if (meeting.getOpenedOn() == null) {
                if (!view.knowledgeCut()) {
                    meetings.add(meeting);
                }
            } else if (view.happened(meeting.getOpenedOn()) && view.known(meeting.getOpenedAt())) {
                if (meeting.getClosedOn() != null && !view.happened(meeting.getClosedOn())) {
                    UUID meetingId = meeting.getMeetingId();
                    meeting = meeting.copy(); // a copy has no primary key
                    meeting.setMeetingId(meetingId);
                    meeting.setClosedOn(null);
                    meeting.setStatus("OPEN");
                }
                meetings.add(meeting);
            }
        }
        java.util.Set<UUID> held = new java.util.HashSet<>();
        meetings.stream().filter(m -> m.getOpenedOn() != null).forEach(m -> held.add(m.getMeetingId()));
        return new Read(read.set(), meetings,
                read.challenges().stream().filter(c -> held.contains(c.getMeetingId()) && view.known(c.getRecordedAt()))
                        .toList(),
                read.contributions().stream()
                        .filter(c -> held.contains(c.getMeetingId()) && view.known(c.getRecordedAt())).toList(),
                read.reflections().stream()
                        .filter(r -> held.contains(r.getMeetingId()) && view.known(r.getRecordedAt())).toList(),
                read.storedNames());
    }

    private Read read(UUID setId) {
        LearningSetRecord set = db.selectFrom(LEARNING_SET).where(LEARNING_SET.SET_ID.eq(setId)).fetchOne();
        if (set == null) {
            throw new UnknownResource("setId", "learning set", setId);
        }
        List<MeetingRecord> meetings = db.selectFrom(MEETING).where(MEETING.SET_ID.eq(setId))
                .orderBy(MEETING.SCHEDULED_FOR, MEETING.MEETING_ID).fetch();
        List<ChallengeRecord> challenges = db.selectFrom(CHALLENGE).where(CHALLENGE.SET_ID.eq(setId))
                .orderBy(CHALLENGE.SET_SEQUENCE.asc().nullsLast(), CHALLENGE.CHALLENGE_ID).fetch();
        List<ContributionRecord> contributions = db.selectFrom(CONTRIBUTION).where(CONTRIBUTION.SET_ID.eq(setId))
                .orderBy(CONTRIBUTION.SET_SEQUENCE.asc().nullsLast(), CONTRIBUTION.CONTRIBUTION_ID).fetch();
        List<ReflectionRecord> reflections = db.selectFrom(REFLECTION).where(REFLECTION.SET_ID.eq(setId))
                .orderBy(REFLECTION.SET_SEQUENCE.asc().nullsLast(), REFLECTION.REFLECTION_ID).fetch();
        Map<UUID, String> storedNames = new HashMap<>(db.select(SET_MEMBER.PERSON_ID, SET_MEMBER.DISPLAY_NAME)
                .from(SET_MEMBER).where(SET_MEMBER.SET_ID.eq(setId)).fetchMap(SET_MEMBER.PERSON_ID,
                        SET_MEMBER.DISPLAY_NAME));
        storedNames.put(set.getFacilitatorId(), set.getFacilitatorName());
        return new Read(set, meetings, challenges, contributions, reflections, storedNames);
    }

    /** The people of the set, by id, with their names opened. */
    private record People(Map<UUID, String> storedNames, Disclosure texts) {
        Person of(UUID personId) {
            String stored = storedNames.get(personId);
            return new Person(personId, texts.text(stored), texts.erased(personId, stored));
        }
    }
}
