package org.actionlearning.events.outcome;

import java.time.LocalDate;
import java.util.UUID;
import org.actionlearning.events.DomainEvent;

/**
 * A participant estimate of how much of the change the programme caused, and how sure they are.
 *
 * @param estimatedOn the business date of the estimate; null (and absent in older events): the UTC day on which the
 *                    event was recorded
 */
public record AttributionEstimated(UUID metricId, UUID programmeId, UUID estimateId, int attributionPercent,
                                   int confidencePercent, UUID estimatedBy, LocalDate estimatedOn)
        implements DomainEvent {

    /** An estimate dated the day it is recorded. */
    public AttributionEstimated(UUID metricId, UUID programmeId, UUID estimateId, int attributionPercent,
                                int confidencePercent, UUID estimatedBy) {
        this(metricId, programmeId, estimateId, attributionPercent, confidencePercent, estimatedBy, null);
    }
}
