package org.actionlearning.analytics.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeAnalysisTest {

    private static Measurement point(String date, double value) {
        return new Measurement(LocalDate.parse(date), value);
    }

    // "15% fewer discharge delays within three months"
    private static final MetricDefinition DISCHARGE_DELAYS =
            new MetricDefinition(Direction.DECREASE, Period.MONTH, 250.0, new Target(15, 90));

    private static final List<Measurement> DELAY_BASELINE = List.of(
            point("2026-01-15", 22), point("2026-01-01", 20), point("2026-02-01", 18));

    private static final List<Measurement> DELAY_FOLLOW_UPS = List.of(
            point("2026-06-01", 16), // 120 days after the last baseline date: outside the target window
            point("2026-03-01", 19), // 28 days: 5% better
            point("2026-04-01", 17)); // 28 + 31 = 59 days: (17 − 20) / 20 = −15%, exactly the target

    @Test
    void baselineLatestAndChange() {
        OutcomeAnalysis analysis = OutcomeAnalysis.of(DISCHARGE_DELAYS, DELAY_BASELINE, DELAY_FOLLOW_UPS);

        assertThat(analysis.baseline()).isCloseTo((20 + 22 + 18) / 3.0, within(1e-12));
        assertThat(analysis.centreLine()).isEqualTo(20.0); // median of 18, 20, 22
        assertThat(analysis.latest()).isEqualTo(16.0); // the follow-up of 1 June, whatever the input order
        assertThat(analysis.changePercent()).isCloseTo((16 - 20) / 20.0 * 100, within(1e-12)); // −20
        assertThat(analysis.improvementPercent()).isCloseTo(20.0, within(1e-12));
    }

    @Test
    void targetReachedExactlyWithinTheWindow() {
        OutcomeAnalysis analysis = OutcomeAnalysis.of(DISCHARGE_DELAYS, DELAY_BASELINE, DELAY_FOLLOW_UPS);

        assertThat(analysis.targetMet()).isTrue();
        // from the LAST baseline date, 1 February, to 1 April: 28 + 31 days
        assertThat(analysis.daysToTarget()).isEqualTo(28 + 31);
    }

    @Test
    void aValueExactlyAtTheTargetMeetsItDespiteFloatingPointRounding() {
        // (43 − 100) / 100 × 100 evaluates to −56.99999999999999, yet 43 is exactly 57% below 100
        MetricDefinition fiftySevenPercent = new MetricDefinition(Direction.DECREASE, Period.DAY, null, new Target(57, 10));
        OutcomeAnalysis analysis = OutcomeAnalysis.of(fiftySevenPercent,
                List.of(point("2026-01-01", 100)), List.of(point("2026-01-11", 43)));

        assertThat(analysis.targetMet()).isTrue();
        assertThat(analysis.daysToTarget()).isEqualTo(10);
    }

    @Test
    void targetReachedOnlyAfterTheWindowIsNotMet() {
        MetricDefinition within30Days = new MetricDefinition(Direction.DECREASE, Period.MONTH, null, new Target(15, 30));
        OutcomeAnalysis analysis = OutcomeAnalysis.of(within30Days, DELAY_BASELINE, DELAY_FOLLOW_UPS);

        assertThat(analysis.targetMet()).isFalse();
        assertThat(analysis.daysToTarget()).isNull();
    }

    @Test
    void targetOnTheLastDayOfTheWindowIsMet() {
        MetricDefinition within59Days = new MetricDefinition(Direction.DECREASE, Period.MONTH, null, new Target(15, 59));
        OutcomeAnalysis analysis = OutcomeAnalysis.of(within59Days, DELAY_BASELINE, DELAY_FOLLOW_UPS);

        assertThat(analysis.targetMet()).isTrue();
        assertThat(analysis.daysToTarget()).isEqualTo(59);
    }

    @Test
    void noTargetMeansTargetMetIsUndefined() {
        MetricDefinition noTarget = new MetricDefinition(Direction.DECREASE, Period.MONTH, null, null);
        OutcomeAnalysis analysis = OutcomeAnalysis.of(noTarget, DELAY_BASELINE, DELAY_FOLLOW_UPS);

        assertThat(analysis.targetMet()).isNull();
        assertThat(analysis.daysToTarget()).isNull();
    }

    @Test
    void increaseIsBetterForEngagement() {
        MetricDefinition engagement = new MetricDefinition(Direction.INCREASE, Period.QUARTER, null, new Target(10, 180));
        OutcomeAnalysis analysis = OutcomeAnalysis.of(engagement,
                List.of(point("2026-01-01", 3.0), point("2026-01-31", 3.4)),
                List.of(point("2026-04-01", 3.4), point("2026-07-01", 3.6)));

        assertThat(analysis.baseline()).isCloseTo((3.0 + 3.4) / 2, within(1e-12));
        assertThat(analysis.changePercent()).isCloseTo((3.6 - 3.2) / 3.2 * 100, within(1e-9)); // 12.5
        assertThat(analysis.improvementPercent()).isCloseTo(12.5, within(1e-9));
        // 3.4 is 6.25% better; 3.6 on 1 July is 12.5% better, 151 days after 31 January
        assertThat(analysis.targetMet()).isTrue();
        assertThat(analysis.daysToTarget()).isEqualTo(28 + 31 + 30 + 31 + 30 + 1);
    }

    @Test
    void aChangeInTheWrongDirectionIsANegativeImprovement() {
        MetricDefinition delays = new MetricDefinition(Direction.DECREASE, Period.WEEK, null, new Target(5, 365));
        OutcomeAnalysis analysis = OutcomeAnalysis.of(delays,
                List.of(point("2026-01-01", 40)), List.of(point("2026-02-01", 50)));

        assertThat(analysis.changePercent()).isCloseTo(25.0, within(1e-12)); // (50 − 40) / 40 × 100
        assertThat(analysis.improvementPercent()).isCloseTo(-25.0, within(1e-12));
        assertThat(analysis.targetMet()).isFalse();
        assertThat(analysis.pValue()).isNull(); // one point each
    }

    @Test
    void ofTwoFollowUpsOnTheSameLatestDateTheLastRecordedIsLatest() {
        OutcomeAnalysis analysis = OutcomeAnalysis.of(DISCHARGE_DELAYS, DELAY_BASELINE,
                List.of(point("2026-03-01", 15), point("2026-03-01", 14)));

        assertThat(analysis.latest()).isEqualTo(14.0);
    }

    @Test
    void withoutBaselineOrFollowUpsTheChangeIsUndefined() {
        OutcomeAnalysis noBaseline = OutcomeAnalysis.of(DISCHARGE_DELAYS, List.of(), DELAY_FOLLOW_UPS);
        assertThat(noBaseline.baseline()).isNull();
        assertThat(noBaseline.centreLine()).isNull();
        assertThat(noBaseline.latest()).isEqualTo(16.0);
        assertThat(noBaseline.changePercent()).isNull();
        assertThat(noBaseline.improvementPercent()).isNull();
        assertThat(noBaseline.targetMet()).isNull();
        assertThat(noBaseline.pValue()).isNull();

        OutcomeAnalysis noFollowUps = OutcomeAnalysis.of(DISCHARGE_DELAYS, DELAY_BASELINE, List.of());
        assertThat(noFollowUps.latest()).isNull();
        assertThat(noFollowUps.changePercent()).isNull();
        assertThat(noFollowUps.targetMet()).isFalse(); // a target exists and has not been reached yet
        assertThat(noFollowUps.signals()).isEmpty();
    }

    @Test
    void aZeroBaselineHasNoPercentChange() {
        OutcomeAnalysis analysis = OutcomeAnalysis.of(DISCHARGE_DELAYS,
                List.of(point("2026-01-01", 0)), List.of(point("2026-02-01", 3)));

        assertThat(analysis.baseline()).isEqualTo(0.0);
        assertThat(analysis.changePercent()).isNull();
        assertThat(analysis.targetMet()).isNull();
    }

    @Test
    void pValueIsWelchsTestOfBaselineAgainstFollowUps() {
        // baseline mean 20, variance 2.5 (n 5); follow-ups mean 16, variance 1 (n 3):
        // see WelchTestTest for the hand computation, p = 0.004883
        OutcomeAnalysis analysis = OutcomeAnalysis.of(DISCHARGE_DELAYS,
                List.of(point("2026-01-01", 19), point("2026-01-02", 21), point("2026-01-03", 20),
                        point("2026-01-04", 22), point("2026-01-05", 18)),
                List.of(point("2026-02-01", 15), point("2026-02-02", 17), point("2026-02-03", 16)));

        assertThat(analysis.pValue()).isCloseTo(0.004883, within(1e-6));
    }

    @Test
    void signalsComeFromTheFollowUpsInTimeOrder() {
        // centre line 20; follow-ups, in time order 19, 18, 17, 16, 15, 14: six below the median and
        // each lower than the one before; given out of order. Anhøj: n = 6, no crossing where random variation
        // gives at least 1 (P(X <= 0) = 1/32 < 0.05 for Binomial(5, 0.5)); the run of 6 is not over round(log2 6 + 3) = 6
        OutcomeAnalysis analysis = OutcomeAnalysis.of(DISCHARGE_DELAYS, DELAY_BASELINE, List.of(
                point("2026-03-06", 14), point("2026-03-01", 19), point("2026-03-05", 15),
                point("2026-03-02", 18), point("2026-03-04", 16), point("2026-03-03", 17)));

        assertThat(analysis.signals()).containsExactly(Signal.SHIFT, Signal.TREND, Signal.FEW_CROSSINGS);
        assertThat(analysis.runChart().longestRun()).isEqualTo(6);
        assertThat(analysis.runChart().crossings()).isZero();
        assertThat(analysis.centreLine()).isEqualTo(20.0);
    }
}
