package org.actionlearning.projection;

import static org.actionlearning.projection.schema.EngineTables.PARKED_EVENT;

import java.time.Instant;
import java.util.List;
import org.actionlearning.events.envelope.EventEnvelope;
import org.actionlearning.projection.schema.ParkedEventRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Events that arrived past a gap in their aggregate's sequence (an earlier one is not here yet): they wait in
 * {@code parked_event}, written in the poll's transaction, until the missing sequence arrives; then they are applied
 * in order and removed. An aggregate with parked events is "waiting".
 */
@Component
public class ParkedEvents {

    private final DSLContext db;

    public ParkedEvents(@ProjectionDb DSLContext db) {
        this.db = db;
    }

    /** Whether the aggregate has events waiting, as a column of the poll's one query of aggregate states. */
    static Field<Boolean> waits(Field<String> aggregateId) {
        return DSL.exists(DSL.selectOne().from(PARKED_EVENT).where(PARKED_EVENT.AGGREGATE_ID.eq(aggregateId)));
    }

    /** Keeps the record until its aggregate's gap fills; a copy already waiting (a relay retry) is kept once. */
    void park(ConsumerRecord<String, byte[]> record, EventEnvelope envelope) {
        db.insertInto(PARKED_EVENT)
                .set(PARKED_EVENT.AGGREGATE_ID, envelope.aggregateId())
                .set(PARKED_EVENT.SEQUENCE_NUMBER, envelope.sequenceNumber())
                .set(PARKED_EVENT.EVENT_ID, envelope.eventId())
                .set(PARKED_EVENT.TOPIC, record.topic())
                .set(PARKED_EVENT.PARTITION, record.partition())
                .set(PARKED_EVENT.RECORD_OFFSET, record.offset())
                .set(PARKED_EVENT.RECORD_KEY, record.key())
                .set(PARKED_EVENT.RECORD_VALUE, record.value())
                .onConflictDoNothing()
                .execute();
    }

    /** The aggregate's waiting events, in sequence order. */
    List<ParkedEventRecord> of(String aggregateId) {
        return db.selectFrom(PARKED_EVENT).where(PARKED_EVENT.AGGREGATE_ID.eq(aggregateId))
                .orderBy(PARKED_EVENT.SEQUENCE_NUMBER).fetch();
    }

    void remove(String aggregateId, long sequenceNumber) {
        db.deleteFrom(PARKED_EVENT).where(PARKED_EVENT.AGGREGATE_ID.eq(aggregateId)
                .and(PARKED_EVENT.SEQUENCE_NUMBER.eq(sequenceNumber))).execute();
    }

    /**
     * An aggregate whose events wait: since when (its oldest parked event), how many wait, and the sequences
     * between its first waiting one and what was applied.
     */
    public record Waiting(String aggregateId, Instant since, int events, long firstWaitingSequence) {
    }

    /** Every waiting aggregate, longest waiting first. */
    public List<Waiting> waiting() {
        Field<java.time.OffsetDateTime> since = DSL.min(PARKED_EVENT.PARKED_AT);
        Field<Long> first = DSL.min(PARKED_EVENT.SEQUENCE_NUMBER);
        return db.select(PARKED_EVENT.AGGREGATE_ID, since, DSL.count(), first).from(PARKED_EVENT)
                .groupBy(PARKED_EVENT.AGGREGATE_ID).orderBy(since)
                .fetch(r -> new Waiting(r.value1(), r.value2().toInstant(), r.value3(), r.value4()));
    }

    /** How many aggregates wait (the {@code als.projection.parked.aggregates} gauge). */
    public int aggregatesWaiting() {
        return db.fetchValue(DSL.select(DSL.countDistinct(PARKED_EVENT.AGGREGATE_ID)).from(PARKED_EVENT));
    }
}
