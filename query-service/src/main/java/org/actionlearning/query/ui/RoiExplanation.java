package org.actionlearning.query.ui;

import java.util.List;
import java.util.Objects;
import org.actionlearning.analytics.roi.Isolation;
import org.actionlearning.query.read.roi.ProgrammeRoi;
import org.actionlearning.query.read.roi.ProgrammeRoi.MetricBenefitView;

/**
 * What a reader needs beside the ROI figures: why there is no priced benefit when there is none (an "ROI −100%"
 * with no word of why reads as a failed programme, when it usually means nothing is priced or measured yet), and
 * the intangible benefits, which count for the programme but are not converted to money.
 *
 * @param why         null when some benefit is priced; otherwise the reason in words
 * @param intangibles each unpriced outcome with its change, e.g. "staff engagement +13.3%"
 * @param estimates   each priced outcome with estimates not counted yet, e.g. "Delays: 2 attribution estimates
 *                    so far, counted from 3: its benefit is not isolated yet." (a reader must know the benefit
 *                    is credited in full, and why)
 */
public record RoiExplanation(String why, List<String> intangibles, List<String> estimates) {

    static RoiExplanation of(ProgrammeRoi roi, Numbers numbers) {
        List<String> intangibles = roi.intangibles().stream()
                .map(i -> i.improvementPercent() == null ? i.name() + " (no change measured yet)"
                        : i.name() + " " + numbers.signedPercent(i.improvementPercent()) + " improvement")
                .toList();
        List<String> estimates = roi.metrics().stream().filter(m -> m.estimatesWithheld() > 0)
                .map(RoiExplanation::estimatesOf).toList();
        return new RoiExplanation(roi.benefits() > 0 ? null : why(roi), intangibles, estimates);
    }

    private static String estimatesOf(MetricBenefitView metric) {
        int given = metric.estimatesCounted() + metric.estimatesWithheld();
        if (metric.estimatesCounted() == 0) {
            return metric.name() + ": " + given + (given == 1 ? " attribution estimate" : " attribution estimates")
                    + " so far, counted from " + Isolation.GROUP + ": its benefit is not isolated yet.";
        }
        return metric.name() + ": " + metric.estimatesCounted() + " of " + given + " attribution estimates counted;"
                + " they count in whole groups of " + Isolation.GROUP + ", so the last " + metric.estimatesWithheld()
                + " wait for the next group.";
    }

    private static String why(ProgrammeRoi roi) {
        List<MetricBenefitView> priced = roi.metrics();
        String reason;
        if (priced.isEmpty()) {
            reason = "no outcome metric has a money value per unit";
        } else if (priced.stream().map(MetricBenefitView::annualBenefit).allMatch(Objects::isNull)) {
            reason = "no priced outcome has both a baseline and a follow-up value yet";
        } else {
            reason = "the priced outcomes (" + String.join(", ", priced.stream().map(MetricBenefitView::name).toList())
                    + ") have not improved on their baseline";
        }
        String roiPart = roi.roiPercent() == null ? "" : ", so the ROI counts the costs with nothing set against them";
        return "No priced benefit yet: " + reason + roiPart + ".";
    }
}
