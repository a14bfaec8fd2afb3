package org.actionlearning.events.outcome;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.actionlearning.events.DomainEvent;

public record BaselineRecorded(UUID metricId, UUID programmeId, LocalDate measuredOn, BigDecimal value)
        implements DomainEvent {
}
