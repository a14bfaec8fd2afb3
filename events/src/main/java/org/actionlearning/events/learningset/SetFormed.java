package org.actionlearning.events.learningset;

import java.util.UUID;
import org.actionlearning.events.DomainEvent;
import org.actionlearning.events.personaldata.PersonalData;

public record SetFormed(UUID setId, UUID programmeId, String name, UUID facilitatorId,
                        @PersonalData(subject = "facilitatorId") String facilitatorName)
        implements DomainEvent {
}
