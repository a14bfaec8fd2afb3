package org.actionlearning.eventstore.relay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how stored events are published.
 *
 * @param bootstrapServers   Kafka brokers (command-service.yml defaults it to {@code spring.kafka.bootstrap-servers})
 * @param topic              the one topic of events
 * @param deadLetterTopic    the read side's dead-letter topic, created with the events topic (default: the topic
 *                           name + ".dlq", the read side's default)
 * @param partitions         partitions of the topic: the read side scales up to this many consumers. An existing
 *                           topic with another count is refused (keys would move between partitions)
 * @param replicationFactor  replication when the relay creates a topic (1 for a single broker, 3 for a cluster)
 * @param minInsyncReplicas  {@code min.insync.replicas} of a created topic (1 for a single broker, 2 for a cluster of 3)
 * @param keepFiniteRetention the operator's explicit override: leave an existing topic's finite retention as it is
 *                           (logged at every start) instead of correcting it to infinite
 * @param transactionalId    the relay producer's {@code transactional.id} (default: "als-relay-" + topic): the same on
 *                           every instance and across restarts, so whichever instance takes over the relay fences the
 *                           previous owner's producer
 * @param sequenceGapTimeout how long the relay waits for an aggregate's missing earlier event (stored in a transaction
 *                           not yet committed) before it publishes the later one anyway and reports the gap
 * @param deliveryTimeout    the producer's {@code delivery.timeout.ms}: how long a batch of records may wait for Kafka's
 *                           acknowledgement (retries included) before it expires and the relay batch is retried; its
 *                           request timeout is kept below it
 */
@ConfigurationProperties("als.relay")
public record RelayProperties(@DefaultValue("localhost:9092") String bootstrapServers,
                              @DefaultValue("als.events") String topic,
                              @DefaultValue("") String deadLetterTopic,
                              @DefaultValue("6") int partitions,
                              @DefaultValue("1") short replicationFactor,
                              @DefaultValue("1") int minInsyncReplicas,
                              @DefaultValue("false") boolean keepFiniteRetention,
                              @DefaultValue("") String transactionalId,
                              @DefaultValue("60s") Duration sequenceGapTimeout,
                              @DefaultValue("25s") Duration deliveryTimeout) {

    @ConstructorBinding
    public RelayProperties {
        if (partitions < 1) {
            throw new IllegalArgumentException("als.relay.partitions must be at least 1, not " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("als.relay.replication-factor must be at least 1, not "
                    + replicationFactor);
        }
        if (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("als.relay.min-insync-replicas must be between 1 and "
                    + "als.relay.replication-factor (" + replicationFactor + "), not " + minInsyncReplicas);
        }
        if (deliveryTimeout.compareTo(MINIMUM_DELIVERY_TIMEOUT) < 0) {
            throw new IllegalArgumentException("als.relay.delivery-timeout must be at least " + MINIMUM_DELIVERY_TIMEOUT
                    + ", not " + deliveryTimeout);
        }
    }

    /** Kafka wants {@code delivery.timeout.ms} at least {@code linger.ms + request.timeout.ms}: room for a request. */
    static final Duration MINIMUM_DELIVERY_TIMEOUT = Duration.ofSeconds(1);

    /** Only where the topic is all that matters (tests of the relay's batch). */
    public RelayProperties(String bootstrapServers, String topic) {
        this(bootstrapServers, topic, "", 1, (short) 1, 1, false, "", Duration.ofSeconds(60), Duration.ofSeconds(25));
    }

    public String deadLetterTopicName() {
        return deadLetterTopic.isBlank() ? topic + ".dlq" : deadLetterTopic;
    }

    public String transactionalIdName() {
        return transactionalId.isBlank() ? "als-relay-" + topic : transactionalId;
    }
}
