package org.actionlearning.query.ui;

import java.util.List;
import java.util.Map;
import org.actionlearning.query.read.outcome.MetricDetail;
import org.actionlearning.query.read.outcome.MetricDetail.TargetView;

/**
 * One outcome metric on the sponsor dashboard: the API's metric, its headline in words and the level of its target
 * line on the run chart. Serialised as the run chart's data.
 *
 * @param target      the target in words, e.g. "15.0% lower within 92 days"; null without a target
 * @param targetLevel the value at which the improvement equals the target, measured against the baseline mean as
 *                    {@code targetMet} is; null without a target or baseline
 * @param signals     the metric's signals, each with what it means in plain words (the badges' tooltips)
 */
public record MetricCard(MetricDetail metric, String headline, String target, Double targetLevel,
                         List<SignalBadge> signals) {

    /** Plain-language meaning of each signal, for readers who are not improvement scientists. */
    private static final Map<String, String> MEANINGS = Map.of(
            "SHIFT", "6 or more follow-ups in a row on the better side of the baseline median: a sustained change",
            "TREND", "5 or more follow-ups in a row, each better than the one before",
            "LONG_RUN", "a run of follow-ups on one side of the median longer than chance allows for this many points",
            "FEW_CROSSINGS", "the follow-ups cross the baseline median less often than chance would: they cluster "
                    + "on one side",
            "BEYOND_LIMITS", "at least one follow-up lies beyond the baseline's control limit on the better side: "
                    + "more than everyday variation");

    /** A signal's name and what it means. */
    public record SignalBadge(String name, String meaning) {
    }

    static MetricCard of(MetricDetail metric, Numbers numbers) {
        String target = metric.target() == null ? null : target(metric.target(), metric.direction(), numbers);
        List<SignalBadge> signals = metric.signals().stream()
                .map(name -> new SignalBadge(name, MEANINGS.getOrDefault(name, name))).toList();
        return new MetricCard(metric, headline(metric, numbers), target, targetLevel(metric), signals);
    }

    /** E.g. "discharge delay −16.0%, target met in 42 days, p = 0.003" or "engagement +12.0%, p = 0.010". */
    static String headline(MetricDetail metric, Numbers numbers) {
        if (metric.changePercent() == null) {
            return metric.name() + ": no change to report yet (needs a baseline and a follow-up)";
        }
        StringBuilder headline = new StringBuilder(metric.name()).append(' ')
                .append(numbers.signedPercent(metric.changePercent()));
        if (Boolean.TRUE.equals(metric.targetMet())) {
            headline.append(", target met in ").append(numbers.count(metric.daysToTarget())).append(" days");
        } else if (Boolean.FALSE.equals(metric.targetMet())) {
            headline.append(", target (").append(target(metric.target(), metric.direction(), numbers))
                    .append(") not met");
        }
        if (metric.pValue() != null) {
            String p = numbers.pValue(metric.pValue());
            headline.append(p.startsWith("<") ? ", p " : ", p = ").append(p);
        }
        return headline.toString();
    }

    /** E.g. "15.0% lower within 92 days". */
    static String target(TargetView target, String direction, Numbers numbers) {
        return numbers.percent(target.changePercent()) + ("DECREASE".equals(direction) ? " lower" : " higher")
                + " within " + numbers.count(target.withinDays()) + " days";
    }

    private static Double targetLevel(MetricDetail metric) {
        if (metric.target() == null || metric.baseline() == null) {
            return null;
        }
        double change = metric.target().changePercent() / 100;
        return metric.baseline() * ("DECREASE".equals(metric.direction()) ? 1 - change : 1 + change);
    }
}
