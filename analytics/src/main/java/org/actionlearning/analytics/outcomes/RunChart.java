package org.actionlearning.analytics.outcomes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.actionlearning.analytics.Statistics;

/**
 * Run-chart rules (IHI) for telling a real improvement from random variation. The centre line
 * is the median of the baseline points; follow-up values are passed in time order.
 */
public final class RunChart {

    /** Consecutive points on the improving side that make a {@link Signal#SHIFT}. */
    public static final int SHIFT_POINTS = 6;
    /** Consecutive points, each better than the one before, that make a {@link Signal#TREND}. */
    public static final int TREND_POINTS = 5;

    private RunChart() {
    }

    /** The median of the baseline values; null if there are none. */
    public static Double centreLine(List<Double> baselineValues) {
        return Statistics.median(Statistics.toArray(baselineValues));
    }

    /** The signals present, in the order SHIFT, TREND. A SHIFT needs a centre line; a TREND does not. */
    public static List<Signal> signals(Direction direction, Double centreLine, List<Double> followUps) {
        List<Signal> signals = new ArrayList<>();
        if (centreLine != null && hasShift(direction, centreLine, followUps)) {
            signals.add(Signal.SHIFT);
        }
        if (hasTrend(direction, followUps)) {
            signals.add(Signal.TREND);
        }
        return List.copyOf(signals);
    }

    /**
     * 6 or more consecutive points on the improving side of the centre line. A point exactly on
     * the centre line is skipped: it is on neither side, so it is no evidence of a shift, and
     * letting it break the run would make the rule depend on how the values happen to be rounded.
     */
    public static boolean hasShift(Direction direction, double centreLine, List<Double> followUps) {
        Objects.requireNonNull(direction, "direction");
        int run = 0;
        for (double value : followUps) {
            if (value == centreLine) {
                continue;
            }
            run = direction.isBetter(value, centreLine) ? run + 1 : 0;
            if (run >= SHIFT_POINTS) {
                return true;
            }
        }
        return false;
    }

    /**
     * 5 or more consecutive points, each better than the one before. A point equal to its
     * predecessor is skipped (IHI: "like values are not counted"): a plateau neither adds to the
     * trend nor breaks it.
     */
    public static boolean hasTrend(Direction direction, List<Double> followUps) {
        Objects.requireNonNull(direction, "direction");
        Double previous = null;
        int run = 0;
        for (double value : followUps) {
            if (previous != null && value == previous) {
                continue;
            }
            run = previous != null && direction.isBetter(value, previous) ? run + 1 : 1;
            if (run >= TREND_POINTS) {
                return true;
            }
            previous = value;
        }
        return false;
    }
}
