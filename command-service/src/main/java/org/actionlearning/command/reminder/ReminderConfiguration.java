package org.actionlearning.command.reminder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders run only where Spring Boot configured a mail sender ({@code spring.mail.host}); without one the job
 * never starts. The first run comes one interval after start-up, out of the way of warming up.
 */
@Configuration(proxyBeanMethods = false)
class ReminderConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReminderConfiguration.class);

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService actionReminderSchedule() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "action-reminders");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> startActionReminders(ObjectProvider<JavaMailSender> mail,
                                                                   ScheduledExecutorService actionReminderSchedule,
                                                                   DueActions dueActions, JdbcTemplate jdbc,
                                                                   TransactionTemplate transactions,
                                                                   ReminderProperties properties) {
        return event -> mail.ifAvailable(sender -> {
            ActionReminders reminders = new ActionReminders(dueActions, sender, jdbc, transactions, properties);
            long every = properties.interval().toMillis();
            actionReminderSchedule.scheduleWithFixedDelay(() -> {
                try {
                    reminders.remind(LocalDate.now(Clock.systemUTC()));
                } catch (RuntimeException e) {
                    log.warn("Action reminders failed this round; next in {}", properties.interval(), e);
                }
            }, every, every, TimeUnit.MILLISECONDS);
        });
    }
}
