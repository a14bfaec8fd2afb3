package org.actionlearning.query.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The projection consumer.
 *
 * @param groupId        consumer group: instances with the same group share the topic's partitions
 * @param maxPollRecords records per poll, and so per read-model transaction (5,000: 6% more events/s than 2,000
 *                       in the full-size benchmark, fewer commits and fewer position lookups per event)
 * @param enabled        false for an instance that only answers queries
 * @param deadLetterTopic where unreadable records go, with the reason (default: the topic name + ".dlq")
 */
@ConfigurationProperties("als.projection")
public record ProjectionProperties(@DefaultValue("localhost:9092") String bootstrapServers,
                                   @DefaultValue("als.events") String topic,
                                   @DefaultValue("als-query-projections") String groupId,
                                   @DefaultValue("5000") int maxPollRecords,
                                   @DefaultValue("200ms") Duration pollTimeout,
                                   @DefaultValue("true") boolean enabled,
                                   @DefaultValue("") String deadLetterTopic) {

    public String effectiveDeadLetterTopic() {
        return deadLetterTopic.isBlank() ? topic + ".dlq" : deadLetterTopic;
    }
}
