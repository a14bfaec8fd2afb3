package org.actionlearning.events.outcome;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.actionlearning.events.DomainEvent;

/** A follow-up measurement, after the baseline. */
public record MeasurementRecorded(UUID metricId, UUID programmeId, LocalDate measuredOn, BigDecimal value)
        implements DomainEvent {
}
