package org.actionlearning.query.read.meeting;

import java.time.LocalDate;
import java.util.UUID;

/** A meeting scheduled and not opened yet. */
public record ScheduledMeeting(UUID meetingId, LocalDate scheduledFor) {
}
