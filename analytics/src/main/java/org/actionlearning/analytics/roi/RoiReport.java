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
 * @param withoutIsolation the same three figures with every isolation factor taken as 1.0, for comparison
 * @param standardsBroken  Phillips' conservative standards this report breaks, in declaration order
 */
public record RoiReport(
        CostSummary costs,
        List<MetricBenefit> metrics,
        List<Intangible> intangibles,
        double benefits,
        Double bcr,
        Double roiPercent,
        Figures withoutIsolation,
        List<ConservativeStandard> standardsBroken) {

    public RoiReport {
        metrics = List.copyOf(metrics);
        intangibles = List.copyOf(intangibles);
        standardsBroken = List.copyOf(standardsBroken);
    }

    /** Benefits, benefit-cost ratio and ROI of one way of counting. */
    public record Figures(double benefits, Double bcr, Double roiPercent) {

        static Figures of(double benefits, double costs) {
            return new Figures(benefits, costs == 0 ? null : benefits / costs,
                    costs == 0 ? null : (benefits - costs) / costs * 100);
        }
    }
}
