package org.actionlearning.query.read.member;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One of the signed-in member's own actions.
 *
 * @param description     null while it cannot be opened
 * @param status          OPEN, COMPLETED or ABANDONED
 * @param percentComplete as last reported
 * @param reminder        for an open action: OVERDUE (due before today), DUE_SOON (due within the reminder window,
 *                        today included); null otherwise
 */
public record MyAction(UUID actionId, UUID setId, String setName, String description, LocalDate committedOn,
                       LocalDate dueOn, String status, int percentComplete, LocalDate completedOn,
                       LocalDate abandonedOn, String evidence, Reminder reminder) {

    public enum Reminder { OVERDUE, DUE_SOON }

    /** An open action due within {@code days} days of {@code today} is reminded of, as is an overdue one. */
    public static Reminder reminderOf(String status, LocalDate dueOn, LocalDate today, int days) {
        if (!"OPEN".equals(status)) {
            return null;
        }
        if (dueOn.isBefore(today)) {
            return Reminder.OVERDUE;
        }
        return dueOn.isAfter(today.plusDays(days)) ? null : Reminder.DUE_SOON;
    }

    public boolean open() {
        return "OPEN".equals(status);
    }
}
