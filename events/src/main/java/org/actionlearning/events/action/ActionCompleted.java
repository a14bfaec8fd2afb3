package org.actionlearning.events.action;

import java.time.LocalDate;
import java.util.UUID;
import org.actionlearning.events.DomainEvent;

public record ActionCompleted(UUID actionId, UUID programmeId, UUID setId, LocalDate completedOn, String evidence)
        implements DomainEvent {
}
