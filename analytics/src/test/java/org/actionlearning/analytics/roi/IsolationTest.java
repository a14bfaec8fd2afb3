package org.actionlearning.analytics.roi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class IsolationTest {

    @Test
    void withoutEstimatesTheWholeImprovementIsCreditedUnisolated() {
        assertThat(Isolation.of(List.of())).isEqualTo(new Isolation(1.0, false, 0, 0));
    }

    @Test
    void meanOfAttributionTimesConfidence() {
        // (60 × 50 + 100 × 100 + 0 × 90) / 10 000 / 3 = (0.3 + 1 + 0) / 3
        Isolation isolation = Isolation.of(List.of(
                new AttributionEstimate(60, 50), new AttributionEstimate(100, 100), new AttributionEstimate(0, 90)));

        assertThat(isolation.factor()).isEqualTo((0.3 + 1.0 + 0.0) / 3);
        assertThat(isolation.isolated()).isTrue();
        assertThat(isolation.estimatesCounted()).isEqualTo(3);
    }

    @Test
    void oneOrTwoEstimatesAreWithheldNotCounted() {
        assertThat(Isolation.of(List.of(new AttributionEstimate(70, 50))))
                .isEqualTo(new Isolation(1.0, false, 0, 1));
        assertThat(Isolation.of(List.of(new AttributionEstimate(70, 50), new AttributionEstimate(40, 90))))
                .isEqualTo(new Isolation(1.0, false, 0, 2));
    }

    @Test
    void estimatesCountOnlyInWholeGroupsOfThreeInTheirOrder() {
        // 0.35, 0.36, 0.06 | 0.81, 0.5 | : four and five count the first three, six count all six
        List<AttributionEstimate> six = List.of(new AttributionEstimate(70, 50), new AttributionEstimate(40, 90),
                new AttributionEstimate(20, 30), new AttributionEstimate(90, 90), new AttributionEstimate(50, 100),
                new AttributionEstimate(100, 100));
        double firstThree = (0.35 + 0.36 + 0.06) / 3;

        assertThat(Isolation.of(six.subList(0, 3)).factor()).isCloseTo(firstThree, within(1e-12));
        assertThat(Isolation.of(six.subList(0, 4))).isEqualTo(new Isolation(Isolation.of(six.subList(0, 3)).factor(),
                true, 3, 1));
        assertThat(Isolation.of(six.subList(0, 5)).factor()).isCloseTo(firstThree, within(1e-12));
        assertThat(Isolation.of(six.subList(0, 5)).estimatesWithheld()).isEqualTo(2);
        assertThat(Isolation.of(six).factor())
                .isCloseTo((0.35 + 0.36 + 0.06 + 0.81 + 0.5 + 1.0) / 6, within(1e-12));
        assertThat(Isolation.of(six).estimatesCounted()).isEqualTo(6);
    }

    @Test
    void percentagesOutsideZeroToHundredAreRejected() {
        assertThatThrownBy(() -> new AttributionEstimate(101, 50))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attributionPercent");
        assertThatThrownBy(() -> new AttributionEstimate(50, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("confidencePercent");
        assertThatThrownBy(() -> new Cost(CostCategory.OTHER, -5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amount");
    }
}
