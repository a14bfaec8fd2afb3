package org.actionlearning.query.read.roi;

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
 * @param chain            Phillips' chain of impact, read from reaction to ROI
 */
public record ProgrammeRoi(String currency, Costs costs, List<MetricBenefitView> metrics,
                           List<IntangibleView> intangibles, double benefits, Double bcr, Double roiPercent,
                           Figures withoutIsolation, List<String> standardsBroken, ChainOfImpact chain) {

    /**
     * The evidence level by level, so the ROI reads as the end of a chain: did members find the meetings useful
     * (reaction), leave confident and committed to act (learning), act (application: follow-through), did the
     * outcomes move (impact), and what was it worth (ROI). Means of personal answers are withheld (null) below three
     * responses; follow-through covers the sets of three people or more, as the dashboard's does.
     */
    public record ChainOfImpact(Level1 reaction, Level2 learning, Level3 application, Level4 impact, Level5 roi) {
    }

    /** Mean usefulness of the meetings (1..5). */
    public record Level1(Double usefulness, int respondents) {
    }

    /** Mean confidence to act and commitment (1..5). */
    public record Level2(Double confidence, Double commitment) {
    }

    /** Follow-through of the actions committed; the rates are null while nothing is committed or completed. */
    public record Level3(Integer committed, Integer completed, Double completionRate, Double onTimeRate) {
    }

    /** @param improved metrics whose improvement is positive; targetsMet and withSignal likewise counted */
    public record Level4(int metrics, int improved, int targetsMet, int withSignal) {
    }

    public record Level5(Double bcr, Double roiPercent) {
    }

    public record Figures(double benefits, Double bcr, Double roiPercent) {
    }

    /** @param byCategory Σ per category that has costs, in category order */
    public record Costs(double total, Map<String, Double> byCategory) {
    }

    /**
     * @param improvement       units per period, floored at 0; null (and so annualBenefit) without baseline or
     *                          follow-up
     * @param isolationFactor   mean of the counted estimates' attribution × confidence; 1.0 when none is counted
     * @param estimatesCounted  estimates the factor counts: whole groups of three, so no one person's shows
     * @param estimatesWithheld estimates given but not counted yet (all of them while fewer than three)
     */
    public record MetricBenefitView(UUID metricId, String name, Double improvement, int periodsPerYear,
                                    double valuePerUnit, double isolationFactor, boolean isolated,
                                    int estimatesCounted, int estimatesWithheld, Double annualBenefit) {
    }

    public record IntangibleView(UUID metricId, String name, Double improvementPercent) {
    }
}
