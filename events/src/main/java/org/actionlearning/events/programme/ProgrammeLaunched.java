package org.actionlearning.events.programme;

import java.time.LocalDate;
import java.util.UUID;
import org.actionlearning.events.DomainEvent;

public record ProgrammeLaunched(UUID programmeId, String organisation, String name, String sponsor,
                                LocalDate startsOn, String currency) implements DomainEvent {
}
