package org.actionlearning.events.learningset;

import java.util.UUID;
import org.actionlearning.events.DomainEvent;

public record MemberLeft(UUID setId, UUID programmeId, UUID personId) implements DomainEvent {
}
