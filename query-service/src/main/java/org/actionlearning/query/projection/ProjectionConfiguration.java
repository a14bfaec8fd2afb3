package org.actionlearning.query.projection;

import org.actionlearning.service.KafkaHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ProjectionConfiguration {

    /** Whether the read models are being kept up to date (actuator "projection" component, in readiness). */
    @Bean
    public HealthIndicator projectionHealthIndicator(ProjectionConsumer consumer, ProjectionProperties properties) {
        return () -> {
            if (!properties.enabled()) {
                return Health.unknown().withDetail("projection", "disabled on this instance").build();
            }
            String pausedBy = consumer.pausedBy();
            if (!consumer.isRunning() || pausedBy != null) {
                return Health.down().withDetail("pausedBy", pausedBy == null ? "stopped" : pausedBy).build();
            }
            return Health.up().withDetail("consumerLag", consumer.consumerLag()).build();
        };
    }

    /** Health of the Kafka cluster the projections consume from (actuator "kafka" component). */
    @Bean(destroyMethod = "close")
    public KafkaHealthIndicator kafkaHealthIndicator(ProjectionProperties properties) {
        return new KafkaHealthIndicator(properties.bootstrapServers());
    }
}
