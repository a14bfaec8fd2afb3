package org.actionlearning.query.read;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One committed action.
 *
 * @param description null once the owner was erased, or while it cannot be opened
 * @param status      OPEN, COMPLETED or ABANDONED
 * @param overdue     open and due before the as-of date
 * @param ownerErased the owner was erased: the action still counts, its text is gone
 */
public record ActionView(UUID actionId, UUID setId, UUID ownerId, String description, LocalDate committedOn,
                         LocalDate dueOn, String status, LocalDate completedOn, boolean overdue,
                         boolean ownerErased) {
}
