package org.actionlearning.events.action;

import java.time.LocalDate;
import java.util.UUID;
import org.actionlearning.events.DomainEvent;

public record ActionAbandoned(UUID actionId, UUID programmeId, UUID setId, LocalDate abandonedOn, String reason)
        implements DomainEvent {
}
