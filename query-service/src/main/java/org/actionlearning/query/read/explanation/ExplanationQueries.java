package org.actionlearning.query.read.explanation;

import org.actionlearning.query.read.UnknownResource;
import org.actionlearning.query.read.outcome.MetricReader;
import static org.actionlearning.query.jooq.Tables.CHALLENGE;
import static org.actionlearning.query.jooq.Tables.CONTRIBUTION;
import static org.actionlearning.query.jooq.Tables.ATTRIBUTION_ESTIMATE;
import static org.actionlearning.query.jooq.Tables.LEARNING_SET;
import static org.actionlearning.query.jooq.Tables.MEETING;
import static org.actionlearning.query.jooq.Tables.OUTCOME_METRIC;
import static org.actionlearning.query.jooq.Tables.OUTCOME_POINT_VERSION;
import static org.actionlearning.query.jooq.Tables.PROGRAMME_COST;
import static org.actionlearning.query.jooq.Tables.SET_MEMBER;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.actionlearning.analytics.followthrough.ActionRecord;
import java.util.UUID;
import org.actionlearning.query.read.MinimumGroup;
import org.actionlearning.query.read.PastView;
import org.actionlearning.query.read.Recorders;
import org.actionlearning.query.read.PersonalValues;
import org.actionlearning.query.read.action.ActionReader;
import org.actionlearning.query.read.action.ActionReader.SetAction;
import org.actionlearning.query.read.ProgrammeReader;
import org.actionlearning.query.read.ReportedMeetings;
import org.actionlearning.query.read.explanation.FigureExplanation.Source;
import org.jooq.Condition;
import org.jooq.DSLContext;
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
public class ExplanationQueries {

    /**
     * The programme's figures that can be explained, as the dashboard names them, and the ROI report's sums: costs
     * (each cost recorded) and benefits (the points and attribution estimates of the priced metrics).
     */
    public static final Set<String> FIGURES = Set.of("meetingsHeld", "challengesPresented", "questionsAsked",
            "statementsMade", "committed", "completed", "abandoned", "open", "overdue", "costs", "benefits");

    /** A set's fairness figures that can be explained, for the set's own people. */
    public static final Set<String> SET_FIGURES = Set.of("meetingsHeld", "presenterRotation", "questionsAsked",
            "statementsMade");

    private final DSLContext db;
    private final ProgrammeReader programmes;
    private final ActionReader actions;
    private final PersonalValues personal;
    private final Recorders recorders;

    ExplanationQueries(DSLContext db, ProgrammeReader programmes, ActionReader actions, PersonalValues personal,
                       Recorders recorders) {
        this.db = db;
        this.recorders = recorders;
        this.personal = personal;
        this.actions = actions;
        this.programmes = programmes;
    }

    /**
     * The records of {@code figure}, one of {@link #FIGURES}, each with who recorded it.
     *
     * @param administrator whether the reader administers the programme's organisation: they see each attribution
     *                      estimate as recorded and each recorder's username; a sponsor sees estimates as
     *                      {@link #estimates} shows them and recorders by role only
     */
    public FigureExplanation explain(UUID programmeId, String figure, PastView view, boolean administrator) {
        if (!FIGURES.contains(figure)) {
            throw new IllegalArgumentException("unknown figure " + figure);
        }
        programmes.require(programmeId);
        List<MinimumGroup.Withheld> withheld = new ArrayList<>();
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
            case "costs" -> costs(programmeId, view);
            case "benefits" -> benefits(programmeId, view, administrator, withheld);
            default -> actions(programmeId, figure, view);
        };
        List<Source> sorted = withRecorders(programmeId, records, administrator);
        sorted.sort(OLDEST_FIRST);
        return new FigureExplanation(programmeId, null, figure, view.asOf(), view.recordedBy(), sorted.size(),
                List.copyOf(sorted), withheld.isEmpty() ? null : List.copyOf(withheld));
    }

    /** Each cost the ROI counts in the view (CostReader's rule): its date, amount and category. */
    private List<Source> costs(UUID programmeId, PastView view) {
        var c = PROGRAMME_COST;
        return db.select(c.CATEGORY, c.AMOUNT, c.INCURRED_ON, c.RECORDED_AT).from(c)
                .where(c.PROGRAMME_ID.eq(programmeId)).and(c.INCURRED_ON.le(view.asOf()))
                .and(view.known(c.RECORDED_AT))
                .fetch(row -> new Source("ProgrammeCostRecorded", row.value3(), instant(row.value4()), null,
                        row.value2().doubleValue(), row.value1(), null, null, null));
    }

    /** A sponsor's record of a metric's counted attribution estimates: their mean (see {@link #estimates}). */
    public static final String ESTIMATES_MEAN = "AttributionEstimatesMean";

    /** Business date (an estimate of before dates were kept has none: first), then recorded instant. */
    private static final Comparator<Source> OLDEST_FIRST = Comparator.comparing(Source::businessDate,
                    Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()))
            .thenComparing(Source::recordedAt, Comparator.nullsFirst(Comparator.naturalOrder()));

    /**
     * What the benefits were computed from (MetricReader's rule): per priced metric, each baseline and follow-up
     * point in the view with its value as recorded by the view's instant, and the attribution estimates
     * (attribution × confidence) in the view, as {@link #estimates} shows them to the reader.
     */
    private List<Source> benefits(UUID programmeId, PastView view, boolean eachEstimate,
                                  List<MinimumGroup.Withheld> withheld) {
        List<UUID> priced = db.select(OUTCOME_METRIC.METRIC_ID).from(OUTCOME_METRIC)
                .where(OUTCOME_METRIC.PROGRAMME_ID.eq(programmeId)).and(OUTCOME_METRIC.VALUE_PER_UNIT.isNotNull())
                .fetch(OUTCOME_METRIC.METRIC_ID);
        List<Source> sources = new ArrayList<>();
        var v = OUTCOME_POINT_VERSION;
        db.select(v.METRIC_ID, v.SERIES, v.MEASURED_ON, v.VALUE, v.RECORDED_AT)
                .distinctOn(v.METRIC_ID, v.SERIES, v.MEASURED_ON)
                .from(v).where(v.METRIC_ID.in(priced)).and(v.MEASURED_ON.le(view.asOf()))
                .and(view.known(v.RECORDED_AT))
                .orderBy(v.METRIC_ID, v.SERIES, v.MEASURED_ON, v.RECORDED_AT.desc())
                .forEach(row -> sources.add(new Source(MetricReader.BASELINE.equals(row.value2())
                        ? "BaselineRecorded" : "MeasurementRecorded", row.value3(), instant(row.value5()), null,
                        row.value4().doubleValue(), row.value1().toString(), null, null, null)));
        var e = ATTRIBUTION_ESTIMATE;
        // only the estimates the isolation factor counts: in its order, in whole groups of three (Isolation)
        List<Source> estimates = new ArrayList<>();
        db.select(e.METRIC_ID, e.ATTRIBUTION_PERCENT, e.CONFIDENCE_PERCENT, e.ESTIMATED_ON, e.RECORDED_AT).from(e)
                .where(e.METRIC_ID.in(priced))
                .and(e.ESTIMATED_ON.isNull().or(e.ESTIMATED_ON.le(view.asOf()))).and(view.known(e.RECORDED_AT))
                .orderBy(MetricReader.ESTIMATE_ORDER).fetchGroups(e.METRIC_ID).values()
                .forEach(ofMetric -> org.actionlearning.analytics.roi.Isolation.counted(ofMetric).forEach(row ->
                        estimates.add(new Source("AttributionEstimated", row.value4(), instant(row.value5()), null,
                                row.value2() * row.value3() / 10_000.0, row.value1().toString(), null, null, null))));
        sources.addAll(eachEstimate ? estimates : estimates(estimates, withheld));
        return sources;
    }

    /**
     * The attribution estimates as a sponsor sees them: each is one participant's own answer, so a sponsor sees, per
     * metric, only what the isolation factor is: the mean of the counted estimates (whole groups of three, see
     * {@code Isolation}), dated by the latest of them, as one record ({@link #ESTIMATES_MEAN}). No single value and no
     * recording instant, which with dates would tell whose answer was which. Fewer than three counted: nothing.
     */
    private static List<Source> estimates(List<Source> estimates, List<MinimumGroup.Withheld> withheld) {
        Map<String, List<Source>> byMetric = new java.util.TreeMap<>();
        estimates.forEach(estimate -> byMetric.computeIfAbsent(estimate.about(), m -> new ArrayList<>())
                .add(estimate));
        List<Source> shown = new ArrayList<>();
        byMetric.forEach((metric, ofMetric) -> {
            if (MinimumGroup.tooSmall(ofMetric.size())) {
                withheld.add(MinimumGroup.withheld("attribution estimates of metric " + metric));
                return;
            }
            LocalDate latest = ofMetric.stream().map(Source::businessDate).filter(java.util.Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null);
            double mean = ofMetric.stream().mapToDouble(Source::value).average().orElseThrow();
            shown.add(new Source(ESTIMATES_MEAN, latest, null, null, mean, metric, null, null, null));
        });
        return shown;
    }

    /**
     * The records behind one of a set's fairness figures (one of {@link #SET_FIGURES}), for the set's own people:
     * the meetings held in the view (all of them, as the audit shows them), the challenges presented in them (the
     * presenter rotation's records, each with its presenter), and the questions or statements recorded in them,
     * each with who asked or made it. Names are opened from the rows, so an erased person's name is gone.
     */
    public FigureExplanation explainSet(UUID setId, String figure, PastView view) {
        if (!SET_FIGURES.contains(figure)) {
            throw new IllegalArgumentException("unknown figure " + figure);
        }
        var s = LEARNING_SET;
        var set = db.select(s.PROGRAMME_ID).from(s).where(s.SET_ID.eq(setId)).fetchOptional()
                .orElseThrow(() -> new UnknownResource("setId", "learning set", setId));
        Condition held = MEETING.SET_ID.eq(setId).and(MEETING.STATUS.ne("DISCARDED"))
                .and(MEETING.OPENED_ON.le(view.asOf())).and(view.known(MEETING.OPENED_AT));
        record Said(String type, LocalDate on, OffsetDateTime at, UUID personId) {
        }
        List<Said> said = switch (figure) {
            case "meetingsHeld" -> db.select(MEETING.OPENED_ON, MEETING.OPENED_AT).from(MEETING).where(held)
                    .fetch(row -> new Said("MeetingOpened", row.value1(), row.value2(), null));
            case "presenterRotation" -> db.select(MEETING.OPENED_ON, CHALLENGE.RECORDED_AT, CHALLENGE.PRESENTER_ID)
                    .from(CHALLENGE).join(MEETING).on(MEETING.MEETING_ID.eq(CHALLENGE.MEETING_ID))
                    .where(held).and(view.known(CHALLENGE.RECORDED_AT))
                    .fetch(row -> new Said("ChallengePresented", row.value1(), row.value2(), row.value3()));
            default -> {
                boolean questions = figure.equals("questionsAsked");
                var c = CONTRIBUTION;
                yield db.select(MEETING.OPENED_ON, c.RECORDED_AT, c.PERSON_ID).from(c)
                        .join(MEETING).on(MEETING.MEETING_ID.eq(c.MEETING_ID))
                        .where(held).and(view.known(c.RECORDED_AT)).and(c.RETRACTED.eq(false))
                        .and(questions ? c.KIND.eq("QUESTION") : c.KIND.ne("QUESTION"))
                        .fetch(row -> new Said(questions ? "QuestionAsked" : "StatementMade", row.value1(),
                                row.value2(), row.value3()));
            }
        };
        java.util.Map<UUID, String> storedNames = new java.util.HashMap<>(db.select(SET_MEMBER.PERSON_ID,
                SET_MEMBER.DISPLAY_NAME).from(SET_MEMBER).where(SET_MEMBER.SET_ID.eq(setId))
                .fetchMap(SET_MEMBER.PERSON_ID, SET_MEMBER.DISPLAY_NAME));
        PersonalValues.Disclosure names = personal.disclose(storedNames.values().stream()
                .filter(java.util.Objects::nonNull).toList(), storedNames.keySet());
        // the set's own people see who each record is about, and so who recorded it
        List<Source> sorted = withRecorders(set.value1(), said.stream().map(r -> {
            String stored = r.personId() == null ? null : storedNames.get(r.personId());
            return new Source(r.type(), r.on(), instant(r.at()), null, null, null,
                    r.personId() == null ? null : names.text(stored),
                    r.personId() == null ? null : names.erased(r.personId(), stored), null);
        }).toList(), true);
        sorted.sort(OLDEST_FIRST);
        return new FigureExplanation(set.value1(), setId, figure, view.asOf(), view.recordedBy(), sorted.size(),
                List.copyOf(sorted), null);
    }

    /** The sources, each with who recorded it (a modifiable copy). */
    private List<Source> withRecorders(UUID programmeId, List<Source> sources, boolean withNames) {
        Recorders.Found by = recorders.at(programmeId, sources.stream().map(Source::recordedAt).toList(), withNames);
        return new ArrayList<>(sources.stream().map(s -> s.recordedBy(by.of(s.type(), s.recordedAt()))).toList());
    }

    private static Instant instant(OffsetDateTime at) {
        // '-infinity' marks a point recorded before instants were kept: no instant to show
        return at == null || at.getYear() < 1900 ? null : at.toInstant();
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

    /** The actions the follow-through figures count, each with its status and due date in the view (ActionReader). */
    private List<Source> actions(UUID programmeId, String figure, PastView view) {
        List<Source> sources = new ArrayList<>();
        for (SetAction counted : actions.followThroughOfProgramme(programmeId, view)) {
            ActionRecord action = counted.record();
            Source committed = source("ActionCommitted", action.committedOn(), counted.committedAt(), null);
            switch (figure) {
                case "committed" -> sources.add(committed);
                case "completed" -> {
                    if (action.isCompleted()) {
                        sources.add(source("ActionCompleted", action.completedOn(), counted.completedAt(), null));
                    }
                }
                case "abandoned" -> {
                    if (action.isAbandoned()) {
                        sources.add(source("ActionAbandoned", action.abandonedOn(), counted.abandonedAt(), null));
                    }
                }
                case "open" -> {
                    if (action.isOpen()) {
                        sources.add(committed);
                    }
                }
                case "overdue" -> {
                    // the due date in force on the as-of date; due on that date is not yet overdue
                    if (action.isOverdueOn(view.asOf())) {
                        sources.add(source("ActionCommitted", action.committedOn(), counted.committedAt(),
                                action.dueOn()));
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
