package org.actionlearning.query.retention;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.actionlearning.service.retention.RetentionPurge;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read audit is purged once older than {@code als.retention.read-audit}. */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

    /** By the system clock, not the service's (tests fix that one to a day in the past). */
    @Bean(destroyMethod = "close")
    RetentionPurge readAuditPurge(DataSource dataSource, RetentionProperties properties) {
        return new RetentionPurge(dataSource, "read_audit", "read_at", properties.readAudit(),
                properties.batchSize(), Clock.systemUTC());
    }

    /** The first run a minute after start-up, out of the way of warming up. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> startReadAuditPurge(RetentionPurge readAuditPurge,
                                                                   RetentionProperties properties) {
        return event -> readAuditPurge.start(Duration.ofMinutes(1), properties.interval());
    }
}
