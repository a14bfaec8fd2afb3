package org.actionlearning.query.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.UUID;
import org.actionlearning.query.read.outcome.MetricDetail;
import org.actionlearning.query.read.outcome.MetricDetail.TargetView;
import org.junit.jupiter.api.Test;

class MetricCardTest {

    private final Numbers numbers = new Numbers();

    @Test
    void headlineOfAMetTargetWithSignificance() {
        MetricCard card = MetricCard.of(metric("discharge delay", "DECREASE", new TargetView(15, 92), -16.0, true, 42,
                0.0277, 100.0), numbers);
        assertThat(card.headline()).isEqualTo("discharge delay −16.0%, target met in 42 days, p = 0.028");
        assertThat(card.target()).isEqualTo("15.0% lower within 92 days");
        assertThat(card.targetLevel()).isCloseTo(85.0, within(1e-9));
    }

    @Test
    void headlineOfAMissedTarget() {
        MetricCard card = MetricCard.of(metric("engagement", "INCREASE", new TargetView(10, 90), 4.0, false, null,
                null, 60.0), numbers);
        assertThat(card.headline()).isEqualTo("engagement +4.0%, target (10.0% higher within 90 days) not met");
        assertThat(card.targetLevel()).isCloseTo(66.0, within(1e-9));
    }

    @Test
    void headlineWithoutTargetAndWithATinyPValue() {
        MetricCard card = MetricCard.of(metric("engagement", "INCREASE", null, 12.0, null, null, 0.0002, 60.0),
                numbers);
        assertThat(card.headline()).isEqualTo("engagement +12.0%, p < 0.001");
        assertThat(card.target()).isNull();
        assertThat(card.targetLevel()).isNull();
    }

    @Test
    void headlineWithoutAChangeYet() {
        MetricCard card = MetricCard.of(metric("energy", "DECREASE", null, null, null, null, null, null), numbers);
        assertThat(card.headline()).isEqualTo("energy: no change to report yet (needs a baseline and a follow-up)");
    }

    private static MetricDetail metric(String name, String direction, TargetView target, Double changePercent,
                                       Boolean targetMet, Integer daysToTarget, Double pValue, Double baseline) {
        return new MetricDetail(UUID.randomUUID(), UUID.randomUUID(), name, "unit", direction, "WEEK", null, target,
                List.of(), List.of(), baseline, baseline, null, changePercent, null, targetMet, daysToTarget, pValue,
                null, null, null, null, null, List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
