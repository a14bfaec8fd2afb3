package org.actionlearning.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The projection consumer. The figures behind its defaults are in BENCHMARKS.md ("Figures behind the defaults").
 *
 * @param groupId        consumer group: instances with the same group share the topic's partitions
 * @param maxPollRecords records per poll, and so per read-model transaction: larger polls mean fewer commits,
 *                       position lookups and meeting-figure reads per event, at the cost of heap per poll
 * @param enabled        false for an instance that only answers queries
 * @param deadLetterTopic where unreadable records go, with the reason (default: the topic name + ".dlq")
 * @param writers        transactions a large poll is written in, side by side, its partitions dealt out between them
 *                       in turn: PostgreSQL works on one while the service binds the other
 * @param maxPartitionFetchBytes the most one fetch brings of one partition (Kafka's {@code max.partition.fetch.bytes}):
 *                       larger than Kafka's default, so that an instance holding a few partitions still fills its
 *                       polls; with Kafka's default, instances sharing a group wrote smaller transactions, which
 *                       cost PostgreSQL more per event
 */
@ConfigurationProperties("als.projection")
public record ProjectionProperties(@DefaultValue("localhost:9092") String bootstrapServers,
                                   @DefaultValue("als.events") String topic,
                                   @DefaultValue("als-query-projections") String groupId,
                                   @DefaultValue("10000") int maxPollRecords,
                                   @DefaultValue("200ms") Duration pollTimeout,
                                   @DefaultValue("true") boolean enabled,
                                   @DefaultValue("") String deadLetterTopic,
                                   @DefaultValue("2") int writers,
                                   @DefaultValue(DEFAULT_MAX_PARTITION_FETCH) DataSize maxPartitionFetchBytes) {

    public static final String DEFAULT_MAX_PARTITION_FETCH = "4MB";

    public ProjectionProperties {
        if (writers < 1) {
            throw new IllegalArgumentException("als.projection.writers must be at least 1, not " + writers);
        }
        if (maxPartitionFetchBytes.toBytes() < 1 || maxPartitionFetchBytes.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("als.projection.max-partition-fetch-bytes must be from 1B to "
                    + Integer.MAX_VALUE + "B, not " + maxPartitionFetchBytes);
        }
    }

    public String effectiveDeadLetterTopic() {
        return deadLetterTopic.isBlank() ? topic + ".dlq" : deadLetterTopic;
    }
}
