package org.actionlearning.analytics.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The run-chart rules on series built to just meet or just miss them, for both directions.
 * Offsets and steps are positive amounts in the improving direction.
 */
class RunChartProperties {

    /** A value {@code amount} better than {@code reference}. */
    private static double better(Direction direction, double reference, double amount) {
        return direction == Direction.INCREASE ? reference + amount : reference - amount;
    }

    private static double worse(Direction direction, double reference, double amount) {
        return better(direction, reference, -amount);
    }

    private static List<Double> onTheImprovingSide(Direction direction, double centre, List<Double> offsets) {
        return offsets.stream().map(offset -> better(direction, centre, offset)).toList();
    }

    /** Points each {@code step} better than the one before, from {@code start}. */
    private static List<Double> improving(Direction direction, double start, List<Double> steps) {
        List<Double> points = new ArrayList<>(List.of(start));
        for (double step : steps) {
            points.add(better(direction, points.get(points.size() - 1), step));
        }
        return points;
    }

    // --- SHIFT: 6 consecutive points on the improving side

    @Property(tries = 200)
    void sixPointsOnTheImprovingSideMakeAShift(@ForAll Direction direction,
            @ForAll @DoubleRange(min = -1000, max = 1000) double centre,
            @ForAll @Size(6) List<@DoubleRange(min = 0.01, max = 100) Double> offsets) {
        assertThat(RunChart.hasShift(direction, centre, onTheImprovingSide(direction, centre, offsets))).isTrue();
    }

    @Property(tries = 200)
    void fivePointsOnTheImprovingSideDoNot(@ForAll Direction direction,
            @ForAll @DoubleRange(min = -1000, max = 1000) double centre,
            @ForAll @Size(5) List<@DoubleRange(min = 0.01, max = 100) Double> offsets) {
        assertThat(RunChart.hasShift(direction, centre, onTheImprovingSide(direction, centre, offsets))).isFalse();
    }

    @Property(tries = 200)
    void aPointOnTheCentreLineNeitherCountsNorBreaks(@ForAll Direction direction,
            @ForAll @DoubleRange(min = -1000, max = 1000) double centre,
            @ForAll @Size(6) List<@DoubleRange(min = 0.01, max = 100) Double> offsets,
            @ForAll @IntRange(min = 0, max = 5) int where) {
        List<Double> six = new ArrayList<>(onTheImprovingSide(direction, centre, offsets));
        List<Double> five = new ArrayList<>(six.subList(0, 5));
        six.add(where, centre);
        five.add(where, centre);

        assertThat(RunChart.hasShift(direction, centre, six)).isTrue();
        assertThat(RunChart.hasShift(direction, centre, five)).isFalse();
    }

    @Property(tries = 200)
    void aPointOnTheWorseSideBreaksTheRun(@ForAll Direction direction,
            @ForAll @DoubleRange(min = -1000, max = 1000) double centre,
            @ForAll @Size(10) List<@DoubleRange(min = 0.01, max = 100) Double> offsets,
            @ForAll @DoubleRange(min = 0.01, max = 100) double worseBy,
            @ForAll @IntRange(min = 1, max = 5) int where) {
        // ten improving points broken in the middle: two runs of five
        List<Double> series = new ArrayList<>(onTheImprovingSide(direction, centre, offsets));
        series.add(5, worse(direction, centre, worseBy));
        assertThat(RunChart.hasShift(direction, centre, series)).isFalse();

        // broken earlier, at 5 − where: a run of 5 + where >= 6 follows the break
        List<Double> longRun = new ArrayList<>(onTheImprovingSide(direction, centre, offsets));
        longRun.add(5 - where, worse(direction, centre, worseBy));
        assertThat(RunChart.hasShift(direction, centre, longRun)).isTrue();
    }

    // --- TREND: 5 consecutive points, each better than the one before

    @Property(tries = 200)
    void fiveImprovingPointsMakeATrend(@ForAll Direction direction,
            @ForAll @DoubleRange(min = -1000, max = 1000) double start,
            @ForAll @Size(4) List<@DoubleRange(min = 0.01, max = 100) Double> steps) {
        assertThat(RunChart.hasTrend(direction, improving(direction, start, steps))).isTrue();
    }

    @Property(tries = 200)
    void fourImprovingPointsDoNot(@ForAll Direction direction,
            @ForAll @DoubleRange(min = -1000, max = 1000) double start,
            @ForAll @Size(3) List<@DoubleRange(min = 0.01, max = 100) Double> steps) {
        assertThat(RunChart.hasTrend(direction, improving(direction, start, steps))).isFalse();
    }

    @Property(tries = 200)
    void equalNeighboursNeitherCountNorBreak(@ForAll Direction direction,
            @ForAll @DoubleRange(min = -1000, max = 1000) double start,
            @ForAll @Size(4) List<@DoubleRange(min = 0.01, max = 100) Double> steps,
            @ForAll @IntRange(min = 0, max = 3) int repeated) {
        List<Double> five = new ArrayList<>(improving(direction, start, steps));
        List<Double> four = new ArrayList<>(five.subList(0, 4));
        // repeat one point right after itself (twice, for good measure)
        five.add(repeated, five.get(repeated));
        five.add(repeated, five.get(repeated));
        four.add(repeated, four.get(repeated));
        four.add(repeated, four.get(repeated));

        assertThat(RunChart.hasTrend(direction, five)).isTrue();
        assertThat(RunChart.hasTrend(direction, four)).isFalse();
    }

    @Property(tries = 200)
    void aStepBackRestartsTheTrend(@ForAll Direction direction,
            @ForAll @DoubleRange(min = -1000, max = 1000) double start,
            @ForAll @Size(3) List<@DoubleRange(min = 0.01, max = 100) Double> steps,
            @ForAll @DoubleRange(min = 0.01, max = 100) double stepBack) {
        List<Double> firstFour = improving(direction, start, steps);
        double restart = worse(direction, firstFour.get(3), stepBack);
        List<Double> series = new ArrayList<>(firstFour);
        series.addAll(improving(direction, restart, steps));

        assertThat(RunChart.hasTrend(direction, series)).isFalse();
    }
}
