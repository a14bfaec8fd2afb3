package org.actionlearning.query.read.member;

import static org.actionlearning.query.jooq.Tables.ACTION_ITEM;
import static org.actionlearning.query.jooq.Tables.ATTRIBUTION_ESTIMATE;
import static org.actionlearning.query.jooq.Tables.LEARNING_SET;
import static org.actionlearning.query.jooq.Tables.MEETING;
import static org.actionlearning.query.jooq.Tables.MEETING_ATTENDEE;
import static org.actionlearning.query.jooq.Tables.MEMBER_PARTICIPATION;
import static org.actionlearning.query.jooq.Tables.OUTCOME_METRIC;
import static org.actionlearning.query.jooq.Tables.PROGRAMME;
import static org.actionlearning.query.jooq.Tables.SET_MEMBER;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.actionlearning.query.read.PersonalValues;
import org.actionlearning.query.read.PersonalValues.Disclosure;
import org.actionlearning.query.read.ReadSnapshot;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record5;
import org.jooq.Result;
import org.springframework.stereotype.Service;

/**
 * What a set member sees of themselves: their own actions with their reminders, and how they took part in the
 * meetings they attended; and the reminders of a set's due actions for its facilitator. Read in one snapshot,
 * texts opened after it.
 */
@Service
public class MemberQueries {

    /** An open action due within this many days (or overdue) is reminded of, on the pages and by email. */
    public static final int REMINDER_DAYS = 7;

    private final DSLContext db;
    private final PersonalValues personal;
    private final ReadSnapshot snapshot;

    MemberQueries(DSLContext db, PersonalValues personal, ReadSnapshot snapshot) {
        this.db = db;
        this.personal = personal;
        this.snapshot = snapshot;
    }

    /** The person's actions: open ones first by due date, then the closed ones, most recently due first. */
    public List<MyAction> actionsOf(UUID personId, LocalDate today) {
        var a = ACTION_ITEM;
        var s = LEARNING_SET;
        Result<Record> rows = snapshot.read(() -> db.select(a.fields()).select(s.NAME).from(a)
                .join(s).on(s.SET_ID.eq(a.SET_ID))
                .where(a.OWNER_ID.eq(personId))
                .fetch());
        Disclosure texts = personal.disclose(
                rows.stream().flatMap(r -> Stream.of(r.get(a.DESCRIPTION), r.get(a.EVIDENCE))).filter(Objects::nonNull)
                        .toList(),
                List.of(personId));
        return rows.stream().map(r -> new MyAction(r.get(a.ACTION_ID), r.get(a.SET_ID), r.get(s.NAME),
                        texts.text(r.get(a.DESCRIPTION)), r.get(a.COMMITTED_ON), r.get(a.DUE_ON), r.get(a.STATUS),
                        r.get(a.PERCENT_COMPLETE), r.get(a.COMPLETED_ON), r.get(a.ABANDONED_ON),
                        r.get(a.EVIDENCE) == null ? null : texts.text(r.get(a.EVIDENCE)),
                        MyAction.reminderOf(r.get(a.STATUS), r.get(a.DUE_ON), today, REMINDER_DAYS)))
                .sorted(Comparator.comparing((MyAction m) -> !m.open())
                        .thenComparing(m -> m.open() ? m.dueOn() : LocalDate.MAX.minusDays(m.dueOn().toEpochDay()))
                        .thenComparing(MyAction::actionId))
                .toList();
    }

    /**
     * The outcome metrics of the programmes the person is a member of a set in, each with the person's own estimate
     * if they gave one; by programme, then metric name.
     */
    public List<OwnEstimate> estimatesOf(UUID personId) {
        var m = OUTCOME_METRIC;
        var p = PROGRAMME;
        var e = ATTRIBUTION_ESTIMATE;
        return snapshot.read(() -> db.select(m.METRIC_ID, p.PROGRAMME_ID, p.NAME, m.NAME, m.UNIT,
                        e.ATTRIBUTION_PERCENT, e.CONFIDENCE_PERCENT)
                .from(m).join(p).on(p.PROGRAMME_ID.eq(m.PROGRAMME_ID))
                .leftJoin(e).on(e.METRIC_ID.eq(m.METRIC_ID)).and(e.ESTIMATED_BY.eq(personId))
                .where(m.PROGRAMME_ID.in(db.select(SET_MEMBER.PROGRAMME_ID).from(SET_MEMBER)
                        .where(SET_MEMBER.PERSON_ID.eq(personId)).and(SET_MEMBER.ACTIVE.isTrue())))
                .orderBy(p.NAME, p.PROGRAMME_ID, m.NAME, m.METRIC_ID)
                .fetch(r -> new OwnEstimate(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7())));
    }

    /** A set's open actions that are overdue or due within {@link #REMINDER_DAYS} days, by due date. */
    public List<DueAction> dueInSet(UUID setId, LocalDate today) {
        var a = ACTION_ITEM;
        var m = SET_MEMBER;
        Result<Record5<UUID, UUID, String, LocalDate, String>> rows = snapshot.read(() -> db.select(a.ACTION_ID,
                        a.OWNER_ID, a.DESCRIPTION, a.DUE_ON, m.DISPLAY_NAME)
                .from(a)
                .leftJoin(m).on(m.SET_ID.eq(a.SET_ID)).and(m.PERSON_ID.eq(a.OWNER_ID))
                .where(a.SET_ID.eq(setId)).and(a.STATUS.eq("OPEN"))
                .and(a.DUE_ON.le(today.plusDays(REMINDER_DAYS)))
                .orderBy(a.DUE_ON, a.ACTION_ID)
                .fetch());
        Disclosure texts = personal.disclose(
                rows.stream().flatMap(r -> Stream.of(r.get(a.DESCRIPTION), r.get(m.DISPLAY_NAME)))
                        .filter(Objects::nonNull).toList(),
                rows.stream().map(r -> r.get(a.OWNER_ID)).toList());
        return rows.stream().map(r -> {
            boolean erased = texts.erased(r.get(a.OWNER_ID), r.get(a.DESCRIPTION));
            return new DueAction(r.get(a.ACTION_ID), r.get(a.OWNER_ID),
                    erased || r.get(m.DISPLAY_NAME) == null ? null : texts.text(r.get(m.DISPLAY_NAME)), erased ? null : texts.text(r.get(a.DESCRIPTION)),
                    r.get(a.DUE_ON), MyAction.reminderOf("OPEN", r.get(a.DUE_ON), today, REMINDER_DAYS));
        }).toList();
    }

    /** The meetings the person attended (opened ones), with their own counts against everyone's. */
    public MyParticipation participationOf(UUID personId) {
        record Counts(UUID meetingId, UUID personId, int questions, int openQuestions, int statements,
                      int presented) {
            int contributions() {
                return questions + statements;
            }
        }
        record Held(UUID meetingId, UUID setId, String setName, LocalDate openedOn) {
        }
        record Read(List<Held> meetings, Map<UUID, Integer> attendees, List<Counts> counts) {
        }
        Read read = snapshot.read(() -> {
            List<Held> meetings = db.select(MEETING.MEETING_ID, MEETING.SET_ID, LEARNING_SET.NAME, MEETING.OPENED_ON)
                    .from(MEETING_ATTENDEE)
                    .join(MEETING).on(MEETING.MEETING_ID.eq(MEETING_ATTENDEE.MEETING_ID))
                    .join(LEARNING_SET).on(LEARNING_SET.SET_ID.eq(MEETING.SET_ID))
                    .where(MEETING_ATTENDEE.PERSON_ID.eq(personId)).and(MEETING.OPENED_ON.isNotNull())
                    // a meeting opened by mistake and discarded counts in no figure, theirs included
                    .and(MEETING.STATUS.ne("DISCARDED"))
                    .orderBy(MEETING.OPENED_ON, MEETING.MEETING_ID)
                    .fetch(r -> new Held(r.value1(), r.value2(), r.value3(), r.value4()));
            List<UUID> ids = meetings.stream().map(Held::meetingId).toList();
            Map<UUID, Integer> attendees = new HashMap<>();
            db.select(MEETING_ATTENDEE.MEETING_ID, org.jooq.impl.DSL.count()).from(MEETING_ATTENDEE)
                    .where(MEETING_ATTENDEE.MEETING_ID.in(ids)).groupBy(MEETING_ATTENDEE.MEETING_ID)
                    .forEach(r -> attendees.put(r.value1(), r.value2()));
            var p = MEMBER_PARTICIPATION;
            List<Counts> counts = db.select(p.MEETING_ID, p.PERSON_ID, p.QUESTIONS, p.OPEN_QUESTIONS, p.STATEMENTS,
                            p.PRESENTED)
                    .from(p).where(p.MEETING_ID.in(ids))
                    .fetch(r -> new Counts(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
            return new Read(meetings, attendees, counts);
        });
        List<MyParticipation.Meeting> byMeeting = new ArrayList<>();
        for (Held held : read.meetings()) {
            List<Counts> ofMeeting = read.counts().stream().filter(c -> c.meetingId().equals(held.meetingId()))
                    .toList();
            Counts own = ofMeeting.stream().filter(c -> c.personId().equals(personId)).findFirst()
                    .orElse(new Counts(held.meetingId(), personId, 0, 0, 0, 0));
            int everyone = ofMeeting.stream().mapToInt(Counts::contributions).sum();
            int attendees = read.attendees().getOrDefault(held.meetingId(), 1);
            byMeeting.add(new MyParticipation.Meeting(held.meetingId(), held.setId(), held.setName(),
                    held.openedOn(), attendees, own.contributions(), everyone, ratio(own.contributions(), everyone),
                    1.0 / attendees, own.questions(), own.openQuestions(), ratio(own.openQuestions(), own.questions()),
                    own.presented()));
        }
        int contributions = byMeeting.stream().mapToInt(MyParticipation.Meeting::contributions).sum();
        int everyone = byMeeting.stream().mapToInt(MyParticipation.Meeting::meetingContributions).sum();
        int questions = byMeeting.stream().mapToInt(MyParticipation.Meeting::questions).sum();
        int open = byMeeting.stream().mapToInt(MyParticipation.Meeting::openQuestions).sum();
        Double evenShare = byMeeting.isEmpty() ? null
                : byMeeting.stream().mapToDouble(MyParticipation.Meeting::evenShare).average().orElseThrow();
        return new MyParticipation(personId, byMeeting.size(), contributions, ratio(contributions, everyone),
                evenShare, questions, open, ratio(open, questions),
                byMeeting.stream().mapToInt(MyParticipation.Meeting::presented).sum(), List.copyOf(byMeeting));
    }

    private static Double ratio(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
