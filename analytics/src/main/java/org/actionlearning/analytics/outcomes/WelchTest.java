package org.actionlearning.analytics.outcomes;

import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.stat.inference.TTest;

/** Significance of a change: Welch's two-sided t-test (unequal variances). */
public final class WelchTest {

    private static final TTest T_TEST = new TTest();

    private WelchTest() {
    }

    /**
     * The two-sided p-value of Welch's t-test of {@code first} against {@code second}; null if
     * either sample has fewer than 2 values, or if the test is undefined (both samples without
     * variance: the standard error is 0, so commons-math yields NaN or throws).
     */
    public static Double pValue(double[] first, double[] second) {
        if (first.length < 2 || second.length < 2) {
            return null;
        }
        try {
            // commons-math3's tTest(double[], double[]) does not assume equal variances: it is
            // Welch's test with the Welch–Satterthwaite degrees of freedom.
            double p = T_TEST.tTest(first, second);
            return Double.isNaN(p) ? null : p;
        } catch (MathIllegalArgumentException undefined) {
            return null;
        }
    }
}
