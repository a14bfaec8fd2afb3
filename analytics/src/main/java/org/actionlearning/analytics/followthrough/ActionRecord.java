package org.actionlearning.analytics.followthrough;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One committed action as the follow-through numbers need it. At most one of
 * {@code completedOn} and {@code abandonedOn} is set; neither means the action is open.
 *
 * @param committedOn the date of the meeting it was committed in
 * @param dueOn       the current due date (after any rescheduling)
 * @param completedOn when it was completed, or null
 * @param abandonedOn when it was abandoned, or null
 */
public record ActionRecord(LocalDate committedOn, LocalDate dueOn, LocalDate completedOn, LocalDate abandonedOn) {

    public ActionRecord {
        Objects.requireNonNull(committedOn, "committedOn");
        Objects.requireNonNull(dueOn, "dueOn");
        if (completedOn != null && abandonedOn != null) {
            throw new IllegalArgumentException("an action cannot have both completedOn and abandonedOn");
        }
    }

    public static ActionRecord open(LocalDate committedOn, LocalDate dueOn) {
        return new ActionRecord(committedOn, dueOn, null, null);
    }

    public static ActionRecord completed(LocalDate committedOn, LocalDate dueOn, LocalDate completedOn) {
        return new ActionRecord(committedOn, dueOn, Objects.requireNonNull(completedOn, "completedOn"), null);
    }

    public static ActionRecord abandoned(LocalDate committedOn, LocalDate dueOn, LocalDate abandonedOn) {
        return new ActionRecord(committedOn, dueOn, null, Objects.requireNonNull(abandonedOn, "abandonedOn"));
    }

    public boolean isCompleted() {
        return completedOn != null;
    }

    public boolean isAbandoned() {
        return abandonedOn != null;
    }

    public boolean isOpen() {
        return !isCompleted() && !isAbandoned();
    }

    /** Open and due before {@code asOf} (an action due today is not yet overdue). */
    public boolean isOverdueOn(LocalDate asOf) {
        return isOpen() && dueOn.isBefore(asOf);
    }

    /** Completed on or before its due date. */
    public boolean isCompletedOnTime() {
        return isCompleted() && !completedOn.isAfter(dueOn);
    }
}
