package org.actionlearning.analytics.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartPhaseTest {

    private static final List<Measurement> BASELINE = List.of(point("2026-01-05", 100), point("2026-01-12", 110),
            point("2026-01-19", 90));
    private static final List<Measurement> FOLLOW_UPS = List.of(point("2026-02-02", 98), point("2026-02-16", 95),
            point("2026-03-02", 80), point("2026-03-16", 78), point("2026-03-30", 84), point("2026-04-13", 79));

    @Test
    void withoutRebasingThereIsTheBaselinePhaseOnly() {
        List<ChartPhase> phases = ChartPhase.of(BASELINE, FOLLOW_UPS, List.of());

        assertThat(phases).hasSize(1);
        assertThat(phases.get(0).startsOn()).isEqualTo(LocalDate.parse("2026-01-05"));
        assertThat(phases.get(0).centreLine()).isEqualTo(100.0);
        assertThat(phases.get(0).xmr().lower()).isCloseTo(100 - 2.66 * 15, within(1e-12));
    }

    @Test
    void aRebasedPhaseTakesItsLevelFromAsManyOfItsOwnPointsAsTheBaselineHad() {
        List<ChartPhase> phases = ChartPhase.of(BASELINE, FOLLOW_UPS, List.of(LocalDate.parse("2026-03-01")));

        ChartPhase rebased = phases.get(1);
        assertThat(rebased.startsOn()).isEqualTo(LocalDate.parse("2026-03-01"));
        assertThat(rebased.points()).isEqualTo(4);                 // 80, 78, 84, 79
        assertThat(rebased.centreLine()).isEqualTo(80.0);           // median of the first three: 80, 78, 84
        // mean 242 / 3; moving ranges 2 and 6 -> 4
        assertThat(rebased.xmr().centre()).isCloseTo(242.0 / 3, within(1e-12));
        assertThat(rebased.xmr().upper()).isCloseTo(242.0 / 3 + 2.66 * 4, within(1e-12));
    }

    @Test
    void aPhaseWithTooFewPointsHasNoLevelYet() {
        List<ChartPhase> phases = ChartPhase.of(BASELINE, FOLLOW_UPS, List.of(LocalDate.parse("2026-04-01")));

        assertThat(phases.get(1).points()).isEqualTo(1);
        assertThat(phases.get(1).centreLine()).isNull();
        assertThat(phases.get(1).xmr()).isNull();
    }

    private static Measurement point(String on, double value) {
        return new Measurement(LocalDate.parse(on), value);
    }
}
