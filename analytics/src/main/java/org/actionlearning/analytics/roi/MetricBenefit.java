package org.actionlearning.analytics.roi;

import java.util.UUID;

/**
 * The first-year benefit of a metric with a money value.
 *
 * @param improvement     units per period: baseline − latest (DECREASE) or latest − baseline
 *                        (INCREASE), floored at 0; null if the metric lacks a baseline or a follow-up
 * @param periodsPerYear  of the metric's period
 * @param valuePerUnit    money per unit
 * @param isolationFactor share credited to the programme
 * @param isolated        whether the factor comes from estimates
 * @param estimatesCounted  estimates the factor counts, in whole groups of three (see {@link Isolation})
 * @param estimatesWithheld estimates given but not counted yet, so that no one person's shows
 * @param annualBenefit   improvement × periodsPerYear × valuePerUnit × isolationFactor; null with improvement
 */
public record MetricBenefit(
        UUID metricId,
        String name,
        Double improvement,
        int periodsPerYear,
        double valuePerUnit,
        double isolationFactor,
        boolean isolated,
        int estimatesCounted,
        int estimatesWithheld,
        Double annualBenefit) {
}
