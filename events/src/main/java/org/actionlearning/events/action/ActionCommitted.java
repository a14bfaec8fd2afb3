package org.actionlearning.events.action;

import java.time.LocalDate;
import java.util.UUID;
import org.actionlearning.events.DomainEvent;
import org.actionlearning.events.personaldata.PersonalData;

/** {@code committedOn} is the opening date of the meeting the action was committed in. */
public record ActionCommitted(UUID actionId, UUID programmeId, UUID setId, UUID meetingId, UUID challengeId,
                              UUID ownerId, @PersonalData(subject = "ownerId") String description,
                              LocalDate committedOn, LocalDate dueOn)
        implements DomainEvent {
}
