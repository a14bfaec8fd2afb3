package org.actionlearning.query.projection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.events.DomainEvent;
import org.actionlearning.events.envelope.EventEnvelope;
import org.actionlearning.events.envelope.EventJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/** Events as the relay would publish them: enveloped, with per-aggregate sequence numbers. */
final class EventLog {

    private final Map<String, Long> sequences = new HashMap<>();
    private final List<EventEnvelope> envelopes = new ArrayList<>();

    EventEnvelope append(String aggregateType, UUID aggregateId, DomainEvent event) {
        long sequence = sequences.merge(aggregateId.toString(), 0L, (old, zero) -> old + 1);
        EventEnvelope envelope = EventJson.envelope(UUID.randomUUID(), aggregateType, aggregateId.toString(),
                sequence, Instant.parse("2026-03-09T10:00:00Z").plusSeconds(envelopes.size()), event);
        envelopes.add(envelope);
        return envelope;
    }

    List<EventEnvelope> envelopes() {
        return envelopes;
    }

    /** The envelopes as one poll of records on one partition, from {@code firstOffset}. */
    static ConsumerRecords<String, byte[]> asPoll(String topic, long firstOffset, List<EventEnvelope> envelopes) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        long offset = firstOffset;
        for (EventEnvelope envelope : envelopes) {
            records.add(new ConsumerRecord<>(topic, 0, offset++, envelope.programmeId().toString(),
                    EventJson.toBytes(envelope)));
        }
        return new ConsumerRecords<>(Map.of(new TopicPartition(topic, 0), records));
    }
}
