package org.actionlearning.events.outcome;

import java.math.BigDecimal;
import java.util.UUID;
import org.actionlearning.events.DomainEvent;

/** {@code valuePerUnit} null means an intangible; {@code target} and {@code challengeId} are optional. */
public record OutcomeMetricDefined(UUID metricId, UUID programmeId, UUID challengeId, String name, String unit,
                                   Direction direction, Period period, BigDecimal valuePerUnit, OutcomeTarget target)
        implements DomainEvent {
}
