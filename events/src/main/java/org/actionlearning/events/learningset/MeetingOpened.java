package org.actionlearning.events.learningset;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.actionlearning.events.DomainEvent;

/** A meeting starts with the members present; only they may contribute to it. */
public record MeetingOpened(UUID setId, UUID programmeId, UUID meetingId, LocalDate openedOn, List<UUID> attendees)
        implements DomainEvent {
    public MeetingOpened {
        attendees = List.copyOf(attendees);
    }
}
