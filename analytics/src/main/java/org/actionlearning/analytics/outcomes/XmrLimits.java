package org.actionlearning.analytics.outcomes;

import java.util.List;
import java.util.Objects;

/**
 * Individuals (XmR) control limits from the baseline: the centre is the baseline mean and the limits lie
 * 2.66 average moving ranges either side of it (2.66 = 3 / d2, d2 = 1.128 for ranges of two points).
 *
 * @param centre       mean of the baseline points
 * @param movingRange  mean of |x(i) − x(i−1)| over the baseline points in date order
 * @param lower        centre − 2.66 × movingRange
 * @param upper        centre + 2.66 × movingRange
 */
public record XmrLimits(double centre, double movingRange, double lower, double upper) {

    public static final double SCALING = 2.66;

    /** Limits from baseline values in date order; null with fewer than 2 points. */
    public static XmrLimits fromBaseline(List<Double> baselineInTime) {
        Objects.requireNonNull(baselineInTime, "baselineInTime");
        if (baselineInTime.size() < 2) {
            return null;
        }
        double sum = 0;
        double ranges = 0;
        for (int i = 0; i < baselineInTime.size(); i++) {
            sum += baselineInTime.get(i);
            if (i > 0) {
                ranges += Math.abs(baselineInTime.get(i) - baselineInTime.get(i - 1));
            }
        }
        double centre = sum / baselineInTime.size();
        double movingRange = ranges / (baselineInTime.size() - 1);
        return new XmrLimits(centre, movingRange, centre - SCALING * movingRange, centre + SCALING * movingRange);
    }

    /** Whether a value lies beyond the limit on the improving side (below the lower one for a DECREASE metric). */
    public boolean beyondOnImprovingSide(Direction direction, double value) {
        return direction == Direction.DECREASE ? value < lower : value > upper;
    }

    /** The follow-ups beyond the limit on the improving side, in the order given. */
    public List<Measurement> beyondLimits(Direction direction, List<Measurement> followUps) {
        return followUps.stream().filter(m -> beyondOnImprovingSide(direction, m.value())).toList();
    }
}
