package org.actionlearning.command.outcome;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.actionlearning.command.domain.Rules;
import org.actionlearning.command.domain.RowsRefused;
import org.actionlearning.command.domain.RowsRefused.RowError;
import org.actionlearning.command.outcome.OutcomeCommands.ImportSeries;
import org.actionlearning.command.outcome.OutcomeCommands.ImportedPoint;
import org.actionlearning.command.outcome.OutcomeCommands.DefineOutcomeMetric;
import org.actionlearning.command.outcome.OutcomeCommands.EstimateAttribution;
import org.actionlearning.command.outcome.OutcomeCommands.RebaseMetric;
import org.actionlearning.command.outcome.OutcomeCommands.RecordBaseline;
import org.actionlearning.command.outcome.OutcomeCommands.RecordMeasurement;
import org.actionlearning.events.outcome.AttributionEstimated;
import org.actionlearning.events.outcome.BaselineRecorded;
import org.actionlearning.events.outcome.MeasurementRecorded;
import org.actionlearning.events.outcome.MetricRebased;
import org.actionlearning.events.outcome.OutcomeMetricDefined;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.actionlearning.command.consistency.TransactionScopedLocks;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An outcome a programme wants to move, with its baseline and follow-up series. Baseline points come first:
 * every follow-up is dated after the last baseline point, which is what "change within N days of the
 * baseline" is measured from. One value per date in each series.
 */
@Aggregate(lockFactory = TransactionScopedLocks.BEAN)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class OutcomeMetric {

    @AggregateIdentifier
    private UUID metricId;
    private UUID programmeId;
    private TreeSet<LocalDate> baselineDates = new TreeSet<>();
    private TreeSet<LocalDate> followUpDates = new TreeSet<>();
    private TreeSet<LocalDate> phaseStarts = new TreeSet<>();
    /** Who has given an estimate: one each, so that nobody weighs twice in the mean of the isolation factor. */
    private Set<UUID> estimators = new HashSet<>();

    protected OutcomeMetric() {
        // for Axon
    }

    /** Called by the programme that defines the metric. */
    public OutcomeMetric(DefineOutcomeMetric command) {
        Rules.notNegative("valuePerUnit", command.valuePerUnit());
        if (command.target() != null) {
            Rules.positive("target.changePercent", command.target().changePercent());
            Rules.positive("target.withinDays", command.target().withinDays());
        }
        apply(new OutcomeMetricDefined(command.metricId(), command.programmeId(), command.challengeId(),
                command.name(), command.unit(), command.direction(), command.period(), command.valuePerUnit(),
                command.target()));
    }

    @CommandHandler
    public void handle(RecordBaseline command) {
        Rules.require(!baselineDates.contains(command.measuredOn()), "measuredOn",
                "a baseline point is already recorded for " + command.measuredOn());
        Rules.require(followUpDates.isEmpty() || command.measuredOn().isBefore(followUpDates.first()), "measuredOn",
                "baseline points precede the follow-ups (first follow-up " + firstFollowUp() + ")");
        apply(new BaselineRecorded(metricId, programmeId, command.measuredOn(), command.value()));
    }

    @CommandHandler
    public void handle(RecordMeasurement command) {
        Rules.require(!baselineDates.isEmpty(), null, "record a baseline before follow-up measurements");
        Rules.require(command.measuredOn().isAfter(baselineDates.last()), "measuredOn",
                "follow-ups come after the last baseline point (" + baselineDates.last() + ")");
        Rules.require(!followUpDates.contains(command.measuredOn()), "measuredOn",
                "a measurement is already recorded for " + command.measuredOn());
        apply(new MeasurementRecorded(metricId, programmeId, command.measuredOn(), command.value()));
    }

    @CommandHandler
    public void handle(RebaseMetric command) {
        Rules.require(!baselineDates.isEmpty(), null, "record a baseline before starting a new phase");
        Rules.require(command.startsOn().isAfter(baselineDates.last()), "startsOn",
                "a new phase starts after the last baseline point (" + baselineDates.last() + ")");
        Rules.require(!phaseStarts.contains(command.startsOn()), "startsOn",
                "a phase already starts on " + command.startsOn());
        apply(new MetricRebased(metricId, programmeId, command.startsOn()));
    }

    @CommandHandler
    public void handle(EstimateAttribution command) {
        Rules.percentage("attributionPercent", command.attributionPercent());
        Rules.percentage("confidencePercent", command.confidencePercent());
        Rules.require(command.estimatedBy() == null || !estimators.contains(command.estimatedBy()), "estimatedBy",
                command.estimatedBy() + " has already given an estimate for this metric");
        apply(new AttributionEstimated(metricId, programmeId, command.estimateId(), command.attributionPercent(),
                command.confidencePercent(), command.estimatedBy(), command.estimatedOn()));
    }

    /**
     * Checks every row against the series as they would stand with all the other rows of the import, and applies
     * them only when none is refused: baseline points first, then the follow-ups, each series in date order.
     */
    @CommandHandler
    public void handle(ImportSeries command) {
        List<ImportedPoint> points = command.points();
        TreeSet<LocalDate> baseline = new TreeSet<>(baselineDates);
        TreeSet<LocalDate> followUps = new TreeSet<>(followUpDates);
        // the refusals of each row, in the order of the rows
        Map<Integer, List<RowError>> errors = new TreeMap<>();
        boolean[] duplicate = new boolean[points.size()];
        for (int row = 0; row < points.size(); row++) {
            ImportedPoint point = points.get(row);
            boolean isBaseline = point.series() == Series.BASELINE;
            duplicate[row] = !(isBaseline ? baseline : followUps).add(point.measuredOn());
            if (duplicate[row]) {
                refuse(errors, row, point, "measuredOn", "a " + (isBaseline ? "baseline point" : "measurement")
                        + " is already recorded for " + point.measuredOn());
            }
        }
        for (int row = 0; row < points.size(); row++) {
            ImportedPoint point = points.get(row);
            if (point.series() == Series.FOLLOW_UP && !duplicate[row]) {
                if (baseline.isEmpty()) {
                    refuse(errors, row, point, "series", "record a baseline before follow-up measurements");
                } else if (!point.measuredOn().isAfter(baseline.last())) {
                    refuse(errors, row, point, "measuredOn",
                            "follow-ups come after the last baseline point (" + baseline.last() + ")");
                }
            } else if (point.series() == Series.BASELINE && !duplicate[row] && !followUpDates.isEmpty()
                    && !point.measuredOn().isBefore(followUpDates.first())) {
                // the rule of a single baseline point (RecordBaseline), against the recorded follow-ups; an
                // imported follow-up before an imported baseline point is refused on its own line above
                refuse(errors, row, point, "measuredOn",
                        "baseline points precede the follow-ups (first follow-up " + followUpDates.first() + ")");
            }
        }
        if (!errors.isEmpty()) {
            throw RowsRefused.breakingRules(errors.values().stream().flatMap(List::stream).toList());
        }
        Comparator<ImportedPoint> byDate = Comparator.comparing(ImportedPoint::measuredOn);
        points.stream().filter(p -> p.series() == Series.BASELINE).sorted(byDate).forEach(point ->
                apply(new BaselineRecorded(metricId, programmeId, point.measuredOn(), point.value())));
        points.stream().filter(p -> p.series() == Series.FOLLOW_UP).sorted(byDate).forEach(point ->
                apply(new MeasurementRecorded(metricId, programmeId, point.measuredOn(), point.value())));
    }

    private static void refuse(Map<Integer, List<RowError>> errors, int row, ImportedPoint point, String column,
                               String message) {
        errors.computeIfAbsent(row, r -> new ArrayList<>()).add(new RowError(point.where() + "." + column, message));
    }

    private LocalDate firstFollowUp() {
        return followUpDates.isEmpty() ? null : followUpDates.first();
    }

    @EventSourcingHandler
    void on(OutcomeMetricDefined event) {
        metricId = event.metricId();
        programmeId = event.programmeId();
    }

    @EventSourcingHandler
    void on(BaselineRecorded event) {
        baselineDates.add(event.measuredOn());
    }

    @EventSourcingHandler
    void on(MeasurementRecorded event) {
        followUpDates.add(event.measuredOn());
    }

    @EventSourcingHandler
    void on(AttributionEstimated event) {
        if (event.estimatedBy() != null) {
            estimators.add(event.estimatedBy());
        }
    }

    @EventSourcingHandler
    void on(MetricRebased event) {
        phaseStarts.add(event.startsOn());
    }
}
