package org.actionlearning.query.read.outcome;

import java.util.List;
import java.util.UUID;
import org.actionlearning.query.read.outcome.MetricDetail.Point;
import org.actionlearning.query.read.outcome.MetricDetail.TargetView;

/**
 * One metric of a programme's outcome register.
 *
 * @param valuePerUnit        null for an intangible
 * @param meanAttributionPercent null without estimates
 */
public record RegisterEntry(UUID metricId, String name, String unit, String direction, String period,
                            Double valuePerUnit, TargetView target, List<Point> baselinePoints, List<Point> followUps,
                            int estimates, Double meanAttributionPercent, Double meanConfidencePercent) {
}
