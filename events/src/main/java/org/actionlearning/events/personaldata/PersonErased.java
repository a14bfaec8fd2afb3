package org.actionlearning.events.personaldata;

import java.time.LocalDate;
import java.util.UUID;
import org.actionlearning.events.DomainEvent;

/**
 * A person's key was destroyed: every value sealed for them is unreadable from now on. Published once per
 * programme the person has data in, so that each programme's readers (keyed and ordered by programme) redact
 * them after everything they had recorded. Counts stay; names and texts go.
 */
public record PersonErased(UUID programmeId, UUID personId, LocalDate erasedOn) implements DomainEvent {
}
