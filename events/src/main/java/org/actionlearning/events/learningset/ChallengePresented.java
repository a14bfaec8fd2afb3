package org.actionlearning.events.learningset;

import java.util.UUID;
import org.actionlearning.events.DomainEvent;
import org.actionlearning.events.personaldata.PersonalData;

public record ChallengePresented(UUID setId, UUID programmeId, UUID meetingId, UUID challengeId, UUID presenterId,
                                 @PersonalData(subject = "presenterId") String title,
                                 @PersonalData(subject = "presenterId") String summary) implements DomainEvent {
}
