package org.actionlearning.analytics.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunChartTest {

    @Test
    void centreLineIsTheMedianOfTheBaseline() {
        assertThat(RunChart.centreLine(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
        assertThat(RunChart.centreLine(List.of(4.0, 1.0, 3.0, 10.0))).isEqualTo((3.0 + 4.0) / 2);
        assertThat(RunChart.centreLine(List.of())).isNull();
    }

    @Test
    void shiftNeedsSixPointsOnTheImprovingSide() {
        // centre 10, DECREASE: below is better
        assertThat(RunChart.hasShift(Direction.DECREASE, 10, List.of(9.0, 8.0, 9.5, 7.0, 9.0, 8.0))).isTrue();
        assertThat(RunChart.hasShift(Direction.DECREASE, 10, List.of(9.0, 8.0, 9.5, 7.0, 9.0))).isFalse();
        // above is the worse side for DECREASE
        assertThat(RunChart.hasShift(Direction.DECREASE, 10, List.of(11.0, 12.0, 11.0, 13.0, 12.0, 11.0))).isFalse();
        assertThat(RunChart.hasShift(Direction.INCREASE, 10, List.of(11.0, 12.0, 11.0, 13.0, 12.0, 11.0))).isTrue();
    }

    @Test
    void aPointOnTheCentreLineNeitherCountsNorBreaksTheRun() {
        // five below, one on the line, one below: six that count
        assertThat(RunChart.hasShift(Direction.DECREASE, 10,
                List.of(9.0, 9.0, 9.0, 9.0, 9.0, 10.0, 9.0))).isTrue();
        // five below and one on the line: only five count
        assertThat(RunChart.hasShift(Direction.DECREASE, 10,
                List.of(9.0, 9.0, 9.0, 10.0, 9.0, 9.0))).isFalse();
    }

    @Test
    void aPointOnTheWorseSideBreaksTheRun() {
        assertThat(RunChart.hasShift(Direction.INCREASE, 10,
                List.of(11.0, 11.0, 11.0, 9.0, 11.0, 11.0, 11.0))).isFalse();
    }

    @Test
    void trendNeedsFivePointsEachBetterThanTheOneBefore() {
        assertThat(RunChart.hasTrend(Direction.INCREASE, List.of(1.0, 2.0, 3.0, 4.0, 5.0))).isTrue();
        assertThat(RunChart.hasTrend(Direction.INCREASE, List.of(1.0, 2.0, 3.0, 4.0))).isFalse();
        assertThat(RunChart.hasTrend(Direction.DECREASE, List.of(1.0, 2.0, 3.0, 4.0, 5.0))).isFalse();
        assertThat(RunChart.hasTrend(Direction.DECREASE, List.of(9.0, 7.0, 6.0, 4.0, 1.0))).isTrue();
    }

    @Test
    void equalNeighboursNeitherCountNorBreakATrend() {
        // 1, 2, 2, 3, 3, 4, 5: counting only changes, five rising points
        assertThat(RunChart.hasTrend(Direction.INCREASE, List.of(1.0, 2.0, 2.0, 3.0, 3.0, 4.0, 5.0))).isTrue();
        // 1, 2, 2, 3, 4: four rising points
        assertThat(RunChart.hasTrend(Direction.INCREASE, List.of(1.0, 2.0, 2.0, 3.0, 4.0))).isFalse();
    }

    @Test
    void aStepBackRestartsTheTrend() {
        // 1, 2, 3, 4, then 3 restarts: 3, 4, 5, 6 is four rising points
        assertThat(RunChart.hasTrend(Direction.INCREASE, List.of(1.0, 2.0, 3.0, 4.0, 3.0, 4.0, 5.0, 6.0))).isFalse();
        // ... and 7 makes it five
        assertThat(RunChart.hasTrend(Direction.INCREASE,
                List.of(1.0, 2.0, 3.0, 4.0, 3.0, 4.0, 5.0, 6.0, 7.0))).isTrue();
    }

    @Test
    void signalsInOrderAndNoShiftWithoutACentreLine() {
        List<Double> falling = List.of(9.0, 8.0, 7.0, 6.0, 5.0, 4.0);
        assertThat(RunChart.signals(Direction.DECREASE, 10.0, falling)).containsExactly(Signal.SHIFT, Signal.TREND);
        assertThat(RunChart.signals(Direction.DECREASE, null, falling)).containsExactly(Signal.TREND);
        assertThat(RunChart.signals(Direction.INCREASE, 10.0, falling)).isEmpty();
    }
}
