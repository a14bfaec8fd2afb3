package org.actionlearning.events.learningset;

import java.util.UUID;
import org.actionlearning.events.DomainEvent;
import org.actionlearning.events.personaldata.PersonalData;

/** {@code seconds} is the speaking time if the facilitator timed it, else null. */
public record QuestionAsked(UUID setId, UUID programmeId, UUID meetingId, UUID contributionId, UUID challengeId,
                            UUID askerId, QuestionForm form, @PersonalData(subject = "askerId") String text,
                            Integer seconds) implements DomainEvent {
}
