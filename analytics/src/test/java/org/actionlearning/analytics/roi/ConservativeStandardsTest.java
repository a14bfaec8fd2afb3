package org.actionlearning.analytics.roi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.UUID;
import org.actionlearning.analytics.outcomes.Direction;
import org.actionlearning.analytics.outcomes.MetricDefinition;
import org.actionlearning.analytics.outcomes.Period;
import org.junit.jupiter.api.Test;

class ConservativeStandardsTest {

    private static final MetricDefinition ENERGY = new MetricDefinition(Direction.DECREASE, Period.WEEK, 100.0, null);
    private static final List<Cost> COSTS = List.of(new Cost(CostCategory.MATERIALS, 1_000));

    @Test
    void theRoiIsShownWithAndWithoutIsolation() {
        // 2 kWh/week × 52 × 100 = 10,400 before isolation; × (0.6 + 0.5 + 0.55) / 3 = 0.55: 5,720 after
        MetricInput energy = new MetricInput(UUID.randomUUID(), "energy", ENERGY, 100.0, 98.0,
                List.of(new AttributionEstimate(80, 75), new AttributionEstimate(50, 100),
                        new AttributionEstimate(55, 100)), 90);

        RoiReport report = RoiCalculator.calculate(COSTS, List.of(energy));

        assertThat(report.benefits()).isCloseTo(2 * 52 * 100 * 0.55, within(1e-9));
        assertThat(report.roiPercent()).isCloseTo((5_720.0 - 1_000) / 1_000 * 100, within(1e-9));
        assertThat(report.withoutIsolation().benefits()).isCloseTo(10_400.0, within(1e-9));
        assertThat(report.withoutIsolation().bcr()).isCloseTo(10.4, within(1e-12));
        assertThat(report.withoutIsolation().roiPercent()).isCloseTo(940.0, within(1e-9));
        assertThat(report.standardsBroken()).isEmpty();
    }

    @Test
    void anImprovementWithoutAnEstimateIsFlagged() {
        MetricInput energy = new MetricInput(UUID.randomUUID(), "energy", ENERGY, 100.0, 98.0, List.of(), 90);

        assertThat(RoiCalculator.calculate(COSTS, List.of(energy)).standardsBroken())
                .containsExactly(ConservativeStandard.NO_ISOLATION);
    }

    @Test
    void anEstimateUnderFiftyPercentConfidenceIsFlagged() {
        MetricInput energy = new MetricInput(UUID.randomUUID(), "energy", ENERGY, 100.0, 98.0,
                List.of(new AttributionEstimate(80, 49.9), new AttributionEstimate(50, 100),
                        new AttributionEstimate(60, 100)), 90);

        assertThat(RoiCalculator.calculate(COSTS, List.of(energy)).standardsBroken())
                .containsExactly(ConservativeStandard.LOW_CONFIDENCE_ESTIMATE);
    }

    @Test
    void anEstimateNotCountedYetRaisesNoFlag() {
        // the fourth estimate is withheld until a group of three is complete: its low confidence must not show
        MetricInput energy = new MetricInput(UUID.randomUUID(), "energy", ENERGY, 100.0, 98.0,
                List.of(new AttributionEstimate(80, 75), new AttributionEstimate(50, 100),
                        new AttributionEstimate(55, 100), new AttributionEstimate(80, 10)), 90);

        assertThat(RoiCalculator.calculate(COSTS, List.of(energy)).standardsBroken()).isEmpty();
    }

    @Test
    void fewerThanThreeEstimatesLeaveTheImprovementUnisolated() {
        MetricInput energy = new MetricInput(UUID.randomUUID(), "energy", ENERGY, 100.0, 98.0,
                List.of(new AttributionEstimate(80, 10), new AttributionEstimate(50, 100)), 90);

        assertThat(RoiCalculator.calculate(COSTS, List.of(energy)).standardsBroken())
                .containsExactly(ConservativeStandard.NO_ISOLATION);
    }

    @Test
    void anImprovementMeasuredMoreThanAYearAfterTheBaselineIsFlagged() {
        List<AttributionEstimate> three = List.of(new AttributionEstimate(80, 75), new AttributionEstimate(80, 75),
                new AttributionEstimate(80, 75));
        MetricInput atAYear = new MetricInput(UUID.randomUUID(), "energy", ENERGY, 100.0, 98.0, three, 365);
        MetricInput later = new MetricInput(UUID.randomUUID(), "energy", ENERGY, 100.0, 98.0, three, 366);

        assertThat(RoiCalculator.calculate(COSTS, List.of(atAYear)).standardsBroken()).isEmpty();
        assertThat(RoiCalculator.calculate(COSTS, List.of(later)).standardsBroken())
                .containsExactly(ConservativeStandard.BENEFITS_BEYOND_FIRST_YEAR);
    }

    @Test
    void aMetricThatDidNotImproveNeedsNoIsolation() {
        MetricInput worse = new MetricInput(UUID.randomUUID(), "energy", ENERGY, 100.0, 104.0, List.of(), 90);

        assertThat(RoiCalculator.calculate(COSTS, List.of(worse)).standardsBroken()).isEmpty();
    }
}
