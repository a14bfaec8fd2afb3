package org.actionlearning.projection;

import static org.actionlearning.projection.schema.EngineTables.DEAD_LETTER;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.actionlearning.projection.schema.DeadLetterRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Records that could not be projected: kept in {@code dead_letter} (in the batch's transaction, for replay) and
 * published to the dead-letter topic with the reason (for operators' tooling). Sequenced per aggregate: an
 * aggregate with a dead letter is "parked", its later events wait behind it.
 */
@Component
public class DeadLetters implements DisposableBean {

    private final DSLContext db;
    private final ProjectionProperties properties;
    private volatile Producer<String, byte[]> producer;

    public DeadLetters(@ProjectionDb DSLContext db, ProjectionProperties properties) {
        this.db = db;
        this.properties = properties;
    }

    /**
     * Whether the aggregate is parked behind a dead letter, as a column of a query: the projection asks it together
     * with the aggregates' positions, in one round trip per poll.
     */
    static Field<Boolean> parks(Field<String> aggregateId) {
        return DSL.exists(DSL.selectOne().from(DEAD_LETTER).where(DEAD_LETTER.AGGREGATE_ID.eq(aggregateId)
                .and(DEAD_LETTER.BLOCKS_AGGREGATE)));
    }

    /** A dead letter that parks its aggregate: the aggregate's later events wait behind it. */
    void store(ConsumerRecord<String, byte[]> record, String aggregateId, Long sequenceNumber, String reason) {
        store(record, aggregateId, sequenceNumber, reason, true);
    }

    /**
     * {@code blocksAggregate} false for a record that is not ahead of anything (a sequence already passed with an
     * unknown event id): kept for an operator, the aggregate goes on.
     */
    void store(ConsumerRecord<String, byte[]> record, String aggregateId, Long sequenceNumber, String reason,
               boolean blocksAggregate) {
        db.insertInto(DEAD_LETTER)
                .set(DEAD_LETTER.TOPIC, record.topic())
                .set(DEAD_LETTER.PARTITION, record.partition())
                .set(DEAD_LETTER.RECORD_OFFSET, record.offset())
                .set(DEAD_LETTER.AGGREGATE_ID, aggregateId)
                .set(DEAD_LETTER.SEQUENCE_NUMBER, sequenceNumber)
                .set(DEAD_LETTER.REASON, reason)
                .set(DEAD_LETTER.RECORD_KEY, record.key())
                .set(DEAD_LETTER.RECORD_VALUE, record.value())
                .set(DEAD_LETTER.BLOCKS_AGGREGATE, blocksAggregate)
                .onConflictDoNothing()
                .execute();
        publish(record, reason);
    }

    /** A parked record as operators see it. */
    public record Parked(String topic, int partition, long offset, String aggregateId, Long sequenceNumber,
                         String reason, String receivedAt) {
    }

    /** What operators are shown, in replay order. */
    public List<Parked> parked() {
        return inReplayOrder().stream().map(r -> new Parked(r.getTopic(), r.getPartition(), r.getRecordOffset(),
                r.getAggregateId(), r.getSequenceNumber(), r.getReason(),
                r.getReceivedAt() == null ? null : r.getReceivedAt().toString())).toList();
    }

    /** Dead letters in replay order: per aggregate by sequence, records without an aggregate by offset. */
    List<DeadLetterRecord> inReplayOrder() {
        return db.selectFrom(DEAD_LETTER)
                .orderBy(DEAD_LETTER.AGGREGATE_ID.asc().nullsLast(), DEAD_LETTER.SEQUENCE_NUMBER.asc(),
                        DEAD_LETTER.TOPIC, DEAD_LETTER.PARTITION, DEAD_LETTER.RECORD_OFFSET)
                .fetch();
    }

    void resolved(DeadLetterRecord letter) {
        db.deleteFrom(DEAD_LETTER).where(DEAD_LETTER.TOPIC.eq(letter.getTopic())
                .and(DEAD_LETTER.PARTITION.eq(letter.getPartition()))
                .and(DEAD_LETTER.RECORD_OFFSET.eq(letter.getRecordOffset()))).execute();
    }

    void stillFailing(DeadLetterRecord letter, String reason) {
        db.update(DEAD_LETTER).set(DEAD_LETTER.REASON, reason).where(DEAD_LETTER.TOPIC.eq(letter.getTopic())
                .and(DEAD_LETTER.PARTITION.eq(letter.getPartition()))
                .and(DEAD_LETTER.RECORD_OFFSET.eq(letter.getRecordOffset()))).execute();
    }

    /**
     * Synchronous, inside the batch: if the batch then rolls back, the record is dead-lettered again on the
     * retry, so the topic may hold it twice (same original partition and offset in the headers).
     */
    private void publish(ConsumerRecord<String, byte[]> record, String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("x-dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        headers.add("x-original-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("x-original-partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("x-original-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        try {
            producer().send(new ProducerRecord<>(properties.effectiveDeadLetterTopic(), null, record.key(),
                    record.value(), headers)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing a dead letter", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish a dead letter", e);
        }
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                            ProducerConfig.CLIENT_ID_CONFIG, "als-projection-dead-letters",
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                            ProducerConfig.ACKS_CONFIG, "all"),
                            new StringSerializer(), new ByteArraySerializer());
                }
            }
        }
        return producer;
    }

    @Override
    public void destroy() {
        if (producer != null) {
            producer.close();
        }
    }
}
