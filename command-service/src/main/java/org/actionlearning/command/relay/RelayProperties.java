package org.actionlearning.command.relay;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how stored events are published.
 *
 * @param bootstrapServers Kafka brokers (command-service.yml defaults it to {@code spring.kafka.bootstrap-servers})
 * @param topic            the one topic of events
 * @param partitions       partitions when the relay creates the topic: the read side scales up to this many consumers
 * @param replicationFactor replication when the relay creates the topic (1 for a single broker)
 */
@ConfigurationProperties("als.relay")
public record RelayProperties(@DefaultValue("localhost:9092") String bootstrapServers,
                              @DefaultValue("als.events") String topic,
                              @DefaultValue("6") int partitions,
                              @DefaultValue("1") short replicationFactor) {
}
