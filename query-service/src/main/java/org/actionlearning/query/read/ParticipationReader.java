package org.actionlearning.query.read;

import static org.actionlearning.query.jooq.Tables.MEETING;
import static org.actionlearning.query.jooq.Tables.MEETING_ATTENDEE;
import static org.actionlearning.query.jooq.Tables.MEMBER_PARTICIPATION;
import static org.actionlearning.query.jooq.Tables.SET_MEMBER;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.analytics.participation.MeetingParticipation;
import org.actionlearning.analytics.participation.MemberContribution;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

/**
 * The opened meetings with their attendees and each attendee's counts: the meeting's attendees left-joined with
 * the per-member participation, so a silent attendee comes with zero counts.
 */
@Component
class ParticipationReader {

    /** One attendee of one meeting. {@code displayName} is null if the person is not (or no longer) known to the set. */
    record Attendee(UUID personId, String displayName, MemberContribution contribution, int presented) {
    }

    /** One opened meeting and its attendees, ordered by display name. */
    record HeldMeeting(UUID meetingId, UUID setId, LocalDate openedOn, List<Attendee> attendees) {

        MeetingParticipation participation() {
            return MeetingParticipation.of(attendees.stream().map(Attendee::contribution).toList());
        }
    }

    private final DSLContext db;

    ParticipationReader(DSLContext db) {
        this.db = db;
    }

    /** The opened meetings of a set, in the order they were held. */
    List<HeldMeeting> ofSet(UUID setId) {
        return heldMeetings(MEETING.SET_ID.eq(setId));
    }

    /** The opened meetings of a programme, in the order they were held. */
    List<HeldMeeting> ofProgramme(UUID programmeId) {
        return heldMeetings(MEETING.PROGRAMME_ID.eq(programmeId));
    }

    private List<HeldMeeting> heldMeetings(Condition which) {
        var m = MEETING;
        var a = MEETING_ATTENDEE;
        var p = MEMBER_PARTICIPATION;
        var s = SET_MEMBER;
        Map<UUID, HeldMeeting> meetings = new LinkedHashMap<>();
        for (Record row : db.select(m.MEETING_ID, m.SET_ID, m.OPENED_ON, a.PERSON_ID, s.DISPLAY_NAME,
                        p.QUESTIONS, p.OPEN_QUESTIONS, p.STATEMENTS, p.ADVICE, p.PRESENTED)
                .from(m)
                .leftJoin(a).on(a.MEETING_ID.eq(m.MEETING_ID))
                .leftJoin(p).on(p.MEETING_ID.eq(a.MEETING_ID).and(p.PERSON_ID.eq(a.PERSON_ID)))
                .leftJoin(s).on(s.SET_ID.eq(m.SET_ID).and(s.PERSON_ID.eq(a.PERSON_ID)))
                .where(which.and(m.OPENED_ON.isNotNull()))
                .orderBy(m.OPENED_ON, m.SCHEDULED_FOR, m.MEETING_ID, s.DISPLAY_NAME.asc().nullsLast(), a.PERSON_ID)
                .fetch()) {
            HeldMeeting meeting = meetings.computeIfAbsent(row.get(m.MEETING_ID),
                    id -> new HeldMeeting(id, row.get(m.SET_ID), row.get(m.OPENED_ON), new ArrayList<>()));
            UUID personId = row.get(a.PERSON_ID);
            if (personId != null) {
                MemberContribution contribution = new MemberContribution(personId,
                        count(row.get(p.QUESTIONS)), count(row.get(p.OPEN_QUESTIONS)),
                        count(row.get(p.STATEMENTS)), count(row.get(p.ADVICE)));
                meeting.attendees().add(
                        new Attendee(personId, row.get(s.DISPLAY_NAME), contribution, count(row.get(p.PRESENTED))));
            }
        }
        return meetings.values().stream()
                .map(meeting -> new HeldMeeting(meeting.meetingId(), meeting.setId(), meeting.openedOn(),
                        List.copyOf(meeting.attendees())))
                .toList();
    }

    private static int count(Integer value) {
        return value == null ? 0 : value;
    }
}
