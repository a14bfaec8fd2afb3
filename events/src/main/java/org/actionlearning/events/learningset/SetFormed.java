package org.actionlearning.events.learningset;

import java.util.UUID;
import org.actionlearning.events.DomainEvent;

public record SetFormed(UUID setId, UUID programmeId, String name, UUID facilitatorId, String facilitatorName)
        implements DomainEvent {
}
