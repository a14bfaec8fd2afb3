package org.actionlearning.command.reminder;

import java.time.LocalDate;
import org.actionlearning.command.reminder.DueActions.Due;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Emails the owner of each open action due within {@code daysAhead} days or overdue, at most once per action per
 * day. Every instance runs it: the lock is the sent-reminder row (action, day), claimed by an insert that commits
 * before the email goes out, so another instance or a second run finds it and skips the action. No transaction is
 * held open while SMTP talks (the database ends sessions idle in a transaction). A send that fails releases the
 * claim and the next run tries again; a crash between claim and send costs that day's email, never a second one.
 */
public class ActionReminders {

    private static final Logger log = LoggerFactory.getLogger(ActionReminders.class);

    private final DueActions dueActions;
    private final JavaMailSender mail;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ReminderProperties properties;

    public ActionReminders(DueActions dueActions, JavaMailSender mail, JdbcTemplate jdbc,
                           TransactionTemplate transactions, ReminderProperties properties) {
        this.dueActions = dueActions;
        this.mail = mail;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** Sends the reminders of {@code today} not sent yet; returns how many this run sent. */
    public int remind(LocalDate today) {
        jdbc.update("delete from action_reminder_sent where sent_on < ?",
                today.minusDays(properties.keepSentFor().toDays()));
        int sent = 0;
        for (Due due : dueActions.dueBy(today.plusDays(properties.daysAhead()))) {
            if (!claim(due, today)) {
                continue;
            }
            try {
                send(due, today);
                sent++;
            } catch (MailException e) {
                jdbc.update("delete from action_reminder_sent where action_id = ? and sent_on = ?", due.actionId(),
                        today);
                log.warn("Reminder of action {} not sent: {}", due.actionId(), e.getMessage());
            }
        }
        return sent;
    }

    private boolean claim(Due due, LocalDate today) {
        return Boolean.TRUE.equals(transactions.execute(tx -> jdbc.update(
                "insert into action_reminder_sent (action_id, sent_on) values (?, ?) on conflict do nothing",
                due.actionId(), today) == 1));
    }

    private void send(Due due, LocalDate today) {
        ReminderEmail email = ReminderEmail.of(due, today, properties.actionsPageUrl());
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(due.email());
        message.setSubject(email.subject());
        message.setText(email.body());
        mail.send(message);
    }
}
