package org.actionlearning.query.read.member;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An open action of a set that is overdue or due soon: the reminders its facilitator sees.
 *
 * @param ownerName   null once the owner was erased or while it cannot be opened
 * @param description null likewise
 */
public record DueAction(UUID actionId, UUID ownerId, String ownerName, String description, LocalDate dueOn,
                        MyAction.Reminder reminder) {
}
