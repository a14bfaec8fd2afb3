package org.actionlearning.query.read;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One outcome metric: its definition, its points in date order and its numbers (see {@code OutcomeAnalysis}).
 *
 * @param valuePerUnit money per unit of improvement; null for an intangible
 * @param target       null if none was set
 * @param centreLine   run-chart centre line: median of the baseline points
 * @param signals      SHIFT, TREND where present
 */
public record MetricDetail(UUID metricId, UUID programmeId, String name, String unit, String direction, String period,
                           Double valuePerUnit, TargetView target, List<Point> baselinePoints, List<Point> followUps,
                           Double centreLine, Double baseline, Double latest, Double changePercent,
                           Double improvementPercent, Boolean targetMet, Integer daysToTarget, Double pValue,
                           List<String> signals) {

    public record TargetView(double changePercent, int withinDays) {
    }

    public record Point(LocalDate measuredOn, double value) {
    }
}
