package org.actionlearning.query.read.outcome;

import java.util.List;
import java.util.UUID;

/** The outcome numbers of one metric as the dashboard shows them (see {@code OutcomeAnalysis}); null where undefined. */
public record MetricSummary(UUID metricId, String name, String unit, String direction, Double baseline, Double latest,
                            Double changePercent, Double improvementPercent, Boolean targetMet, Integer daysToTarget,
                            Double pValue, Integer longestRun, Integer crossings, MetricDetail.XmrView xmr,
                            List<MetricDetail.Point> beyondLimits, List<MetricDetail.Intervention> interventions,
                            List<String> signals) {
}
