package org.actionlearning.analytics.roi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IsolationTest {

    @Test
    void withoutEstimatesTheWholeImprovementIsCreditedUnisolated() {
        assertThat(Isolation.of(List.of())).isEqualTo(new Isolation(1.0, false));
    }

    @Test
    void meanOfAttributionTimesConfidence() {
        // (60 × 50 + 100 × 100 + 0 × 90) / 10 000 / 3 = (0.3 + 1 + 0) / 3
        Isolation isolation = Isolation.of(List.of(
                new AttributionEstimate(60, 50), new AttributionEstimate(100, 100), new AttributionEstimate(0, 90)));

        assertThat(isolation.factor()).isEqualTo((0.3 + 1.0 + 0.0) / 3);
        assertThat(isolation.isolated()).isTrue();
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
