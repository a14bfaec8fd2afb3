package org.actionlearning.events.learningset;

import java.util.UUID;
import org.actionlearning.events.DomainEvent;
import org.actionlearning.events.personaldata.PersonalData;

/**
 * An attendee answered the after-meeting pulse: their own answers, sealed for them, so that only they can read them
 * and erasing them makes the answers unreadable. The plain figures travel apart, unlinked, in {@link PulseContributed}.
 *
 * @param answers the sealed answers (the items, the reaction items and the id of the unlinked contribution)
 */
public record PulseAnswered(UUID setId, UUID programmeId, UUID meetingId, UUID personId,
                            @PersonalData(subject = "personId") String answers) implements DomainEvent {
}
