package org.actionlearning.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The projection consumer.
 *
 * @param groupId        consumer group: instances with the same group share the topic's partitions
 * @param maxPollRecords records per poll, and so per read-model transaction (10,000: 22,667 against 18,318 events/s
 *                       for 5,000 in back-to-back full-size benchmarks, each run faster than its counterpart; fewer
 *                       commits, position lookups and meeting-figure reads per event; peak heap 399 MiB of 512)
 * @param enabled        false for an instance that only answers queries
 * @param deadLetterTopic where unreadable records go, with the reason (default: the topic name + ".dlq")
 * @param writers        transactions a large poll is written in, side by side, its partitions dealt out between them
 *                       in turn: PostgreSQL works on one while the service binds the other
 * @param maxPartitionFetchBytes the most one fetch brings of one partition (Kafka's {@code max.partition.fetch.bytes},
 *                       1 MiB by default there, about 1,400 of the platform's events): 4 MiB, so that an instance
 *                       holding three of six partitions fills polls of 10,000 records, not ~3,700 (with Kafka's
 *                       default two instances of one group wrote transactions of 1,843 records on average against
 *                       one instance's 3,553, and PostgreSQL spent 21 µs of CPU per event against 17; with 4 MiB,
 *                       16-18 µs for both)
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
