package org.actionlearning.query.read;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One committed action.
 *
 * @param status  OPEN, COMPLETED or ABANDONED
 * @param overdue open and due before the as-of date
 */
public record ActionView(UUID actionId, UUID setId, UUID ownerId, String description, LocalDate committedOn,
                         LocalDate dueOn, String status, LocalDate completedOn, boolean overdue) {
}
