package org.actionlearning.analytics.roi;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.actionlearning.analytics.outcomes.Direction;
import org.actionlearning.analytics.outcomes.MetricDefinition;
import org.actionlearning.analytics.outcomes.OutcomeAnalysis;

/** Phillips ROI: benefits of the first year only, isolated by participant estimates. */
public final class RoiCalculator {

    /** Days after the last baseline point beyond which an improvement is no longer a first-year benefit. */
    public static final int FIRST_YEAR_DAYS = 365;
    /** An estimate made with less confidence than this breaks the conservative standards. */
    public static final double MINIMUM_CONFIDENCE_PERCENT = 50;

    private RoiCalculator() {
    }

    /** The ROI report of a programme from its recorded costs and its metrics. */
    public static RoiReport calculate(List<Cost> costs, List<MetricInput> metrics) {
        Objects.requireNonNull(costs, "costs");
        Objects.requireNonNull(metrics, "metrics");
        CostSummary costSummary = summarise(costs);

        List<MetricBenefit> priced = new ArrayList<>();
        List<Intangible> intangibles = new ArrayList<>();
        for (MetricInput metric : metrics) {
            if (metric.definition().isPriced()) {
                priced.add(benefitOf(metric));
            } else {
                intangibles.add(intangibleOf(metric));
            }
        }
        double benefits = priced.stream()
                .map(MetricBenefit::annualBenefit)
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .sum();
        double unisolated = priced.stream()
                .filter(b -> b.annualBenefit() != null)
                .mapToDouble(b -> b.improvement() * b.periodsPerYear() * b.valuePerUnit())
                .sum();
        double total = costSummary.total();
        RoiReport.Figures isolatedFigures = RoiReport.Figures.of(benefits, total);
        return new RoiReport(costSummary, priced, intangibles, benefits, isolatedFigures.bcr(),
                isolatedFigures.roiPercent(), RoiReport.Figures.of(unisolated, total),
                standardsBroken(metrics, priced));
    }

    private static List<ConservativeStandard> standardsBroken(List<MetricInput> metrics, List<MetricBenefit> priced) {
        EnumSet<ConservativeStandard> broken = EnumSet.noneOf(ConservativeStandard.class);
        for (MetricBenefit benefit : priced) {
            if (!benefit.isolated() && benefit.improvement() != null && benefit.improvement() > 0) {
                broken.add(ConservativeStandard.NO_ISOLATION);
            }
        }
        for (MetricInput metric : metrics) {
            // only the counted estimates: a flag raised by one withheld estimate would tell of that one
            if (Isolation.counted(metric.estimates()).stream()
                    .anyMatch(e -> e.confidencePercent() < MINIMUM_CONFIDENCE_PERCENT)) {
                broken.add(ConservativeStandard.LOW_CONFIDENCE_ESTIMATE);
            }
            if (metric.definition().isPriced() && metric.daysFromBaselineToLatest() != null
                    && metric.daysFromBaselineToLatest() > FIRST_YEAR_DAYS) {
                broken.add(ConservativeStandard.BENEFITS_BEYOND_FIRST_YEAR);
            }
        }
        return List.copyOf(broken);
    }

    /**
     * Units of improvement per period, floored at 0: a metric that got worse brings no benefit
     * (Phillips counts benefits only; the cost side already carries the programme's price).
     * Null if the metric lacks a baseline or a follow-up.
     */
    public static Double improvement(Direction direction, Double baseline, Double latest) {
        if (baseline == null || latest == null) {
            return null;
        }
        return Math.max(0, direction.asImprovement(latest - baseline));
    }

    private static MetricBenefit benefitOf(MetricInput metric) {
        MetricDefinition definition = metric.definition();
        Double improvement = improvement(definition.direction(), metric.baseline(), metric.latest());
        Isolation isolation = Isolation.of(metric.estimates());
        int periodsPerYear = definition.period().periodsPerYear();
        double valuePerUnit = definition.valuePerUnit();
        Double annualBenefit = improvement == null
                ? null
                : improvement * periodsPerYear * valuePerUnit * isolation.factor();
        return new MetricBenefit(metric.metricId(), metric.name(), improvement, periodsPerYear, valuePerUnit,
                isolation.factor(), isolation.isolated(), isolation.estimatesCounted(), isolation.estimatesWithheld(),
                annualBenefit);
    }

    private static Intangible intangibleOf(MetricInput metric) {
        Double changePercent = OutcomeAnalysis.changePercent(metric.baseline(), metric.latest());
        Double improvementPercent = changePercent == null
                ? null
                : metric.definition().direction().asImprovement(changePercent);
        return new Intangible(metric.metricId(), metric.name(), improvementPercent);
    }

    private static CostSummary summarise(List<Cost> costs) {
        Map<CostCategory, Double> byCategory = new EnumMap<>(CostCategory.class);
        double total = 0;
        for (Cost cost : costs) {
            Objects.requireNonNull(cost, "cost");
            byCategory.merge(cost.category(), cost.amount(), Double::sum);
            total += cost.amount();
        }
        return new CostSummary(total, byCategory);
    }
}
