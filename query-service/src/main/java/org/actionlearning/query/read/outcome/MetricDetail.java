package org.actionlearning.query.read.outcome;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.actionlearning.query.read.MinimumGroup;

/**
 * One outcome metric: its definition, its points in date order and its numbers (see {@code OutcomeAnalysis}).
 *
 * @param valuePerUnit money per unit of improvement; null for an intangible
 * @param target       null if none was set
 * @param centreLine   run-chart centre line: median of the baseline points
 * @param longestRun   Anhøj: the longest run of follow-ups on one side of the centre line; null without baseline
 * @param crossings    Anhøj: how often consecutive follow-ups cross the centre line; null without baseline
 * @param xmr          individuals control limits from the baseline; null with fewer than 2 baseline points
 * @param beyondLimits follow-ups beyond the XmR limit on the improving side
 * @param phases       the run chart's phases: the baseline's, then one per rebase with its own level and limits
 * @param interventions the actions committed for the metric's challenge (from sets of three people or more)
 * @param signals      SHIFT, TREND, LONG_RUN, FEW_CROSSINGS, BEYOND_LIMITS where present
 * @param withheld     what is left out under the fewer-than-three rule (interventions of a smaller set)
 */
public record MetricDetail(UUID metricId, UUID programmeId, String name, String unit, String direction, String period,
                           Double valuePerUnit, TargetView target, List<Point> baselinePoints, List<Point> followUps,
                           Double centreLine, Double baseline, Double latest, Double changePercent,
                           Double improvementPercent, Boolean targetMet, Integer daysToTarget, Double pValue,
                           Integer longestRun, Integer longestRunLimit, Integer crossings, Integer crossingsLimit,
                           XmrView xmr, List<Point> beyondLimits, List<PhaseView> phases,
                           List<Intervention> interventions, List<String> signals,
                           List<MinimumGroup.Withheld> withheld) {

    /** An action committed for the metric's challenge: a dated marker on the run chart. */
    public record Intervention(UUID actionId, LocalDate committedOn, LocalDate completedOn) {
    }

    public record TargetView(double changePercent, int withinDays) {
    }

    public record Point(LocalDate measuredOn, double value) {
    }

    /** @param centreLine null (and xmr) until the phase has as many points as the baseline had, at least 2 */
    public record PhaseView(LocalDate startsOn, Double centreLine, XmrView xmr, int points) {
    }

    /** XmR limits: centre (baseline mean) and centre ± 2.66 average moving ranges. */
    public record XmrView(double centre, double lower, double upper) {
    }
}
