package org.actionlearning.query.read;

import static org.actionlearning.query.jooq.Tables.ACTION_ITEM;
import static org.actionlearning.query.jooq.Tables.CHALLENGE;
import static org.actionlearning.query.jooq.Tables.CONTRIBUTION;
import static org.actionlearning.query.jooq.Tables.MEETING;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.actionlearning.query.read.FigureExplanation.Source;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Explain a figure: the records behind one of the dashboard's counts or follow-through figures, in the same view
 * (as of a date, as recorded by an instant) and under the same fewer-than-three rule ({@link ReportedMeetings}) as
 * the dashboard, so that the list's length is the figure.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class FigureExplanations {

    /** The figures that can be explained, as the dashboard names them. */
    public static final Set<String> FIGURES = Set.of("meetingsHeld", "challengesPresented", "questionsAsked",
            "statementsMade", "committed", "completed", "abandoned", "open", "overdue");

    private final DSLContext db;
    private final ProgrammeReader programmes;

    FigureExplanations(DSLContext db, ProgrammeReader programmes) {
        this.db = db;
        this.programmes = programmes;
    }

    /** The records of {@code figure}, one of {@link #FIGURES}. */
    public FigureExplanation explain(UUID programmeId, String figure, PastView view) {
        if (!FIGURES.contains(figure)) {
            throw new IllegalArgumentException("unknown figure " + figure);
        }
        programmes.require(programmeId);
        List<Source> records = switch (figure) {
            case "meetingsHeld" -> db.select(MEETING.OPENED_ON, MEETING.OPENED_AT).from(MEETING)
                    .where(heldIn(programmeId, view))
                    .fetch(row -> source("MeetingOpened", row.value1(), row.value2(), null));
            case "challengesPresented" -> db.select(MEETING.OPENED_ON, CHALLENGE.RECORDED_AT).from(CHALLENGE)
                    .join(MEETING).on(MEETING.MEETING_ID.eq(CHALLENGE.MEETING_ID))
                    .where(heldIn(programmeId, view)).and(view.known(CHALLENGE.RECORDED_AT))
                    .fetch(row -> source("ChallengePresented", row.value1(), row.value2(), null));
            case "questionsAsked", "statementsMade" -> contributions(programmeId, view,
                    figure.equals("questionsAsked"));
            default -> actions(programmeId, figure, view);
        };
        List<Source> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparing(Source::businessDate)
                .thenComparing(Source::recordedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        return new FigureExplanation(programmeId, figure, view.asOf(), view.recordedBy(), sorted.size(),
                List.copyOf(sorted));
    }

    /** The meetings the dashboard counts: held by the date, known by the instant, with enough attendees. */
    private static Condition heldIn(UUID programmeId, PastView view) {
        return MEETING.PROGRAMME_ID.eq(programmeId).and(ReportedMeetings.counted())
                .and(MEETING.OPENED_ON.le(view.asOf())).and(view.known(MEETING.OPENED_AT));
    }

    private List<Source> contributions(UUID programmeId, PastView view, boolean questions) {
        var c = CONTRIBUTION;
        return db.select(MEETING.OPENED_ON, c.RECORDED_AT).from(c)
                .join(MEETING).on(MEETING.MEETING_ID.eq(c.MEETING_ID))
                .where(heldIn(programmeId, view)).and(view.known(c.RECORDED_AT))
                // a retracted tap was a mistake: counted in no figure, today or in a past view (ParticipationReader)
                .and(c.RETRACTED.eq(false))
                .and(questions ? c.KIND.eq("QUESTION") : c.KIND.ne("QUESTION"))
                .fetch(row -> source(questions ? "QuestionAsked" : "StatementMade", row.value1(), row.value2(),
                        null));
    }

    /** Each action's status in the view, as the follow-through figures take it (ActionReader). */
    private List<Source> actions(UUID programmeId, String figure, PastView view) {
        var a = ACTION_ITEM;
        List<Source> sources = new ArrayList<>();
        for (Record row : db.select(a.STATUS, a.COMMITTED_ON, a.COMMITTED_AT, a.DUE_ON, a.COMPLETED_ON,
                        a.COMPLETED_AT, a.ABANDONED_ON, a.ABANDONED_AT)
                .from(a).join(MEETING).on(MEETING.MEETING_ID.eq(a.MEETING_ID))
                .where(a.PROGRAMME_ID.eq(programmeId)).and(MEETING.PROGRAMME_ID.eq(programmeId))
                .and(ReportedMeetings.counted())
                .and(a.COMMITTED_ON.le(view.asOf())).and(view.known(a.COMMITTED_AT)).fetch()) {
            boolean completed = "COMPLETED".equals(row.get(a.STATUS)) && view.happened(row.get(a.COMPLETED_ON))
                    && view.known(row.get(a.COMPLETED_AT));
            boolean abandoned = "ABANDONED".equals(row.get(a.STATUS)) && view.happened(row.get(a.ABANDONED_ON))
                    && view.known(row.get(a.ABANDONED_AT));
            boolean open = !completed && !abandoned;
            LocalDate dueOn = row.get(a.DUE_ON);
            Source committed = source("ActionCommitted", row.get(a.COMMITTED_ON), row.get(a.COMMITTED_AT), null);
            switch (figure) {
                case "committed" -> sources.add(committed);
                case "completed" -> {
                    if (completed) {
                        sources.add(source("ActionCompleted", row.get(a.COMPLETED_ON), row.get(a.COMPLETED_AT),
                                null));
                    }
                }
                case "abandoned" -> {
                    if (abandoned) {
                        sources.add(source("ActionAbandoned", row.get(a.ABANDONED_ON), row.get(a.ABANDONED_AT),
                                null));
                    }
                }
                case "open" -> {
                    if (open) {
                        sources.add(committed);
                    }
                }
                case "overdue" -> {
                    // an action due on the as-of date is not yet overdue (ActionRecord.isOverdueOn)
                    if (open && dueOn != null && dueOn.isBefore(view.asOf())) {
                        sources.add(source("ActionCommitted", row.get(a.COMMITTED_ON), row.get(a.COMMITTED_AT),
                                dueOn));
                    }
                }
                default -> throw new IllegalArgumentException("unknown figure " + figure);
            }
        }
        return sources;
    }

    private static Source source(String type, LocalDate on, OffsetDateTime at, LocalDate dueOn) {
        Instant recordedAt = at == null ? null : at.toInstant();
        return new Source(type, on, recordedAt, dueOn);
    }
}
