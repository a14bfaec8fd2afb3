package org.actionlearning.analytics.outcomes;

import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Anhøj's run-chart rules: non-random variation shows as an unusually long run on one side of the centre line,
 * or as too few crossings of it. Unlike a fixed "6 in a row", both limits grow with the number of points, which
 * keeps false alarms near 5% for short and long charts alike (Anhøj and Olesen 2014).
 *
 * @param usefulObservations follow-up points not on the centre line (n)
 * @param longestRun         the longest run of consecutive such points on the same side of the centre line
 * @param longestRunLimit    round(log2(n) + 3), half up; a longer run is a signal
 * @param crossings          times consecutive such points lie on opposite sides of the centre line
 * @param crossingsLimit     the smallest c with P(X ≤ c) ≥ 0.05 for X ~ Binomial(n − 1, 0.5); fewer is a signal
 */
public record AnhojRules(int usefulObservations, int longestRun, int longestRunLimit, int crossings,
                         int crossingsLimit) {

    /** Both rules need at least this many useful observations. */
    public static final int MINIMUM_OBSERVATIONS = 2;
    private static final double FALSE_ALARM_RATE = 0.05;

    /** The rules over follow-up values in time order; points exactly on the centre line neither count nor break a run. */
    public static AnhojRules of(double centreLine, List<Double> followUps) {
        Objects.requireNonNull(followUps, "followUps");
        int n = 0;
        int longestRun = 0;
        int run = 0;
        int crossings = 0;
        int previousSide = 0;
        for (double value : followUps) {
            int side = Double.compare(value, centreLine);
            if (side == 0) {
                continue;
            }
            n++;
            if (side == previousSide) {
                run++;
            } else {
                if (previousSide != 0) {
                    crossings++;
                }
                run = 1;
            }
            longestRun = Math.max(longestRun, run);
            previousSide = side;
        }
        return new AnhojRules(n, longestRun, longestRunLimit(n), crossings, crossingsLimit(n));
    }

    /** round(log2(n) + 3), rounding half up; 0 when there are too few points to judge. */
    public static int longestRunLimit(int n) {
        if (n < MINIMUM_OBSERVATIONS) {
            return 0;
        }
        return (int) Math.floor(Math.log(n) / Math.log(2) + 3 + 0.5);
    }

    /** The 5th percentile of Binomial(n − 1, 0.5): the fewest crossings random variation gives 95% of the time. */
    public static int crossingsLimit(int n) {
        if (n < MINIMUM_OBSERVATIONS) {
            return 0;
        }
        BinomialDistribution crossings = new BinomialDistribution(null, n - 1, 0.5);
        for (int c = 0; c < n; c++) {
            if (crossings.cumulativeProbability(c) >= FALSE_ALARM_RATE) {
                return c;
            }
        }
        return n - 1;
    }

    /** A run longer than the limit: the process has shifted (in either direction). */
    public boolean longRun() {
        return usefulObservations >= MINIMUM_OBSERVATIONS && longestRun > longestRunLimit;
    }

    /** Fewer crossings than random variation gives: the points cluster on one side. */
    public boolean fewCrossings() {
        return usefulObservations >= MINIMUM_OBSERVATIONS && crossings < crossingsLimit;
    }
}
