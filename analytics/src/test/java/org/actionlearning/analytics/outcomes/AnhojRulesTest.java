package org.actionlearning.analytics.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnhojRulesTest {

    /**
     * The limits as tabulated by Anhøj and Olesen (2014) for charts of n useful observations: the longest run
     * allowed and the fewest crossings expected.
     */
    @ParameterizedTest(name = "n = {0}: longest run ≤ {1}, crossings ≥ {2}")
    @CsvSource({"10, 6, 2", "11, 6, 2", "12, 7, 3", "13, 7, 3", "14, 7, 4", "15, 7, 4", "16, 7, 4", "17, 7, 5",
            "18, 7, 5", "19, 7, 6", "20, 7, 6", "24, 8, 8", "30, 8, 10", "40, 8, 14", "50, 9, 19"})
    void limitsMatchThePublishedTable(int n, int longestRun, int crossings) {
        assertThat(AnhojRules.longestRunLimit(n)).isEqualTo(longestRun);
        assertThat(AnhojRules.crossingsLimit(n)).isEqualTo(crossings);
    }

    @Test
    void countsRunsAndCrossingsSkippingPointsOnTheCentreLine() {
        // centre 10; sides: + + 0 + - - - - - - - + (0 skipped): n = 11
        List<Double> points = List.of(12.0, 11.0, 10.0, 13.0, 9.0, 8.0, 7.0, 9.5, 8.5, 9.0, 6.0, 14.0);

        AnhojRules rules = AnhojRules.of(10.0, points);

        assertThat(rules.usefulObservations()).isEqualTo(11);
        assertThat(rules.longestRun()).isEqualTo(7);   // the seven points below 10
        assertThat(rules.crossings()).isEqualTo(2);    // + to -, - to +
        assertThat(rules.longestRunLimit()).isEqualTo(6);   // round(log2(11) + 3) = round(6.46)
        assertThat(rules.crossingsLimit()).isEqualTo(2);
        assertThat(rules.longRun()).isTrue();          // 7 > 6
        assertThat(rules.fewCrossings()).isFalse();    // 2 is not < 2
    }

    @Test
    void randomLookingSeriesGivesNoSignal() {
        // alternating around the centre: n = 10, longest run 1, crossings 9
        List<Double> points = List.of(11.0, 9.0, 11.0, 9.0, 11.0, 9.0, 11.0, 9.0, 11.0, 9.0);

        AnhojRules rules = AnhojRules.of(10.0, points);

        assertThat(rules.longestRun()).isEqualTo(1);
        assertThat(rules.crossings()).isEqualTo(9);
        assertThat(rules.longRun()).isFalse();
        assertThat(rules.fewCrossings()).isFalse();
    }

    @Test
    void tooFewPointsJudgeNothing() {
        AnhojRules rules = AnhojRules.of(10.0, List.of(12.0, 10.0));

        assertThat(rules.usefulObservations()).isEqualTo(1);
        assertThat(rules.longRun()).isFalse();
        assertThat(rules.fewCrossings()).isFalse();
    }
}
