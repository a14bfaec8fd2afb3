package org.actionlearning.events.outcome;

import java.util.UUID;
import org.actionlearning.events.DomainEvent;

/** A participant estimate of how much of the change the programme caused, and how sure they are. */
public record AttributionEstimated(UUID metricId, UUID programmeId, UUID estimateId, int attributionPercent,
                                   int confidencePercent, UUID estimatedBy) implements DomainEvent {
}
