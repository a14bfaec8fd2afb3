package org.actionlearning.analytics.roi;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.actionlearning.analytics.outcomes.MetricDefinition;

/**
 * A metric as the ROI needs it.
 *
 * @param metricId   echoed in the report
 * @param name       echoed in the report
 * @param definition direction, period and money per unit (null money: an intangible)
 * @param baseline   mean of the baseline points (see {@code OutcomeAnalysis.baseline}); null if none
 * @param latest     the latest follow-up value (see {@code OutcomeAnalysis.latest}); null if none
 * @param estimates  participants' attribution estimates in the order they count in (estimated on, then recorded,
 *                   then id; see {@link Isolation}); may be empty
 * @param daysFromBaselineToLatest days from the last baseline point to the latest follow-up; null if unknown
 */
public record MetricInput(
        UUID metricId,
        String name,
        MetricDefinition definition,
        Double baseline,
        Double latest,
        List<AttributionEstimate> estimates,
        Integer daysFromBaselineToLatest) {

    public MetricInput(UUID metricId, String name, MetricDefinition definition, Double baseline, Double latest,
            List<AttributionEstimate> estimates) {
        this(metricId, name, definition, baseline, latest, estimates, null);
    }

    public MetricInput {
        Objects.requireNonNull(metricId, "metricId");
        Objects.requireNonNull(definition, "definition");
        estimates = List.copyOf(estimates);
    }
}
