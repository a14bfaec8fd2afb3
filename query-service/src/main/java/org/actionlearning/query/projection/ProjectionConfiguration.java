package org.actionlearning.query.projection;

import org.actionlearning.service.KafkaHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ProjectionConfiguration {

    /** Health of the Kafka cluster the projections consume from (actuator "kafka" component). */
    @Bean(destroyMethod = "close")
    public KafkaHealthIndicator kafkaHealthIndicator(ProjectionProperties properties) {
        return new KafkaHealthIndicator(properties.bootstrapServers());
    }
}
