package org.actionlearning.analytics.roi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.UUID;
import org.actionlearning.analytics.outcomes.Direction;
import org.actionlearning.analytics.outcomes.MetricDefinition;
import org.actionlearning.analytics.outcomes.Period;
import org.junit.jupiter.api.Test;

class RoiCalculatorTest {

    private static final UUID DELAYS = UUID.randomUUID();
    private static final UUID ENERGY = UUID.randomUUID();
    private static final UUID ENGAGEMENT = UUID.randomUUID();

    private static final List<Cost> COSTS_OF_20_000 = List.of(
            new Cost(CostCategory.FACILITATION, 12_000),
            new Cost(CostCategory.PARTICIPANT_TIME, 5_000),
            new Cost(CostCategory.PARTICIPANT_TIME, 1_000),
            new Cost(CostCategory.VENUE, 2_000));

    /** Discharge delays per month, 20 → 10, 500 per delay avoided, no estimate: 10 × 12 × 500 × 1.0 = 60,000. */
    private static MetricInput delaysWorth60000() {
        return new MetricInput(DELAYS, "discharge delays",
                new MetricDefinition(Direction.DECREASE, Period.MONTH, 500.0, null), 20.0, 10.0, List.of());
    }

    @Test
    void phillipsExampleBenefits60000OnCosts20000() {
        RoiReport report = RoiCalculator.calculate(COSTS_OF_20_000, List.of(delaysWorth60000()));

        assertThat(report.benefits()).isEqualTo((20 - 10) * 12 * 500 * 1.0);
        assertThat(report.benefits()).isEqualTo(60_000.0);
        assertThat(report.costs().total()).isEqualTo(20_000.0);
        assertThat(report.bcr()).isEqualTo(60_000.0 / 20_000); // 3.0
        assertThat(report.roiPercent()).isEqualTo((60_000.0 - 20_000) / 20_000 * 100); // 200%
        assertThat(report.bcr()).isEqualTo(3.0);
        assertThat(report.roiPercent()).isEqualTo(200.0);
    }

    @Test
    void costsByCategory() {
        CostSummary costs = RoiCalculator.calculate(COSTS_OF_20_000, List.of()).costs();

        assertThat(costs.byCategory()).containsExactly(
                entry(CostCategory.FACILITATION, 12_000.0),
                entry(CostCategory.PARTICIPANT_TIME, 5_000.0 + 1_000.0),
                entry(CostCategory.VENUE, 2_000.0));
    }

    @Test
    void metricBenefitLine() {
        MetricBenefit delays = RoiCalculator.calculate(COSTS_OF_20_000, List.of(delaysWorth60000())).metrics().get(0);

        assertThat(delays).isEqualTo(new MetricBenefit(DELAYS, "discharge delays",
                20.0 - 10.0, 12, 500.0, 1.0, false, 0, 0, 60_000.0));
    }

    @Test
    void isolationByParticipantEstimates() {
        // energy per week 100 → 98 kWh, less is better: improvement = baseline − latest = 2 kWh/week
        // estimates (80% × 75%), (50% × 100%) and (55% × 100%): mean of 0.6, 0.5 and 0.55 = 0.55
        MetricInput energy = new MetricInput(ENERGY, "energy",
                new MetricDefinition(Direction.DECREASE, Period.WEEK, 100.0, null), 100.0, 98.0,
                List.of(new AttributionEstimate(80, 75), new AttributionEstimate(50, 100),
                        new AttributionEstimate(55, 100)));

        RoiReport report = RoiCalculator.calculate(List.of(new Cost(CostCategory.MATERIALS, 1_000)), List.of(energy));
        MetricBenefit line = report.metrics().get(0);

        assertThat(line.isolationFactor())
                .isCloseTo((80 * 75 / 10_000.0 + 50 * 100 / 10_000.0 + 55 * 100 / 10_000.0) / 3, within(1e-12));
        assertThat(line.isolationFactor()).isCloseTo(0.55, within(1e-12));
        assertThat(line.isolated()).isTrue();
        assertThat(line.estimatesCounted()).isEqualTo(3);
        assertThat(line.estimatesWithheld()).isZero();
        assertThat(line.improvement()).isCloseTo(2.0, within(1e-12));
        assertThat(line.annualBenefit()).isCloseTo(2 * 52 * 100 * 0.55, within(1e-9)); // 5,720
        assertThat(report.bcr()).isCloseTo(5_720.0 / 1_000, within(1e-12));
        assertThat(report.roiPercent()).isCloseTo((5_720.0 - 1_000) / 1_000 * 100, within(1e-9)); // 472%
    }

    @Test
    void twoEstimatesAreWithheldAndTheBenefitCountsInFull() {
        // 2 kWh/week × 52 × 100 = 10,400, not isolated: two estimates would show each member's through the factor
        MetricInput energy = new MetricInput(ENERGY, "energy",
                new MetricDefinition(Direction.DECREASE, Period.WEEK, 100.0, null), 100.0, 98.0,
                List.of(new AttributionEstimate(80, 75), new AttributionEstimate(50, 100)));

        MetricBenefit line = RoiCalculator.calculate(List.of(), List.of(energy)).metrics().get(0);

        assertThat(line.isolationFactor()).isEqualTo(1.0);
        assertThat(line.isolated()).isFalse();
        assertThat(line.estimatesCounted()).isZero();
        assertThat(line.estimatesWithheld()).isEqualTo(2);
        assertThat(line.annualBenefit()).isCloseTo(10_400.0, within(1e-9));
    }

    @Test
    void aWorseningIsFlooredAtZeroImprovement() {
        // INCREASE metric fell from 50 to 40: latest − baseline = −10, floored at 0
        MetricInput sales = new MetricInput(UUID.randomUUID(), "sales per quarter",
                new MetricDefinition(Direction.INCREASE, Period.QUARTER, 1_000.0, null), 50.0, 40.0, List.of());

        RoiReport report = RoiCalculator.calculate(COSTS_OF_20_000, List.of(sales));

        assertThat(report.metrics().get(0).improvement()).isEqualTo(0.0);
        assertThat(report.metrics().get(0).annualBenefit()).isEqualTo(0.0);
        assertThat(report.benefits()).isEqualTo(0.0);
        assertThat(report.bcr()).isEqualTo(0.0);
        assertThat(report.roiPercent()).isEqualTo(-100.0); // (0 − 20,000) / 20,000 × 100
    }

    @Test
    void periodsPerYearAnnualiseTheImprovement() {
        // 1 unit better per day, 2 per unit: 1 × 365 × 2; per year: 1 × 1 × 2
        MetricInput daily = new MetricInput(UUID.randomUUID(), "daily",
                new MetricDefinition(Direction.INCREASE, Period.DAY, 2.0, null), 10.0, 11.0, List.of());
        MetricInput yearly = new MetricInput(UUID.randomUUID(), "yearly",
                new MetricDefinition(Direction.INCREASE, Period.YEAR, 2.0, null), 10.0, 11.0, List.of());

        RoiReport report = RoiCalculator.calculate(List.of(), List.of(daily, yearly));

        assertThat(report.metrics()).extracting(MetricBenefit::annualBenefit)
                .containsExactly(1.0 * 365 * 2, 1.0 * 1 * 2);
        assertThat(report.benefits()).isEqualTo(730.0 + 2.0);
    }

    @Test
    void intangiblesAreListedWithImprovementButNotPriced() {
        MetricInput engagement = new MetricInput(ENGAGEMENT, "engagement",
                new MetricDefinition(Direction.INCREASE, Period.QUARTER, null, null), 3.2, 3.6,
                List.of(new AttributionEstimate(50, 50)));

        RoiReport report = RoiCalculator.calculate(COSTS_OF_20_000, List.of(delaysWorth60000(), engagement));

        assertThat(report.benefits()).isEqualTo(60_000.0);
        assertThat(report.metrics()).extracting(MetricBenefit::metricId).containsExactly(DELAYS);
        assertThat(report.intangibles()).hasSize(1);
        Intangible intangible = report.intangibles().get(0);
        assertThat(intangible.metricId()).isEqualTo(ENGAGEMENT);
        // (3.6 − 3.2) / 3.2 × 100
        assertThat(intangible.improvementPercent()).isCloseTo(12.5, within(1e-9));
    }

    @Test
    void noCostsMeansNoRatios() {
        RoiReport report = RoiCalculator.calculate(List.of(), List.of(delaysWorth60000()));

        assertThat(report.costs().total()).isEqualTo(0.0);
        assertThat(report.costs().byCategory()).isEmpty();
        assertThat(report.benefits()).isEqualTo(60_000.0);
        assertThat(report.bcr()).isNull();
        assertThat(report.roiPercent()).isNull();
    }

    @Test
    void aMetricWithoutFollowUpHasNoImprovementAndAddsNoBenefit() {
        MetricInput unmeasured = new MetricInput(UUID.randomUUID(), "unmeasured",
                new MetricDefinition(Direction.DECREASE, Period.MONTH, 500.0, null), 20.0, null, List.of());

        RoiReport report = RoiCalculator.calculate(COSTS_OF_20_000, List.of(delaysWorth60000(), unmeasured));

        assertThat(report.metrics().get(1).improvement()).isNull();
        assertThat(report.metrics().get(1).annualBenefit()).isNull();
        assertThat(report.benefits()).isEqualTo(60_000.0);
    }
}
