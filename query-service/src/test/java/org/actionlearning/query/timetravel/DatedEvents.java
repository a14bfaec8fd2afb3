package org.actionlearning.query.timetravel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.events.DomainEvent;
import org.actionlearning.events.envelope.EventEnvelope;
import org.actionlearning.events.envelope.EventJson;
import org.actionlearning.projection.ProjectionBatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Events as the relay publishes them, each stored at an instant the test chooses, applied by the projections
 * themselves (one poll per {@link #project} on a topic of the test's own).
 */
final class DatedEvents {

    private final Map<String, Long> sequences = new HashMap<>();
    private final List<EventEnvelope> pending = new ArrayList<>();
    private final String topic = "time-travel-" + UUID.randomUUID();
    private long offset;

    /** The event, stored at {@code recordedAt}; events of one aggregate must come in the order they were stored. */
    DatedEvents add(String recordedAt, String aggregateType, UUID aggregateId, DomainEvent event) {
        long sequence = sequences.merge(aggregateId.toString(), 0L, (old, zero) -> old + 1);
        pending.add(EventJson.envelope(UUID.randomUUID(), aggregateType, aggregateId.toString(), sequence,
                Instant.parse(recordedAt), event));
        return this;
    }

    /** Applies the events added since the last call, as one poll. */
    void project(ProjectionBatch batch) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (EventEnvelope envelope : pending) {
            records.add(new ConsumerRecord<>(topic, 0, offset++, envelope.programmeId().toString(),
                    EventJson.toBytes(envelope)));
        }
        pending.clear();
        batch.apply(batch.read(new ConsumerRecords<>(Map.of(new TopicPartition(topic, 0), records))));
    }
}
