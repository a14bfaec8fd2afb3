package org.actionlearning.query.read;

import static org.actionlearning.query.jooq.Tables.CHALLENGE;
import static org.actionlearning.query.jooq.Tables.CONTRIBUTION;
import static org.actionlearning.query.jooq.Tables.LEARNING_SET;
import static org.actionlearning.query.jooq.Tables.MEETING;
import static org.actionlearning.query.jooq.Tables.MEETING_ACTIVITY;
import static org.actionlearning.query.jooq.Tables.MEETING_ATTENDEE;
import static org.actionlearning.query.jooq.Tables.MEETING_FIGURES;
import static org.actionlearning.query.jooq.Tables.MEMBER_PARTICIPATION;
import static org.actionlearning.query.jooq.Tables.SET_MEMBER;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.analytics.participation.MeetingParticipation;
import org.actionlearning.analytics.participation.MemberContribution;
import org.actionlearning.query.readmodel.AttendeeCounts;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The opened meetings with their attendees and each attendee's counts: the meeting's attendees left-joined with
 * the per-member participation, so a silent attendee comes with zero counts.
 */
@Component
public class ParticipationReader {

    /** One attendee of one meeting. {@code displayName} is null if the person is not (or no longer) known to the set. */
    public record Attendee(UUID personId, String displayName, MemberContribution contribution, int presented) {
    }

    /** One opened meeting and its attendees, ordered by display name. */
    public record HeldMeeting(UUID meetingId, UUID setId, LocalDate openedOn, List<Attendee> attendees) {

        public MeetingParticipation participation() {
            return MeetingParticipation.of(attendees.stream().map(Attendee::contribution).toList());
        }
    }

    /**
     * The figures of one opened meeting that dashboards average over its meetings, and its activity that they add up.
     *
     * @param attendees  the people its figures are about
     * @param challenges challenges presented in it
     * @param questions  questions asked in it
     * @param statements statements made in it
     */
    public record HeldMeetingFigures(UUID meetingId, UUID setId, LocalDate openedOn, int attendees, Double gini,
                                     Double normalisedEntropy, Double questionFocus, Double openQuestionRatio,
                                     int challenges, int questions, int statements) {

        static HeldMeetingFigures of(HeldMeeting meeting) {
            MeetingParticipation figures = meeting.participation();
            return new HeldMeetingFigures(meeting.meetingId(), meeting.setId(), meeting.openedOn(),
                    meeting.attendees().size(), figures.gini(), figures.normalisedEntropy(), figures.questionFocus(),
                    figures.openQuestionRatio(),
                    meeting.attendees().stream().mapToInt(Attendee::presented).sum(),
                    meeting.attendees().stream().mapToInt(a -> a.contribution().questions()).sum(),
                    meeting.attendees().stream().mapToInt(a -> a.contribution().statements()).sum());
        }

        /** Whether a sponsor's figures count this meeting (see {@link ReportedMeetings}). */
        public boolean counted() {
            return ReportedMeetings.counts(attendees);
        }
    }

    private final DSLContext db;

    ParticipationReader(DSLContext db) {
        this.db = db;
    }

    /** The opened meetings of a set, in the order they were held. */
    public List<HeldMeeting> ofSet(UUID setId) {
        return heldMeetings(MEETING.SET_ID.eq(setId));
    }

    /** The meetings of a set opened by {@code asOf}, in the order they were held. */
    public List<HeldMeeting> ofSet(UUID setId, LocalDate asOf) {
        return heldMeetings(MEETING.SET_ID.eq(setId).and(MEETING.OPENED_ON.le(asOf)));
    }

    /**
     * The figures and activity of each meeting of a programme opened by the view's date, in no particular order: as
     * stored when the meeting closed, computed from its attendees' counts for a meeting still open (or closed before
     * figures were stored). As recorded by an earlier instant, computed from the questions, statements and
     * challenges stored by then (see {@link #figuresAsRecorded}).
     */
    public List<HeldMeetingFigures> figuresOfProgramme(UUID programmeId, PastView view) {
        if (view.knowledgeCut()) {
            return figuresAsRecorded(programmeId, view);
        }
        var m = MEETING;
        var f = MEETING_FIGURES;
        var a = MEETING_ACTIVITY;
        List<HeldMeetingFigures> figures = new ArrayList<>();
        List<UUID> notStored = new ArrayList<>();
        db.select(m.MEETING_ID, m.SET_ID, f.MEETING_ID, f.GINI, f.NORMALISED_ENTROPY, f.QUESTION_FOCUS,
                        f.OPEN_QUESTION_RATIO, m.ATTENDEES, m.OPENED_ON, a.CHALLENGES, a.QUESTIONS, a.STATEMENTS)
                .from(m)
                // the programme's figures and activity by their own index, hash-joined: not one probe per meeting
                .leftJoin(f).on(f.MEETING_ID.eq(m.MEETING_ID)).and(f.PROGRAMME_ID.eq(programmeId))
                .leftJoin(a).on(a.MEETING_ID.eq(m.MEETING_ID)).and(a.PROGRAMME_ID.eq(programmeId))
                .where(m.PROGRAMME_ID.eq(programmeId)).and(m.OPENED_ON.le(view.asOf())).and(notDiscarded())
                .forEach(row -> {
                    if (row.value3() == null) {
                        notStored.add(row.value1());
                    } else {
                        figures.add(new HeldMeetingFigures(row.value1(), row.value2(), row.value9(), row.value8(),
                                row.value4(), row.value5(), row.value6(), row.value7(),
                                AttendeeCounts.count(row.value10()), AttendeeCounts.count(row.value11()),
                                AttendeeCounts.count(row.value12())));
                    }
                });
        if (!notStored.isEmpty()) {
            heldMeetings(m.MEETING_ID.in(notStored)).forEach(meeting -> figures.add(HeldMeetingFigures.of(meeting)));
        }
        return figures;
    }

    /** A discarded meeting was held in no sense that counts: it is in no figure. */
    private static Condition notDiscarded() {
        return MEETING.STATUS.ne("DISCARDED");
    }

    /**
     * The meetings as they were known at the view's instant (see {@link #asRecorded}), as their figures.
     */
    private List<HeldMeetingFigures> figuresAsRecorded(UUID programmeId, PastView view) {
        var sets = DSL.select(LEARNING_SET.SET_ID).from(LEARNING_SET).where(LEARNING_SET.PROGRAMME_ID.eq(programmeId));
        return asRecorded(MEETING.PROGRAMME_ID.eq(programmeId), sets, view).stream().map(HeldMeetingFigures::of)
                .toList();
    }

    /**
     * The meetings of a set in the view, in the order they were held: as stored (opened by its date) when the view
     * knows everything stored, else as recorded by its instant (see {@link #asRecorded}).
     */
    public List<HeldMeeting> ofSet(UUID setId, PastView view) {
        return view.knowledgeCut() ? asRecorded(MEETING.SET_ID.eq(setId), DSL.select(DSL.val(setId)), view)
                : ofSet(setId, view.asOf());
    }

    /**
     * The meetings as they were known at the view's instant, in the order they were held: opened (and that recorded)
     * by then, each attendee's counts from the questions, statements and challenges stored by then. Reads every
     * contribution of the sets (by the index on set), so it is the slower path, taken only for a past instant.
     */
    private List<HeldMeeting> asRecorded(Condition meetingsWhere,
                                         org.jooq.Select<? extends org.jooq.Record1<UUID>> sets, PastView view) {
        var m = MEETING;
        var at = MEETING_ATTENDEE;
        var s = SET_MEMBER;
        Map<UUID, HeldMeeting> meetings = new LinkedHashMap<>();
        Map<List<UUID>, int[]> counts = new LinkedHashMap<>();
        Map<UUID, String> names = new HashMap<>();
        for (Record row : db.select(m.MEETING_ID, m.SET_ID, m.OPENED_ON, at.PERSON_ID, s.DISPLAY_NAME)
                .from(m).join(at).on(at.MEETING_ID.eq(m.MEETING_ID))
                .leftJoin(s).on(s.SET_ID.eq(m.SET_ID).and(s.PERSON_ID.eq(at.PERSON_ID)))
                .where(meetingsWhere).and(m.OPENED_ON.le(view.asOf()))
                .and(view.known(m.OPENED_AT)).and(notDiscarded())
                .orderBy(m.OPENED_ON, m.SCHEDULED_FOR, m.MEETING_ID, s.DISPLAY_NAME.asc().nullsLast(), at.PERSON_ID)
                .fetch()) {
            meetings.computeIfAbsent(row.get(m.MEETING_ID), id -> new HeldMeeting(id, row.get(m.SET_ID),
                    row.get(m.OPENED_ON), new ArrayList<>()));
            counts.put(List.of(row.get(m.MEETING_ID), row.get(at.PERSON_ID)), new int[5]);
            names.put(row.get(at.PERSON_ID), row.get(s.DISPLAY_NAME));
        }
        if (meetings.isEmpty()) {
            return List.of();
        }
        var c = CONTRIBUTION;
        Condition question = c.KIND.eq("QUESTION");
        // counted by PostgreSQL, one row per person and meeting: not one row per contribution into the JVM
        for (Record row : db.select(c.MEETING_ID, c.PERSON_ID, DSL.count().filterWhere(question),
                        DSL.count().filterWhere(question.and(c.QUESTION_FORM.eq("OPEN"))),
                        DSL.count().filterWhere(question.not()),
                        DSL.count().filterWhere(question.not().and(c.STATEMENT_KIND.eq("ADVICE"))))
                .from(c).where(c.SET_ID.in(sets)).and(view.known(c.RECORDED_AT))
                // a retracted tap was a mistake: out of past views as it is out of today's counts
                .and(c.RETRACTED.eq(false))
                .groupBy(c.MEETING_ID, c.PERSON_ID).fetch()) {
            int[] of = counts.get(List.of(row.get(c.MEETING_ID), row.get(c.PERSON_ID)));
            if (of != null) {
                for (int i = 0; i < 4; i++) {
                    of[i] = row.get(2 + i, Integer.class);
                }
            }
        }
        var ch = CHALLENGE;
        for (Record row : db.select(ch.MEETING_ID, ch.PRESENTER_ID).from(ch).where(ch.SET_ID.in(sets))
                .and(view.known(ch.RECORDED_AT)).fetch()) {
            int[] of = counts.get(List.of(row.get(ch.MEETING_ID), row.get(ch.PRESENTER_ID)));
            if (of != null) {
                of[4]++;
            }
        }
        counts.forEach((key, of) -> meetings.get(key.get(0)).attendees().add(new Attendee(key.get(1),
                names.get(key.get(1)), new MemberContribution(key.get(1), of[0], of[1], of[2], of[3]), of[4])));
        return meetings.values().stream()
                .map(meeting -> new HeldMeeting(meeting.meetingId(), meeting.setId(), meeting.openedOn(),
                        List.copyOf(meeting.attendees())))
                .toList();
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
                .where(which.and(m.OPENED_ON.isNotNull()).and(notDiscarded()))
                .orderBy(m.OPENED_ON, m.SCHEDULED_FOR, m.MEETING_ID, s.DISPLAY_NAME.asc().nullsLast(), a.PERSON_ID)
                .fetch()) {
            HeldMeeting meeting = meetings.computeIfAbsent(row.get(m.MEETING_ID),
                    id -> new HeldMeeting(id, row.get(m.SET_ID), row.get(m.OPENED_ON), new ArrayList<>()));
            UUID personId = row.get(a.PERSON_ID);
            if (personId != null) {
                MemberContribution contribution = AttendeeCounts.of(personId, row.get(p.QUESTIONS),
                        row.get(p.OPEN_QUESTIONS), row.get(p.STATEMENTS), row.get(p.ADVICE));
                meeting.attendees().add(new Attendee(personId, row.get(s.DISPLAY_NAME), contribution,
                        AttendeeCounts.count(row.get(p.PRESENTED))));
            }
        }
        return meetings.values().stream()
                .map(meeting -> new HeldMeeting(meeting.meetingId(), meeting.setId(), meeting.openedOn(),
                        List.copyOf(meeting.attendees())))
                .toList();
    }
}
