package org.actionlearning.query.read;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Phillips ROI of a programme, first-year benefits only (see {@code RoiCalculator}).
 *
 * @param bcr        benefits / costs; null when costs are 0
 * @param roiPercent (benefits − costs) / costs × 100; null when costs are 0
 * @param withoutIsolation benefits, bcr and roiPercent crediting the programme with every improvement
 * @param standardsBroken  Phillips' conservative standards the figures break (NO_ISOLATION,
 *                         LOW_CONFIDENCE_ESTIMATE, BENEFITS_BEYOND_FIRST_YEAR)
 */
public record ProgrammeRoi(String currency, Costs costs, List<MetricBenefitView> metrics,
                           List<IntangibleView> intangibles, double benefits, Double bcr, Double roiPercent,
                           Figures withoutIsolation, List<String> standardsBroken) {

    public record Figures(double benefits, Double bcr, Double roiPercent) {
    }

    /** @param byCategory Σ per category that has costs, in category order */
    public record Costs(double total, Map<String, Double> byCategory) {
    }

    /** @param improvement units per period, floored at 0; null (and so annualBenefit) without baseline or follow-up */
    public record MetricBenefitView(UUID metricId, String name, Double improvement, int periodsPerYear,
                                    double valuePerUnit, double isolationFactor, boolean isolated,
                                    Double annualBenefit) {
    }

    public record IntangibleView(UUID metricId, String name, Double improvementPercent) {
    }
}
