package org.actionlearning.query.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NumbersTest {

    private final Numbers numbers = new Numbers();

    @Test
    void eachKindHasOneFormat() {
        assertThat(numbers.format("count", 12_345)).isEqualTo("12,345");
        assertThat(numbers.format("ratio", 0.26666)).isEqualTo("0.27");
        assertThat(numbers.format("percent-of-ratio", 0.5)).isEqualTo("50.0%");
        assertThat(numbers.format("percent", 201.64)).isEqualTo("201.6%");
        assertThat(numbers.format("money", 35_744.0)).isEqualTo("35,744.00");
        assertThat(numbers.format("value", 84.0)).isEqualTo("84");
        assertThat(numbers.format("value", 100.125)).isEqualTo("100.13");
        assertThat(numbers.format("p-value", 0.02774)).isEqualTo("0.028");
        assertThat(numbers.date(LocalDate.of(2026, 2, 2))).isEqualTo("2026-02-02");
        // an instant in the same order, as the date-time fields take it back
        assertThat(numbers.instant(java.time.Instant.parse("2026-03-26T09:00:05Z")))
                .isEqualTo("2026-03-26 09:00:05 UTC");
    }

    @Test
    void negativesTakeATypographicMinusAndChangesASign() {
        assertThat(numbers.format("signed-percent", -16.0)).isEqualTo("−16.0%");
        assertThat(numbers.format("signed-percent", 13.333)).isEqualTo("+13.3%");
        assertThat(numbers.format("percent", -40.0)).isEqualTo("−40.0%");
    }

    @Test
    void aValueThatRoundsToZeroHasNoSign() {
        assertThat(numbers.format("signed-percent", -0.01)).isEqualTo("0.0%");
        assertThat(numbers.format("signed-percent", 0.04)).isEqualTo("0.0%");
    }

    @Test
    void undefinedValuesAndTinyPValues() {
        assertThat(numbers.format("ratio", null)).isEqualTo(Numbers.UNDEFINED);
        assertThat(numbers.date(null)).isEqualTo(Numbers.UNDEFINED);
        assertThat(numbers.format("p-value", 0.0004)).isEqualTo("< 0.001");
    }

    @Test
    void aRatioShownAsPercentTellsItsScale() {
        assertThat(numbers.scale("percent-of-ratio")).isEqualTo(100);
        assertThat(numbers.scale("money")).isEqualTo(1);
    }
}
