package org.actionlearning.events.learningset;

import java.util.UUID;
import org.actionlearning.events.DomainEvent;

public record ReflectionRecorded(UUID setId, UUID programmeId, UUID meetingId, UUID reflectionId, UUID personId,
                                 String text) implements DomainEvent {
}
