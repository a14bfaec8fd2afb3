package org.actionlearning.query.projection;

import static org.actionlearning.query.jooq.Tables.AGGREGATE_POSITION;
import static org.actionlearning.query.jooq.Tables.CONSUMER_OFFSET;
import static org.actionlearning.query.jooq.Tables.DEAD_LETTER;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.actionlearning.events.DomainEvent;
import org.actionlearning.events.envelope.EventEnvelope;
import org.actionlearning.events.envelope.EventJson;
import org.actionlearning.events.envelope.UnreadableEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one poll's records to the read models in ONE transaction, together with the next offset of each
 * partition and the last applied sequence of each aggregate. So a crash before commit replays the poll
 * against unchanged tables, and a duplicate from the at-least-once relay (an aggregate sequence already
 * applied) is skipped: the read models see each event exactly once.
 */
@Component
public class ProjectionBatch {

    private final DSLContext db;
    private final ProjectionHandlers handlers = new ProjectionHandlers();
    private final ProjectionProperties properties;

    public ProjectionBatch(DSLContext db, List<Projection> projections, ProjectionProperties properties) {
        this.db = db;
        this.properties = properties;
        projections.forEach(p -> p.register(handlers));
    }

    /** What a batch did, for metrics: the events applied, in order. */
    public record Outcome(List<EventEnvelope> applied, int duplicates, int deadLetters) {
    }

    @Transactional
    public Outcome apply(ConsumerRecords<String, byte[]> records) {
        List<EventEnvelope> applied = new ArrayList<>();
        int duplicates = 0;
        int deadLetters = 0;
        Map<String, Long> positions = new HashMap<>();
        Map<TopicPartition, Long> nextOffsets = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            nextOffsets.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
            EventEnvelope envelope;
            DomainEvent event;
            try {
                envelope = EventJson.fromBytes(record.value());
                event = EventJson.payload(envelope);
            } catch (UnreadableEventException e) {
                deadLetter(record, e.getMessage());
                deadLetters++;
                continue;
            }
            long last = positions.computeIfAbsent(envelope.aggregateId(), this::lastSequence);
            if (envelope.sequenceNumber() <= last) {
                duplicates++;
                continue;
            }
            handlers.apply(event, envelope);
            positions.put(envelope.aggregateId(), envelope.sequenceNumber());
            applied.add(envelope);
        }
        storePositions(positions);
        storeOffsets(nextOffsets);
        return new Outcome(applied, duplicates, deadLetters);
    }

    private long lastSequence(String aggregateId) {
        Long last = db.select(AGGREGATE_POSITION.LAST_SEQUENCE).from(AGGREGATE_POSITION)
                .where(AGGREGATE_POSITION.AGGREGATE_ID.eq(aggregateId)).fetchOne(AGGREGATE_POSITION.LAST_SEQUENCE);
        return last == null ? -1 : last;
    }

    private void storePositions(Map<String, Long> positions) {
        List<Query> upserts = new ArrayList<>();
        positions.forEach((aggregateId, sequence) -> {
            if (sequence >= 0) {
                upserts.add(db.insertInto(AGGREGATE_POSITION)
                        .set(AGGREGATE_POSITION.AGGREGATE_ID, aggregateId)
                        .set(AGGREGATE_POSITION.LAST_SEQUENCE, sequence)
                        .onConflict(AGGREGATE_POSITION.AGGREGATE_ID).doUpdate()
                        .set(AGGREGATE_POSITION.LAST_SEQUENCE, sequence));
            }
        });
        if (!upserts.isEmpty()) {
            db.batch(upserts).execute();
        }
    }

    private void storeOffsets(Map<TopicPartition, Long> nextOffsets) {
        List<Query> upserts = new ArrayList<>();
        nextOffsets.forEach((partition, next) -> upserts.add(db.insertInto(CONSUMER_OFFSET)
                .set(CONSUMER_OFFSET.GROUP_ID, properties.groupId())
                .set(CONSUMER_OFFSET.TOPIC, partition.topic())
                .set(CONSUMER_OFFSET.PARTITION, partition.partition())
                .set(CONSUMER_OFFSET.NEXT_OFFSET, next)
                .onConflict(CONSUMER_OFFSET.GROUP_ID, CONSUMER_OFFSET.TOPIC, CONSUMER_OFFSET.PARTITION).doUpdate()
                .set(CONSUMER_OFFSET.NEXT_OFFSET, next)));
        if (!upserts.isEmpty()) {
            db.batch(upserts).execute();
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        db.insertInto(DEAD_LETTER)
                .set(DEAD_LETTER.TOPIC, record.topic())
                .set(DEAD_LETTER.PARTITION, record.partition())
                .set(DEAD_LETTER.RECORD_OFFSET, record.offset())
                .set(DEAD_LETTER.REASON, reason)
                .set(DEAD_LETTER.RECORD_KEY, record.key())
                .set(DEAD_LETTER.RECORD_VALUE, record.value())
                .onConflictDoNothing()
                .execute();
    }

    /** The stored next offsets of this group, to resume from after a restart or rebalance. */
    public Map<TopicPartition, Long> storedOffsets(String topic) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        db.selectFrom(CONSUMER_OFFSET)
                .where(CONSUMER_OFFSET.GROUP_ID.eq(properties.groupId()).and(CONSUMER_OFFSET.TOPIC.eq(topic)))
                .forEach(r -> offsets.put(new TopicPartition(topic, r.getPartition()), r.getNextOffset()));
        return offsets;
    }
}
