package org.actionlearning.command.outcome;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.actionlearning.command.access.AnsweredBySelf;
import org.actionlearning.events.outcome.Direction;
import org.actionlearning.events.outcome.OutcomeTarget;
import org.actionlearning.events.outcome.Period;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands about an outcome metric and its series. */
public final class OutcomeCommands {

    private OutcomeCommands() {
    }

    /** Handled by the programme, which creates the metric. */
    public record DefineOutcomeMetric(@TargetAggregateIdentifier UUID programmeId, UUID metricId, UUID challengeId,
                                      String name, String unit, Direction direction, Period period,
                                      BigDecimal valuePerUnit, OutcomeTarget target) {
    }

    public record RecordBaseline(@TargetAggregateIdentifier UUID metricId, LocalDate measuredOn, BigDecimal value) {
    }

    public record RecordMeasurement(@TargetAggregateIdentifier UUID metricId, LocalDate measuredOn, BigDecimal value) {
    }

    /** One value of an import; {@code where} names its row for the caller ("line 3"). */
    public record ImportedPoint(String where, Series series, LocalDate measuredOn, BigDecimal value) {
    }

    /** Records many baseline and follow-up values as one unit: all of them, or none when any row is refused. */
    public record ImportSeries(@TargetAggregateIdentifier UUID metricId, List<ImportedPoint> points) {
        public ImportSeries {
            points = List.copyOf(points);
        }
    }

    /** Starts a new phase of the metric's run chart. */
    public record RebaseMetric(@TargetAggregateIdentifier UUID metricId, LocalDate startsOn) {
    }

    /**
     * {@code estimatedOn} null: the day the estimate is recorded. A participant of the programme may send their own
     * estimate ({@code estimatedBy} themself); an administrator records anyone's.
     */
    public record EstimateAttribution(@TargetAggregateIdentifier UUID metricId, UUID estimateId,
                                      int attributionPercent, int confidencePercent, UUID estimatedBy,
                                      LocalDate estimatedOn) implements AnsweredBySelf {

        @Override
        public UUID personId() {
            return estimatedBy;
        }
    }
}
