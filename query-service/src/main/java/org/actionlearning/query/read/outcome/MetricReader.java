package org.actionlearning.query.read.outcome;

import static org.actionlearning.query.jooq.Tables.ACTION_ITEM;
import static org.actionlearning.query.jooq.Tables.ATTRIBUTION_ESTIMATE;
import static org.actionlearning.query.jooq.Tables.OUTCOME_METRIC;
import static org.actionlearning.query.jooq.Tables.OUTCOME_POINT;
import static org.actionlearning.query.jooq.Tables.OUTCOME_POINT_VERSION;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.actionlearning.analytics.outcomes.Direction;
import org.actionlearning.analytics.outcomes.Measurement;
import org.actionlearning.analytics.outcomes.MetricDefinition;
import org.actionlearning.analytics.outcomes.OutcomeAnalysis;
import org.actionlearning.analytics.outcomes.Period;
import org.actionlearning.analytics.outcomes.Target;
import org.actionlearning.analytics.outcomes.XmrLimits;
import org.actionlearning.analytics.roi.AttributionEstimate;
import org.actionlearning.analytics.roi.MetricInput;
import org.actionlearning.query.jooq.tables.records.OutcomeMetricRecord;
import org.actionlearning.query.read.PastView;
import org.actionlearning.query.read.ReportedMeetings;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SortField;
import org.springframework.stereotype.Component;

/** Outcome metrics with their points and attribution estimates, and their analysis. */
@Component
public class MetricReader {

    public static final String BASELINE = "BASELINE";
    public static final String FOLLOW_UP = "FOLLOW_UP";

    /** A metric as stored, its definition, its points in date order, its estimates and its analysis. */
    public record LoadedMetric(OutcomeMetricRecord row, MetricDefinition definition,
                               List<Measurement> baselinePoints, List<Measurement> followUps,
                               List<AttributionEstimate> estimates, OutcomeAnalysis analysis,
                               Interventions interventions) {

        public MetricInput roiInput() {
            return new MetricInput(row.getMetricId(), row.getName(), definition, analysis.baseline(), analysis.latest(),
                    estimates, daysFromBaselineToLatest());
        }

        /** From the last baseline point to the latest follow-up: how far into the programme the benefit was seen. */
        private Integer daysFromBaselineToLatest() {
            if (baselinePoints.isEmpty() || followUps.isEmpty()) {
                return null;
            }
            return Math.toIntExact(java.time.temporal.ChronoUnit.DAYS.between(
                    baselinePoints.get(baselinePoints.size() - 1).measuredOn(),
                    followUps.get(followUps.size() - 1).measuredOn()));
        }

        public MetricSummary summary() {
            return new MetricSummary(row.getMetricId(), row.getName(), row.getUnit(), row.getDirection(),
                    analysis.baseline(), analysis.latest(), analysis.changePercent(), analysis.improvementPercent(),
                    analysis.targetMet(), analysis.daysToTarget(), analysis.pValue(),
                    analysis.runChart() == null ? null : analysis.runChart().longestRun(),
                    analysis.runChart() == null ? null : analysis.runChart().crossings(), xmr(analysis),
                    points(analysis.beyondLimits()), interventions.shown(), signalNames(analysis));
        }

        static MetricDetail.XmrView xmr(OutcomeAnalysis analysis) {
            XmrLimits xmr = analysis.xmr();
            return xmr == null ? null : new MetricDetail.XmrView(xmr.centre(), xmr.lower(), xmr.upper());
        }

        static List<MetricDetail.Point> points(List<Measurement> measurements) {
            return measurements.stream().map(m -> new MetricDetail.Point(m.measuredOn(), m.value())).toList();
        }

        static List<String> signalNames(OutcomeAnalysis analysis) {
            return analysis.signals().stream().map(Enum::name).toList();
        }
    }

    /**
     * The actions committed for the metric's challenge, as dated markers for the run chart. Like the sponsors' list of
     * actions, they come only from a set of three people or more, and without owner or description; from a smaller
     * set they are withheld (and {@code withheld} is true).
     */
    public record Interventions(List<MetricDetail.Intervention> shown, boolean withheld) {

        static final Interventions NONE = new Interventions(List.of(), false);
    }

    /**
     * The order estimates count in (see {@code Isolation}): estimated on, then recorded, then id. A row without a
     * date or an instant of its own (kept before they were) comes first, as it counts from the start.
     */
    public static final List<SortField<?>> ESTIMATE_ORDER = List.of(
            ATTRIBUTION_ESTIMATE.ESTIMATED_ON.asc().nullsFirst(), ATTRIBUTION_ESTIMATE.RECORDED_AT.asc().nullsFirst(),
            ATTRIBUTION_ESTIMATE.ESTIMATE_ID.asc());

    private final DSLContext db;
    private final ReportedMeetings reportedMeetings;

    MetricReader(DSLContext db, ReportedMeetings reportedMeetings) {
        this.db = db;
        this.reportedMeetings = reportedMeetings;
    }

    /** The programme's metrics, ordered by name, with the points and estimates of the view. */
    public List<LoadedMetric> ofProgramme(UUID programmeId, PastView view) {
        return load(OUTCOME_METRIC.PROGRAMME_ID.eq(programmeId), view);
    }

    public Optional<LoadedMetric> byId(UUID metricId, PastView view) {
        return load(OUTCOME_METRIC.METRIC_ID.eq(metricId), view).stream().findFirst();
    }

    /**
     * The points measured by the view's date; as recorded by an earlier instant, each point's value as it stood then
     * (a later correction of it does not count yet).
     */
    private List<Record> points(List<UUID> ids, PastView view) {
        if (!view.knowledgeCut()) {
            return List.copyOf(db.select(OUTCOME_POINT.METRIC_ID, OUTCOME_POINT.SERIES, OUTCOME_POINT.MEASURED_ON,
                            OUTCOME_POINT.VALUE)
                    .from(OUTCOME_POINT)
                    .where(OUTCOME_POINT.METRIC_ID.in(ids)).and(OUTCOME_POINT.MEASURED_ON.le(view.asOf()))
                    .orderBy(OUTCOME_POINT.METRIC_ID, OUTCOME_POINT.SERIES, OUTCOME_POINT.MEASURED_ON)
                    .fetch());
        }
        var v = OUTCOME_POINT_VERSION;
        return List.copyOf(db.select(v.METRIC_ID.as(OUTCOME_POINT.METRIC_ID), v.SERIES.as(OUTCOME_POINT.SERIES),
                        v.MEASURED_ON.as(OUTCOME_POINT.MEASURED_ON), v.VALUE.as(OUTCOME_POINT.VALUE))
                .distinctOn(v.METRIC_ID, v.SERIES, v.MEASURED_ON)
                .from(v)
                .where(v.METRIC_ID.in(ids)).and(v.MEASURED_ON.le(view.asOf())).and(view.known(v.RECORDED_AT))
                .orderBy(v.METRIC_ID, v.SERIES, v.MEASURED_ON, v.RECORDED_AT.desc())
                .fetch());
    }

    private List<LoadedMetric> load(Condition which, PastView view) {
        List<OutcomeMetricRecord> rows = db.selectFrom(OUTCOME_METRIC).where(which)
                .orderBy(OUTCOME_METRIC.NAME, OUTCOME_METRIC.METRIC_ID).fetch();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(OutcomeMetricRecord::getMetricId).toList();

        Map<UUID, List<Measurement>> baselines = new HashMap<>();
        Map<UUID, List<Measurement>> followUps = new HashMap<>();
        for (Record point : points(ids, view)) {
            Map<UUID, List<Measurement>> series = BASELINE.equals(point.get(OUTCOME_POINT.SERIES)) ? baselines : followUps;
            series.computeIfAbsent(point.get(OUTCOME_POINT.METRIC_ID), id -> new ArrayList<>())
                    .add(new Measurement(point.get(OUTCOME_POINT.MEASURED_ON), point.get(OUTCOME_POINT.VALUE).doubleValue()));
        }

        Map<UUID, List<AttributionEstimate>> estimates = new HashMap<>();
        for (Record estimate : db.select(ATTRIBUTION_ESTIMATE.METRIC_ID, ATTRIBUTION_ESTIMATE.ATTRIBUTION_PERCENT,
                        ATTRIBUTION_ESTIMATE.CONFIDENCE_PERCENT)
                .from(ATTRIBUTION_ESTIMATE)
                .where(ATTRIBUTION_ESTIMATE.METRIC_ID.in(ids))
                // an older row has no date of its own: it counts from the start, as it did before dates were kept
                .and(ATTRIBUTION_ESTIMATE.ESTIMATED_ON.isNull().or(ATTRIBUTION_ESTIMATE.ESTIMATED_ON.le(view.asOf())))
                .and(view.known(ATTRIBUTION_ESTIMATE.RECORDED_AT))
                .orderBy(ESTIMATE_ORDER)
                .fetch()) {
            estimates.computeIfAbsent(estimate.get(ATTRIBUTION_ESTIMATE.METRIC_ID), id -> new ArrayList<>())
                    .add(new AttributionEstimate(estimate.get(ATTRIBUTION_ESTIMATE.ATTRIBUTION_PERCENT),
                            estimate.get(ATTRIBUTION_ESTIMATE.CONFIDENCE_PERCENT)));
        }

        Map<UUID, Interventions> interventions = interventions(rows, view);
        return rows.stream().map(row -> {
            MetricDefinition definition = definitionOf(row);
            List<Measurement> baseline = List.copyOf(baselines.getOrDefault(row.getMetricId(), List.of()));
            List<Measurement> followUp = List.copyOf(followUps.getOrDefault(row.getMetricId(), List.of()));
            return new LoadedMetric(row, definition, baseline, followUp,
                    List.copyOf(estimates.getOrDefault(row.getMetricId(), List.of())),
                    OutcomeAnalysis.of(definition, baseline, followUp),
                    interventions.getOrDefault(row.getMetricId(), Interventions.NONE));
        }).toList();
    }

    /**
     * Per metric tied to a challenge: the challenge's actions committed in the view, in order of commitment, under the
     * reporting rule; completed only if that happened by the view's date and was recorded by its instant.
     */
    private Map<UUID, Interventions> interventions(List<OutcomeMetricRecord> rows, PastView view) {
        List<UUID> challenges = rows.stream().map(OutcomeMetricRecord::getChallengeId)
                .filter(java.util.Objects::nonNull).distinct().toList();
        if (challenges.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Set<UUID>> countedMeetings = new HashMap<>();
        Map<UUID, List<Record>> byChallenge = new HashMap<>();
        for (Record action : db.select(ACTION_ITEM.CHALLENGE_ID, ACTION_ITEM.ACTION_ID, ACTION_ITEM.SET_ID,
                        ACTION_ITEM.PROGRAMME_ID, ACTION_ITEM.MEETING_ID, ACTION_ITEM.COMMITTED_ON, ACTION_ITEM.COMPLETED_ON,
                        ACTION_ITEM.COMPLETED_AT)
                .from(ACTION_ITEM).where(ACTION_ITEM.CHALLENGE_ID.in(challenges))
                .and(ACTION_ITEM.COMMITTED_ON.le(view.asOf())).and(view.known(ACTION_ITEM.COMMITTED_AT))
                .orderBy(ACTION_ITEM.COMMITTED_ON, ACTION_ITEM.ACTION_ID).fetch()) {
            byChallenge.computeIfAbsent(action.get(ACTION_ITEM.CHALLENGE_ID), c -> new ArrayList<>()).add(action);
        }
        Map<UUID, Interventions> byMetric = new HashMap<>();
        for (OutcomeMetricRecord row : rows) {
            List<Record> actions = row.getChallengeId() == null ? List.of()
                    : byChallenge.getOrDefault(row.getChallengeId(), List.of());
            if (actions.isEmpty()) {
                continue;
            }
            Set<UUID> counted = countedMeetings.computeIfAbsent(row.getProgrammeId(), reportedMeetings::ofProgramme);
            List<MetricDetail.Intervention> shown = actions.stream()
                    .filter(a -> counted.contains(a.get(ACTION_ITEM.MEETING_ID)))
                    .map(a -> new MetricDetail.Intervention(a.get(ACTION_ITEM.ACTION_ID),
                            a.get(ACTION_ITEM.COMMITTED_ON), view.happened(a.get(ACTION_ITEM.COMPLETED_ON))
                                    && view.known(a.get(ACTION_ITEM.COMPLETED_AT))
                                    ? a.get(ACTION_ITEM.COMPLETED_ON) : null))
                    .toList();
            byMetric.put(row.getMetricId(), new Interventions(shown, shown.size() < actions.size()));
        }
        return byMetric;
    }

    public static MetricDefinition definitionOf(OutcomeMetricRecord row) {
        return new MetricDefinition(Direction.valueOf(row.getDirection()), Period.valueOf(row.getPeriod()),
                toDouble(row.getValuePerUnit()), targetOf(row));
    }

    public static Target targetOf(OutcomeMetricRecord row) {
        if (row.getTargetChangePercent() == null || row.getTargetWithinDays() == null) {
            return null;
        }
        return new Target(row.getTargetChangePercent().doubleValue(), row.getTargetWithinDays());
    }

    public static Double toDouble(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }
}
