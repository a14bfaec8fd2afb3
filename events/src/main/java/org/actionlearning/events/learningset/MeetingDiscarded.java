package org.actionlearning.events.learningset;

import java.time.LocalDate;
import java.util.UUID;
import org.actionlearning.events.DomainEvent;

/**
 * An open meeting the facilitator threw away (opened by mistake, or twice): it counts in no figure. What was
 * recorded in it stays in the event log and in the set's record, marked as discarded.
 */
public record MeetingDiscarded(UUID setId, UUID programmeId, UUID meetingId, LocalDate discardedOn)
        implements DomainEvent {
}
