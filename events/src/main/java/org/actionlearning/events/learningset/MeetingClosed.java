package org.actionlearning.events.learningset;

import java.time.LocalDate;
import java.util.UUID;
import org.actionlearning.events.DomainEvent;

public record MeetingClosed(UUID setId, UUID programmeId, UUID meetingId, LocalDate closedOn) implements DomainEvent {
}
