package org.actionlearning.events.learningset;

import java.util.UUID;
import org.actionlearning.events.DomainEvent;

public record MemberJoined(UUID setId, UUID programmeId, UUID personId, String displayName) implements DomainEvent {
}
