package org.actionlearning.analytics.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class ParticipationBalanceTest {

    private static final Offset<Double> EXACT = within(1e-12);

    @Test
    void giniOfFourOneZeroZero() {
        // pairs i<j: |4-1|=3, |4-0|=4, |4-0|=4, |1-0|=1, |1-0|=1, |0-0|=0; every pair counted twice
        double sumOfDifferences = 2 * (3 + 4 + 4 + 1 + 1 + 0); // 26
        double mean = (4 + 1 + 0 + 0) / 4.0; // 1.25
        double expected = sumOfDifferences / (2 * 4 * 4 * mean); // 26 / 40
        assertThat(ParticipationBalance.gini(4, 1, 0, 0)).isCloseTo(expected, EXACT).isCloseTo(0.65, EXACT);
    }

    @Test
    void giniOfEqualSharesIsZeroAndOfOneVoiceIsNMinusOneOverN() {
        assertThat(ParticipationBalance.gini(3, 3, 3)).isEqualTo(0.0);
        // one voice among 5: Σ|xi-xj| = 2 * 4 * 7 = 56, mean = 7/5, so 56 / (2 * 25 * 7/5) = 56/70
        assertThat(ParticipationBalance.gini(7, 0, 0, 0, 0)).isCloseTo(56.0 / 70, EXACT).isCloseTo(0.8, EXACT);
        assertThat(ParticipationBalance.gini(5)).isEqualTo(0.0);
    }

    @Test
    void giniIsNullWhenNobodySpokeOrNobodyAttended() {
        assertThat(ParticipationBalance.gini(0, 0, 0)).isNull();
        assertThat(ParticipationBalance.gini()).isNull();
    }

    @Test
    void normalisedEntropyOfFourOneZeroZero() {
        // shares 4/5 and 1/5; the silent members add 0 ln 0 = 0; divided by ln 4
        double expected = -(0.8 * Math.log(0.8) + 0.2 * Math.log(0.2)) / Math.log(4);
        assertThat(ParticipationBalance.normalisedEntropy(4, 1, 0, 0))
                .isCloseTo(expected, EXACT)
                .isCloseTo(0.360964, within(1e-6));
    }

    @Test
    void normalisedEntropyOfTwoOneOne() {
        // shares 1/2, 1/4, 1/4: −(½ ln ½ + 2 × ¼ ln ¼) / ln 3
        double expected = -(0.5 * Math.log(0.5) + 2 * 0.25 * Math.log(0.25)) / Math.log(3);
        assertThat(ParticipationBalance.normalisedEntropy(2, 1, 1)).isCloseTo(expected, EXACT)
                .isCloseTo(0.946395, within(1e-6));
    }

    @Test
    void normalisedEntropyIsOneWhenEvenAndZeroForOneVoice() {
        assertThat(ParticipationBalance.normalisedEntropy(2, 2, 2, 2)).isCloseTo(1.0, EXACT);
        assertThat(ParticipationBalance.normalisedEntropy(9, 0, 0)).isEqualTo(0.0);
    }

    @Test
    void normalisedEntropyIsNullForFewerThanTwoAttendeesOrSilence() {
        assertThat(ParticipationBalance.normalisedEntropy(5)).isNull();
        assertThat(ParticipationBalance.normalisedEntropy()).isNull();
        assertThat(ParticipationBalance.normalisedEntropy(0, 0)).isNull();
    }

    @Test
    void dominanceIsNTimesTheLargestShare() {
        // n = 4, largest share 4/5: 4 × 0.8
        assertThat(ParticipationBalance.dominance(4, 1, 0, 0)).isCloseTo(4 * (4.0 / 5), EXACT).isCloseTo(3.2, EXACT);
        assertThat(ParticipationBalance.dominance(3, 3, 3)).isCloseTo(1.0, EXACT);
        assertThat(ParticipationBalance.dominance(6, 0, 0)).isCloseTo(3.0, EXACT);
    }

    @Test
    void dominanceIsNullWhenNobodySpoke() {
        assertThat(ParticipationBalance.dominance(0, 0)).isNull();
        assertThat(ParticipationBalance.dominance()).isNull();
    }

    @Test
    void negativeCountsAreRejected() {
        assertThatThrownBy(() -> ParticipationBalance.gini(1, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contribution count");
    }
}
