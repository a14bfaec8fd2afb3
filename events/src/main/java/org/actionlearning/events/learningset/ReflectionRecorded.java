package org.actionlearning.events.learningset;

import java.util.UUID;
import org.actionlearning.events.DomainEvent;
import org.actionlearning.events.personaldata.PersonalData;

public record ReflectionRecorded(UUID setId, UUID programmeId, UUID meetingId, UUID reflectionId, UUID personId,
                                 @PersonalData(subject = "personId") String text) implements DomainEvent {
}
