package org.actionlearning.events.learningset;

import java.util.UUID;
import org.actionlearning.events.DomainEvent;
import org.actionlearning.events.personaldata.PersonalData;

/** {@code challengeId} is null for a statement not tied to a challenge. */
public record StatementMade(UUID setId, UUID programmeId, UUID meetingId, UUID contributionId, UUID speakerId,
                            StatementKind kind, UUID challengeId, @PersonalData(subject = "speakerId") String text,
                            Integer seconds) implements DomainEvent {
}
