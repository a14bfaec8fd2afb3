package org.actionlearning.query.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The projection consumer.
 *
 * @param groupId        consumer group: instances with the same group share the topic's partitions
 * @param maxPollRecords records per poll, and so per read-model transaction (10,000: 22,667 against 18,318 events/s
 *                       for 5,000 in back-to-back full-size benchmarks, each run faster than its counterpart; fewer
 *                       commits, position lookups and meeting-figure reads per event; peak heap 399 MiB of 512)
 * @param enabled        false for an instance that only answers queries
 * @param deadLetterTopic where unreadable records go, with the reason (default: the topic name + ".dlq")
 * @param writers        transactions a large poll is written in, side by side, its partitions split between them
 *                       (partition modulo writers): PostgreSQL works on one while the service binds the other
 */
@ConfigurationProperties("als.projection")
public record ProjectionProperties(@DefaultValue("localhost:9092") String bootstrapServers,
                                   @DefaultValue("als.events") String topic,
                                   @DefaultValue("als-query-projections") String groupId,
                                   @DefaultValue("10000") int maxPollRecords,
                                   @DefaultValue("200ms") Duration pollTimeout,
                                   @DefaultValue("true") boolean enabled,
                                   @DefaultValue("") String deadLetterTopic,
                                   @DefaultValue("2") int writers) {

    public ProjectionProperties {
        if (writers < 1) {
            throw new IllegalArgumentException("als.projection.writers must be at least 1, not " + writers);
        }
    }

    public String effectiveDeadLetterTopic() {
        return deadLetterTopic.isBlank() ? topic + ".dlq" : deadLetterTopic;
    }
}
