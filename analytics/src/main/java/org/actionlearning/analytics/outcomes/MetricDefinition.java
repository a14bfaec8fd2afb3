package org.actionlearning.analytics.outcomes;

import java.util.Objects;
import org.actionlearning.analytics.Statistics;

/**
 * What the numbers need to know about an outcome metric.
 *
 * @param direction    which way is better
 * @param period       the span one value covers
 * @param valuePerUnit money per unit of improvement (&gt;= 0); null for an intangible metric
 * @param target       the target, or null if none was set
 */
public record MetricDefinition(Direction direction, Period period, Double valuePerUnit, Target target) {

    public MetricDefinition {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(period, "period");
        if (valuePerUnit != null) {
            Statistics.requireNonNegative(valuePerUnit, "valuePerUnit");
        }
    }

    /** Whether the metric has a money value, i.e. is not an intangible. */
    public boolean isPriced() {
        return valuePerUnit != null;
    }
}
