package org.actionlearning.projection;

import org.actionlearning.service.KafkaHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ProjectionConfiguration {

    /**
     * Whether the read models are being kept up to date (actuator "projection" component): DOWN when stopped, paused
     * by a failure, when the consumer thread died, or when it has not completed a poll for
     * {@code als.projection.health.stalled-after} (an empty poll completes every poll timeout: a quiet topic is fine).
     */
    @Bean
    public HealthIndicator projectionHealthIndicator(ProjectionConsumer consumer, ProjectionProperties properties,
                                                     ProjectionHealthProperties health) {
        return () -> {
            if (!properties.enabled()) {
                return Health.unknown().withDetail("projection", "disabled on this instance").build();
            }
            String pausedBy = consumer.pausedBy();
            String dead = consumer.liveness().problem(health.stalledAfter());
            if (!consumer.isRunning() || pausedBy != null || dead != null) {
                return Health.down().withDetail("pausedBy", dead != null ? dead : pausedBy == null ? "stopped" : pausedBy)
                        .build();
            }
            return Health.up().withDetail("consumerLag", consumer.consumerLag())
                    .withDetail("lastPollCompleted", String.valueOf(consumer.liveness().lastPollCompleted())).build();
        };
    }

    /** Health of the Kafka cluster the projections consume from (actuator "kafka" component). */
    @Bean(destroyMethod = "close")
    public KafkaHealthIndicator kafkaHealthIndicator(ProjectionProperties properties) {
        return new KafkaHealthIndicator(properties.bootstrapServers());
    }
}
