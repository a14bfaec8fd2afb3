package org.actionlearning.events.programme;

import java.time.LocalDate;
import java.util.UUID;
import org.actionlearning.events.DomainEvent;

public record ProgrammeClosed(UUID programmeId, LocalDate closedOn) implements DomainEvent {
}
