package org.actionlearning.analytics.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

class WelchTestTest {

    /*
     * a = 19, 21, 20, 22, 18: mean 20, s² = (1 + 1 + 0 + 4 + 4) / 4 = 2.5, s²/n = 0.5
     * b = 15, 17, 16:         mean 16, s² = (1 + 1 + 0) / 2 = 1,       s²/n = 1/3
     * t  = (20 − 16) / √(0.5 + 1/3) = 4 / √(5/6) = √19.2 = 4.381780
     * df = (5/6)² / (0.5² / 4 + (1/3)² / 2) = (25/36) / (17/144) = 100/17 = 5.882353
     * two-sided p = 2 × P(T(100/17) > 4.381780) = 0.0048826 (scipy.stats.ttest_ind(a, b, equal_var=False))
     */
    private static final double[] A = {19, 21, 20, 22, 18};
    private static final double[] B = {15, 17, 16};

    @Test
    void tStatisticAndDegreesOfFreedomByHand() {
        double t = (20 - 16) / Math.sqrt(2.5 / 5 + 1.0 / 3);
        assertThat(t).isCloseTo(Math.sqrt(19.2), within(1e-12));
        assertThat(new TTest().t(A, B)).isCloseTo(t, within(1e-12));
        double df = Math.pow(2.5 / 5 + 1.0 / 3, 2) / (Math.pow(2.5 / 5, 2) / 4 + Math.pow(1.0 / 3, 2) / 2);
        assertThat(df).isCloseTo(100.0 / 17, within(1e-12));
    }

    @Test
    void pValueOfTheTextbookCaseToFourDecimals() {
        assertThat(WelchTest.pValue(A, B)).isCloseTo(0.0049, within(0.00005))
                .isCloseTo(0.0048826, within(1e-7));
    }

    @Test
    void pValueInClosedFormWithTwoDegreesOfFreedom() {
        // a = 8, 8 (no variance), b = 4, 6, 8 (mean 6, s² 4): t = 2 / √(0 + 4/3) = √3,
        // df = (4/3)² / ((4/3)² / 2) = 2, and for 2 df P(|T| > t) = 1 − t / √(t² + 2) = 1 − √3/√5
        assertThat(WelchTest.pValue(new double[] {8, 8}, new double[] {4, 6, 8}))
                .isCloseTo(1 - Math.sqrt(3) / Math.sqrt(5), within(1e-9));
    }

    @Test
    void pValueInClosedFormWithOneDegreeOfFreedom() {
        // a = 5, 5 (no variance), b = 6, 7 (mean 6.5, s² 0.5): t = −1.5 / √(0.25) = −3, df = 1 (Cauchy):
        // P(|T| > 3) = 1 − (2/π) arctan 3 = 0.204833
        assertThat(WelchTest.pValue(new double[] {5, 5}, new double[] {6, 7}))
                .isCloseTo(1 - 2 / Math.PI * Math.atan(3), within(1e-9));
    }

    @Test
    void undefinedWithFewerThanTwoOfEither() {
        assertThat(WelchTest.pValue(new double[] {1}, new double[] {1, 2, 3})).isNull();
        assertThat(WelchTest.pValue(new double[] {1, 2}, new double[] {3})).isNull();
        assertThat(WelchTest.pValue(new double[] {}, new double[] {})).isNull();
    }

    @Test
    void undefinedNotNaNWhenNeitherSampleVaries() {
        assertThat(WelchTest.pValue(new double[] {5, 5}, new double[] {7, 7, 7})).isNull();
        assertThat(WelchTest.pValue(new double[] {5, 5}, new double[] {5, 5})).isNull();
    }
}
