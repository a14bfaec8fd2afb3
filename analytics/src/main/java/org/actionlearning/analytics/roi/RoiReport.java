package org.actionlearning.analytics.roi;

import java.util.List;

/**
 * Phillips ROI of a programme, first-year benefits only.
 *
 * @param costs       fully loaded costs
 * @param metrics     metrics with a money value and their benefits
 * @param intangibles metrics without one
 * @param benefits    Σ annual benefits of the priced metrics
 * @param bcr         benefits / costs; null when costs are 0
 * @param roiPercent  (benefits − costs) / costs × 100; null when costs are 0
 */
public record RoiReport(
        CostSummary costs,
        List<MetricBenefit> metrics,
        List<Intangible> intangibles,
        double benefits,
        Double bcr,
        Double roiPercent) {

    public RoiReport {
        metrics = List.copyOf(metrics);
        intangibles = List.copyOf(intangibles);
    }
}
