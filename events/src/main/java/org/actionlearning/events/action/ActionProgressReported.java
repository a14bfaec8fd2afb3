package org.actionlearning.events.action;

import java.time.LocalDate;
import java.util.UUID;
import org.actionlearning.events.DomainEvent;

public record ActionProgressReported(UUID actionId, UUID programmeId, UUID setId, LocalDate reportedOn,
                                     int percentComplete, String note) implements DomainEvent {
}
