package org.actionlearning.command.retention;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.actionlearning.service.retention.RetentionPurge;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Stored answers to Idempotency-Keys are purged once older than {@code als.retention.idempotency-keys}. */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

    @Bean(destroyMethod = "close")
    RetentionPurge idempotencyKeyPurge(DataSource dataSource, RetentionProperties properties) {
        return new RetentionPurge(dataSource, "idempotency_key", "created_at", properties.idempotencyKeys(),
                properties.batchSize(), Clock.systemUTC());
    }

    /** The first run a minute after start-up, out of the way of warming up. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> startIdempotencyKeyPurge(RetentionPurge idempotencyKeyPurge,
                                                                        RetentionProperties properties) {
        return event -> idempotencyKeyPurge.start(Duration.ofMinutes(1), properties.interval());
    }
}
