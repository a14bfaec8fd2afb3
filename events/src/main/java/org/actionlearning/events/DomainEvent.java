package org.actionlearning.events;

import java.util.UUID;

/**
 * Every event of the domain. {@code programmeId} is the Kafka key, so that all events of a
 * programme stay in order on one partition.
 */
public interface DomainEvent {
    UUID programmeId();
}
