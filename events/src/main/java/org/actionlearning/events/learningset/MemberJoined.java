package org.actionlearning.events.learningset;

import java.time.LocalDate;
import java.util.UUID;
import org.actionlearning.events.DomainEvent;
import org.actionlearning.events.personaldata.PersonalData;

/**
 * Version 2 added {@code joinedOn}, the date the member joined (null where it was not recorded, as in every
 * version-1 event).
 */
public record MemberJoined(UUID setId, UUID programmeId, UUID personId,
                           @PersonalData(subject = "personId") String displayName, LocalDate joinedOn)
        implements DomainEvent {
}
