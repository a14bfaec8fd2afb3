package org.actionlearning.events.outcome;

import java.time.LocalDate;
import java.util.UUID;
import org.actionlearning.events.DomainEvent;

/**
 * The metric's run chart starts a new phase on {@code startsOn}: after a sustained change, later points are judged
 * against the new level. The outcome figures stay measured against the original baseline.
 */
public record MetricRebased(UUID metricId, UUID programmeId, LocalDate startsOn) implements DomainEvent {
}
