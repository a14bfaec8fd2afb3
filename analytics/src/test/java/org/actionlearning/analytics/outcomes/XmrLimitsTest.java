package org.actionlearning.analytics.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class XmrLimitsTest {

    @Test
    void limitsAreTheMeanPlusMinus266AverageMovingRanges() {
        // mean 11; moving ranges 2, 1, 2, 4 -> 2.25; 2.66 × 2.25 = 5.985
        XmrLimits limits = XmrLimits.fromBaseline(List.of(10.0, 12.0, 11.0, 13.0, 9.0));

        assertThat(limits.centre()).isCloseTo(11.0, within(1e-12));
        assertThat(limits.movingRange()).isCloseTo(2.25, within(1e-12));
        assertThat(limits.lower()).isCloseTo(5.015, within(1e-12));
        assertThat(limits.upper()).isCloseTo(16.985, within(1e-12));
    }

    @Test
    void anIndividualsChartComputedByHand() {
        // eleven observations, computed by hand: sum 368.3;
        // sum of |differences| = 0.6+0.3+0.5+0.2+0.4+0.7+0.1+0.3+0.6+0.2 = 3.9 over 10 ranges -> 0.39
        List<Double> baseline = List.of(33.0, 33.6, 33.3, 33.8, 33.6, 34.0, 33.3, 33.4, 33.1, 33.7, 33.5);
        XmrLimits limits = XmrLimits.fromBaseline(baseline);

        assertThat(limits.centre()).isCloseTo(368.3 / 11, within(1e-12));
        assertThat(limits.movingRange()).isCloseTo(0.39, within(1e-12));
        assertThat(limits.upper()).isCloseTo(368.3 / 11 + 2.66 * 0.39, within(1e-12));
    }

    @Test
    void onlyPointsBeyondTheImprovingLimitCount() {
        XmrLimits limits = XmrLimits.fromBaseline(List.of(10.0, 12.0, 11.0, 13.0, 9.0));
        List<Measurement> followUps = List.of(point(1, 5.0), point(2, 17.0), point(3, 6.0), point(4, 5.015));

        assertThat(limits.beyondLimits(Direction.DECREASE, followUps)).containsExactly(point(1, 5.0));
        assertThat(limits.beyondLimits(Direction.INCREASE, followUps)).containsExactly(point(2, 17.0));
    }

    @Test
    void needsTwoBaselinePoints() {
        assertThat(XmrLimits.fromBaseline(List.of(10.0))).isNull();
    }

    private static Measurement point(int day, double value) {
        return new Measurement(LocalDate.of(2026, 3, day), value);
    }
}
