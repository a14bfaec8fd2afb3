package org.actionlearning.command.reminder;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.actionlearning.command.reminder.DueActions.Due;

/**
 * The text of a reminder. It carries dates and a link only, never the action's description: an email leaves the
 * platform (erasure cannot reach a mailbox), and what is said in a set stays in the set.
 */
record ReminderEmail(String subject, String body) {

    static ReminderEmail of(Due due, LocalDate today, String actionsPageUrl) {
        long days = ChronoUnit.DAYS.between(today, due.dueOn());
        String when = days < 0 ? "was due on " + due.dueOn() + " (" + -days + (days == -1 ? " day" : " days") + " ago)"
                : days == 0 ? "is due today (" + due.dueOn() + ")"
                : "is due on " + due.dueOn() + " (in " + days + (days == 1 ? " day" : " days") + ")";
        String subject = days < 0 ? "Action overdue since " + due.dueOn() : "Action due on " + due.dueOn();
        String body = "The action you committed to on " + due.committedOn() + " in your action learning set " + when
                + ".\n\nReport your progress, complete it with evidence, reschedule it or abandon it with a reason on "
                + "your actions page:\n" + actionsPageUrl + "\n\nYou get this email because you gave this address "
                + "for reminders; remove it on the same page to get no more.\n";
        return new ReminderEmail(subject, body);
    }
}
