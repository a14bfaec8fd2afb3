package org.actionlearning.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.actionlearning.events.envelope.EventEnvelope;
import org.actionlearning.events.envelope.EventJson;
import org.actionlearning.events.envelope.ReadEvent;
import org.actionlearning.events.envelope.UnreadableEventException;
import org.actionlearning.projection.schema.ParkedEventRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jooq.Row3;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, for one transaction, what becomes of each event by its aggregate's sequence, so that every event is
 * applied exactly once and in order, and none is dropped without a trace:
 * <ul>
 *   <li>the next expected sequence: applied, then the aggregate's parked events that now follow without a gap;</li>
 *   <li>past the next expected one (a gap): parked until the missing sequences arrive;</li>
 *   <li>below it: a duplicate if its event id was applied, otherwise dead-lettered loudly (never skipped);</li>
 *   <li>an aggregate behind a dead letter: its events are dead-lettered behind it, in order, for the replay.</li>
 * </ul>
 */
final class AggregateSequencer {

    private static final Logger log = LoggerFactory.getLogger(AggregateSequencer.class);

    /** What became of an event. */
    enum Verdict { APPLIED, DUPLICATE, PARKED, DEAD_LETTER }

    /** Why an event is dead-lettered, and whether its aggregate's later events wait behind it. */
    record DeadLetter(String reason, boolean blocksAggregate) {
    }

    private final Map<String, Long> positions;
    private final Set<String> blocked;
    private final Set<String> waiting;
    private final Set<UUID> appliedIds;
    private final BiConsumer<ReadEvent, EventEnvelope> apply;
    private final ParkedEvents parked;
    private final DeadLetters deadLetters;
    private final List<Row3<UUID, String, Long>> appliedRows = new ArrayList<>();
    private final List<EventEnvelope> applied = new ArrayList<>();
    private DeadLetter lastDeadLetter;
    private int parkedCount;
    private int outOfSequence;
    private int drainedDeadLetters;

    /**
     * @param positions  the last applied sequence of each aggregate (absent: none yet); updated as events apply
     * @param blocked    aggregates parked behind a dead letter
     * @param waiting    aggregates with parked events
     * @param appliedIds event ids known to be applied, among those of events below their next expected sequence
     * @param apply      applies one event to the read models (throws {@link UnreadableEventException})
     */
    AggregateSequencer(Map<String, Long> positions, Set<String> blocked, Set<String> waiting, Set<UUID> appliedIds,
                       BiConsumer<ReadEvent, EventEnvelope> apply, ParkedEvents parked, DeadLetters deadLetters) {
        this.positions = positions;
        this.blocked = blocked;
        this.waiting = waiting;
        this.appliedIds = appliedIds;
        this.apply = apply;
        this.parked = parked;
        this.deadLetters = deadLetters;
    }

    /** The next sequence {@code aggregateId} expects. */
    long expected(String aggregateId) {
        return positions.getOrDefault(aggregateId, -1L) + 1;
    }

    /**
     * Sequences, parks or applies the event; on {@link Verdict#DEAD_LETTER} the caller stores (or keeps) the record
     * as a dead letter with {@link #lastDeadLetter()}.
     */
    Verdict accept(ReadEvent read, ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope = read.envelope();
        String aggregateId = envelope.aggregateId();
        long sequence = envelope.sequenceNumber();
        long expected = expected(aggregateId);
        if (sequence < expected) {
            if (appliedIds.contains(envelope.eventId())) {
                return Verdict.DUPLICATE;
            }
            outOfSequence++;
            String reason = "sequence %d of %s is below the next expected %d, and its event %s was never applied"
                    .formatted(sequence, aggregateId, expected, envelope.eventId());
            log.error("Projection dead-letters {} ({} partition {} offset {})", reason, record.topic(),
                    record.partition(), record.offset());
            return deadLetter(reason, false);
        }
        if (blocked.contains(aggregateId)) {
            return deadLetter("parked behind an earlier dead letter of " + aggregateId, true);
        }
        if (sequence > expected) {
            parked.park(record, envelope);
            waiting.add(aggregateId);
            parkedCount++;
            return Verdict.PARKED;
        }
        try {
            applyOne(read);
        } catch (UnreadableEventException e) {
            blocked.add(aggregateId);
            return deadLetter(e.getMessage(), true);
        }
        if (waiting.contains(aggregateId)) {
            applyWaitingEvents(aggregateId);
        }
        return Verdict.APPLIED;
    }

    /** The aggregate's parked events that follow what is applied without a gap, applied in order and removed. */
    private void applyWaitingEvents(String aggregateId) {
        List<ParkedEventRecord> events = parked.of(aggregateId);
        int left = events.size();
        for (ParkedEventRecord event : events) {
            long expected = expected(aggregateId);
            if (event.getSequenceNumber() > expected) {
                break;
            }
            parked.remove(aggregateId, event.getSequenceNumber());
            left--;
            if (event.getSequenceNumber() < expected) {
                continue; // cannot happen: a sequence is parked only while ahead
            }
            try {
                applyOne(EventJson.read(event.getRecordValue()));
            } catch (UnreadableEventException e) {
                blocked.add(aggregateId);
                deadLetters.store(new ConsumerRecord<>(event.getTopic(), event.getPartition(),
                        event.getRecordOffset(), event.getRecordKey(), event.getRecordValue()), aggregateId,
                        event.getSequenceNumber(), e.getMessage(), true);
                drainedDeadLetters++;
                break;
            }
        }
        if (left == 0) {
            waiting.remove(aggregateId);
        }
    }

    private void applyOne(ReadEvent read) {
        EventEnvelope envelope = read.envelope();
        apply.accept(read, envelope);
        positions.put(envelope.aggregateId(), envelope.sequenceNumber());
        appliedIds.add(envelope.eventId());
        appliedRows.add(DSL.row(envelope.eventId(), envelope.aggregateId(), envelope.sequenceNumber()));
        applied.add(envelope);
    }

    private Verdict deadLetter(String reason, boolean blocksAggregate) {
        lastDeadLetter = new DeadLetter(reason, blocksAggregate);
        return Verdict.DEAD_LETTER;
    }

    DeadLetter lastDeadLetter() {
        return lastDeadLetter;
    }

    List<Row3<UUID, String, Long>> appliedRows() {
        return appliedRows;
    }

    List<EventEnvelope> applied() {
        return applied;
    }

    int parkedCount() {
        return parkedCount;
    }

    int outOfSequence() {
        return outOfSequence;
    }

    /** Parked events that turned out unreadable when their turn came (stored as dead letters here). */
    int drainedDeadLetters() {
        return drainedDeadLetters;
    }
}
