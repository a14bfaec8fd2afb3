package org.actionlearning.analytics.roi;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.actionlearning.analytics.Statistics;
import org.actionlearning.analytics.outcomes.Direction;
import org.actionlearning.analytics.outcomes.MetricDefinition;
import org.actionlearning.analytics.outcomes.OutcomeAnalysis;

/** Phillips ROI: benefits of the first year only, isolated by participant estimates. */
public final class RoiCalculator {

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
        double total = costSummary.total();
        return new RoiReport(costSummary, priced, intangibles, benefits,
                Statistics.ratio(benefits, total),
                total == 0 ? null : (benefits - total) / total * 100);
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
                isolation.factor(), isolation.isolated(), annualBenefit);
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
