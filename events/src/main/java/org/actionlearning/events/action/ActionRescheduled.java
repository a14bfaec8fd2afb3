package org.actionlearning.events.action;

import java.time.LocalDate;
import java.util.UUID;
import org.actionlearning.events.DomainEvent;

public record ActionRescheduled(UUID actionId, UUID programmeId, UUID setId, LocalDate previousDueOn, LocalDate dueOn,
                                String reason) implements DomainEvent {
}
