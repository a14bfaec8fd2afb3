package org.actionlearning.command.reminder;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reminder emails of due actions, sent only where SMTP is configured ({@code spring.mail.host}).
 *
 * @param daysAhead      an open action due within this many days (or overdue) is reminded of
 * @param interval       how often the job looks (every instance; each action gets at most one email a day)
 * @param from           the sender's address
 * @param actionsPageUrl where a member reports on their actions: the query service's {@code /me/actions} page
 * @param keepSentFor    how long the record of a sent reminder is kept
 */
@ConfigurationProperties("als.reminders")
public record ReminderProperties(@DefaultValue("7") int daysAhead,
                                 @DefaultValue("PT1H") Duration interval,
                                 @DefaultValue("reminders@action-learning.invalid") String from,
                                 @DefaultValue("http://localhost:8082/me/actions") String actionsPageUrl,
                                 @DefaultValue("P60D") Duration keepSentFor) {
}
