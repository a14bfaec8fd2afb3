package org.actionlearning.events.learningset;

import java.time.LocalDate;
import java.util.UUID;
import org.actionlearning.events.DomainEvent;

public record MeetingScheduled(UUID setId, UUID programmeId, UUID meetingId, LocalDate scheduledFor)
        implements DomainEvent {
}
