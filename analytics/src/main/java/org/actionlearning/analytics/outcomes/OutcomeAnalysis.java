package org.actionlearning.analytics.outcomes;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.actionlearning.analytics.Statistics;

/**
 * The outcome numbers of one metric.
 *
 * @param centreLine         median of the baseline points (run-chart centre line); null without baseline
 * @param baseline           mean of the baseline points; null without baseline
 * @param latest             the follow-up with the latest date (the last recorded of equal dates); null without follow-ups
 * @param changePercent      (latest − baseline) / baseline × 100; null if either is missing or baseline is 0
 * @param improvementPercent changePercent signed so that positive is better (−change for DECREASE)
 * @param targetMet          some follow-up reached the target improvement within the target's days
 *                           of the last baseline date; null if there is no target or no defined change
 * @param daysToTarget       days from the last baseline date to the first such follow-up; null if not met
 * @param pValue             Welch's two-sided t-test, baseline points against follow-ups; null if
 *                           fewer than 2 of either or undefined (no variance in either)
 * @param runChart           Anhøj's longest run and crossings over the follow-ups; null without baseline
 * @param xmr                individuals control limits from the baseline; null with fewer than 2 baseline points
 * @param beyondLimits       follow-ups beyond the XmR limit on the improving side, in date order
 * @param signals            signals present, in the order SHIFT, TREND, LONG_RUN, FEW_CROSSINGS, BEYOND_LIMITS
 */
public record OutcomeAnalysis(
        Double centreLine,
        Double baseline,
        Double latest,
        Double changePercent,
        Double improvementPercent,
        Boolean targetMet,
        Integer daysToTarget,
        Double pValue,
        AnhojRules runChart,
        XmrLimits xmr,
        List<Measurement> beyondLimits,
        List<Signal> signals) {

    /**
     * Values are compared with the target with this slack, so that a value exactly at the target
     * (85 against a baseline of 100 and a 15% target) counts as reaching it although
     * (85 − 100) / 100 × 100 is not exactly −15 in floating point.
     */
    private static final double TARGET_TOLERANCE_PERCENT = 1e-9;

    public OutcomeAnalysis {
        beyondLimits = List.copyOf(beyondLimits);
        signals = List.copyOf(signals);
    }

    /** Analyses a metric from its baseline points and follow-up measurements (any order). */
    public static OutcomeAnalysis of(MetricDefinition metric, List<Measurement> baselinePoints,
            List<Measurement> followUps) {
        Objects.requireNonNull(metric, "metric");
        List<Measurement> baselineInTime = inTimeOrder(baselinePoints, "baselinePoints");
        List<Measurement> followUpsInTime = inTimeOrder(followUps, "followUps");
        double[] baselineValues = values(baselineInTime);
        double[] followUpValues = values(followUpsInTime);

        Double centreLine = Statistics.median(baselineValues);
        Double baseline = Statistics.mean(baselineValues);
        Double latest = followUpsInTime.isEmpty() ? null : followUpsInTime.get(followUpsInTime.size() - 1).value();
        Double changePercent = changePercent(baseline, latest);
        Double improvementPercent = changePercent == null ? null : metric.direction().asImprovement(changePercent);

        Integer daysToTarget = null;
        Boolean targetMet = null;
        if (metric.target() != null && baseline != null && baseline != 0) {
            LocalDate lastBaselineDate = baselineInTime.get(baselineInTime.size() - 1).measuredOn();
            daysToTarget = daysToTarget(metric, baseline, lastBaselineDate, followUpsInTime);
            targetMet = daysToTarget != null;
        }

        AnhojRules runChart = centreLine == null ? null : AnhojRules.of(centreLine, boxed(followUpValues));
        XmrLimits xmr = XmrLimits.fromBaseline(boxed(baselineValues));
        List<Measurement> beyondLimits = xmr == null ? List.of() : xmr.beyondLimits(metric.direction(), followUpsInTime);
        return new OutcomeAnalysis(
                centreLine,
                baseline,
                latest,
                changePercent,
                improvementPercent,
                targetMet,
                daysToTarget,
                WelchTest.pValue(baselineValues, followUpValues),
                runChart,
                xmr,
                beyondLimits,
                signals(metric.direction(), centreLine, boxed(followUpValues), runChart, beyondLimits));
    }

    private static List<Signal> signals(Direction direction, Double centreLine, List<Double> followUps,
            AnhojRules runChart, List<Measurement> beyondLimits) {
        List<Signal> signals = new ArrayList<>(RunChart.signals(direction, centreLine, followUps));
        if (runChart != null && runChart.longRun()) {
            signals.add(Signal.LONG_RUN);
        }
        if (runChart != null && runChart.fewCrossings()) {
            signals.add(Signal.FEW_CROSSINGS);
        }
        if (!beyondLimits.isEmpty()) {
            signals.add(Signal.BEYOND_LIMITS);
        }
        return signals;
    }

    /** (value − baseline) / baseline × 100; null if either is missing or the baseline is 0. */
    public static Double changePercent(Double baseline, Double value) {
        if (baseline == null || value == null || baseline == 0) {
            return null;
        }
        return (value - baseline) / baseline * 100;
    }

    /** Days to the first follow-up within the target window whose improvement reaches the target; null if none. */
    private static Integer daysToTarget(MetricDefinition metric, double baseline, LocalDate lastBaselineDate,
            List<Measurement> followUpsInTime) {
        Target target = metric.target();
        for (Measurement followUp : followUpsInTime) {
            long days = ChronoUnit.DAYS.between(lastBaselineDate, followUp.measuredOn());
            if (days < 0 || days > target.withinDays()) {
                continue;
            }
            double improvement = metric.direction().asImprovement(changePercent(baseline, followUp.value()));
            if (improvement >= target.changePercent() - TARGET_TOLERANCE_PERCENT) {
                return Math.toIntExact(days);
            }
        }
        return null;
    }

    /** Sorted by date; the sort is stable, so measurements of the same date keep the order they were recorded in. */
    private static List<Measurement> inTimeOrder(List<Measurement> measurements, String name) {
        Objects.requireNonNull(measurements, name);
        return measurements.stream().sorted(Comparator.comparing(Measurement::measuredOn)).toList();
    }

    private static double[] values(List<Measurement> measurements) {
        return measurements.stream().mapToDouble(Measurement::value).toArray();
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
