package org.actionlearning.events.learningset;

import java.util.UUID;
import org.actionlearning.events.DomainEvent;

public record ChallengePresented(UUID setId, UUID programmeId, UUID meetingId, UUID challengeId, UUID presenterId,
                                 String title, String summary) implements DomainEvent {
}
