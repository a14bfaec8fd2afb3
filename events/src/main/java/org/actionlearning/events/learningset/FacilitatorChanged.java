package org.actionlearning.events.learningset;

import java.util.UUID;
import org.actionlearning.events.DomainEvent;
import org.actionlearning.events.personaldata.PersonalData;

/** The set is facilitated by another person from now on; {@code formerFacilitatorId} stops facilitating it. */
public record FacilitatorChanged(UUID setId, UUID programmeId, UUID facilitatorId,
                                 @PersonalData(subject = "facilitatorId") String facilitatorName,
                                 UUID formerFacilitatorId)
        implements DomainEvent {
}
