package org.actionlearning.projection;

import static org.actionlearning.projection.schema.EngineTables.AGGREGATE_POSITION;
import static org.actionlearning.projection.schema.EngineTables.CONSUMER_OFFSET;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.actionlearning.events.envelope.EventEnvelope;
import org.actionlearning.events.envelope.EventJson;
import org.actionlearning.events.envelope.ReadEvent;
import org.actionlearning.events.envelope.UnreadableEventException;
import org.actionlearning.projection.schema.DeadLetterRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Row2;
import org.jooq.Row3;
import org.jooq.Row4;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a poll's records to the read models in ONE transaction (or a large poll in one per group of its
 * partitions, side by side: {@link #transactions}), together with the next offset of each partition and the last
 * applied sequence of each aggregate. So a crash before commit replays the poll
 * against unchanged tables, and a duplicate from the at-least-once relay (an event id already applied) is skipped:
 * the read models see each event exactly once, in its aggregate's order ({@link AggregateSequencer}).
 */
@Component
public class ProjectionBatch {

    private final DSLContext db;
    private final ReadModelWrites writes;
    private final ProjectionHandlers handlers = new ProjectionHandlers();
    private final ProjectionProperties properties;
    private final DeadLetters deadLetters;
    private final AppliedEvents appliedEvents;
    private final ParkedEvents parkedEvents;
    private final OffsetFence fence;

    public ProjectionBatch(@ProjectionDb DSLContext db, ReadModelWrites writes, List<Projection> projections,
                           ProjectionProperties properties, DeadLetters deadLetters) {
        this.db = db;
        this.writes = writes;
        this.properties = properties;
        this.deadLetters = deadLetters;
        this.appliedEvents = new AppliedEvents(db);
        this.parkedEvents = new ParkedEvents(db);
        this.fence = new OffsetFence(db);
        projections.forEach(p -> p.register(handlers));
    }

    /**
     * What a batch did, for metrics: the events applied, in order; the duplicates skipped; the records dead-lettered;
     * the events parked behind a gap; of the dead letters, those below their aggregate's next sequence.
     */
    public record Outcome(List<EventEnvelope> applied, int duplicates, int deadLetters, int parked,
                          int outOfSequence) {
        public Outcome(List<EventEnvelope> applied, int duplicates, int deadLetters) {
            this(applied, duplicates, deadLetters, 0, 0);
        }
    }

    /** What a replay of the dead letters did. */
    public record ReplayOutcome(int applied, int stillFailing) {
    }

    /**
     * One poll's records, each read (its JSON parsed) once, before the poll's transaction: the consumer reads the
     * next poll while the previous one is written ({@link ProjectionConsumer}).
     */
    public record ReadPoll(List<ReadRecord> reads) {

        /** This poll's records followed by {@code next}'s, for one transaction. */
        ReadPoll and(ReadPoll next) {
            List<ReadRecord> both = new ArrayList<>(reads.size() + next.reads.size());
            both.addAll(reads);
            both.addAll(next.reads);
            return new ReadPoll(both);
        }

        /**
         * The poll's records in at most {@code parts} polls by partition, the poll's partitions dealt out in turn
         * (in their order), each partition's records in their order, none empty.
         */
        List<ReadPoll> byPartition(int parts) {
            Map<Integer, Integer> partOf = new HashMap<>();
            reads.stream().map(read -> read.record().partition()).distinct().sorted()
                    .forEach(partition -> partOf.put(partition, partOf.size() % parts));
            if (partOf.size() < 2 || parts < 2) {
                return List.of(this);
            }
            List<List<ReadRecord>> split = new ArrayList<>();
            for (int i = 0; i < Math.min(parts, partOf.size()); i++) {
                split.add(new ArrayList<>());
            }
            reads.forEach(read -> split.get(partOf.get(read.record().partition())).add(read));
            return split.stream().map(ReadPoll::new).toList();
        }

        /** The first offset of each partition in the poll. */
        Map<TopicPartition, Long> firstOffsets() {
            Map<TopicPartition, Long> first = new HashMap<>();
            reads.forEach(read -> first.merge(new TopicPartition(read.record().topic(), read.record().partition()),
                    read.record().offset(), Math::min));
            return first;
        }

        /** The event ids of the records at or below their aggregate's last applied sequence: maybe duplicates. */
        Set<UUID> eventIdsAtOrBelow(Map<String, Long> positions) {
            Set<UUID> ids = new HashSet<>();
            reads.forEach(read -> {
                EventEnvelope envelope = read.envelope();
                if (envelope != null
                        && envelope.sequenceNumber() <= positions.getOrDefault(envelope.aggregateId(), -1L)) {
                    ids.add(envelope.eventId());
                }
            });
            return ids;
        }

        /** The aggregates whose events the poll holds (not its unreadable records). */
        Set<String> aggregateIds() {
            Set<String> ids = new HashSet<>();
            reads.forEach(read -> {
                if (read.envelope() != null) {
                    ids.add(read.envelope().aggregateId());
                }
            });
            return ids;
        }
    }

    /**
     * The transactions a poll is written in, side by side: one per group of its partitions, at most {@code writers}.
     * An aggregate's events share a partition (the key is the programme), so they write different rows; except when
     * the poll holds an event whose projection writes other programmes' rows too (an erasure): then one transaction.
     */
    public List<ReadPoll> transactions(ReadPoll poll, int writers) {
        for (ReadRecord read : poll.reads()) {
            if (read.envelope() != null && handlers.writesAcrossProgrammes(read.envelope())) {
                return List.of(poll);
            }
        }
        return poll.byPartition(writers);
    }

    /** Reads the records of a poll; touches no table, so it may run while another poll's transaction does. */
    public ReadPoll read(ConsumerRecords<String, byte[]> records) {
        List<ReadRecord> reads = new ArrayList<>(records.count());
        records.forEach(record -> reads.add(ReadRecord.of(record)));
        return new ReadPoll(reads);
    }

    /**
     * The poll's transaction, in few round trips, as at low load a poll holds a few events and its transaction's
     * time is mostly waits for PostgreSQL on busy cores: the fence on the poll's offsets, the aggregates' states in
     * one query (their positions locked), the read models' writes, the positions, applied event ids and offsets in one
     * batch, the commit. Events are sequenced per aggregate ({@link AggregateSequencer}): a gap parks, an unknown
     * event below the next expected sequence is dead-lettered, a known one is a duplicate.
     */
    @Transactional(ProjectionDatabase.TRANSACTIONS)
    public Outcome apply(ReadPoll poll) {
        fence.lock(properties.groupId(), poll.firstOffsets());
        int duplicates = 0;
        int deadLetterCount = 0;
        Map<TopicPartition, Long> nextOffsets = new HashMap<>();
        AggregateStates states = aggregateStates(poll.aggregateIds());
        AggregateSequencer sequencer = new AggregateSequencer(states.positions(), states.blocked(), states.waiting(),
                appliedEvents.appliedAmong(poll.eventIdsAtOrBelow(states.positions())), this::project, parkedEvents,
                deadLetters);
        for (ReadRecord read : poll.reads()) {
            ConsumerRecord<String, byte[]> record = read.record();
            nextOffsets.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
            EventEnvelope envelope = read.envelope();
            if (envelope == null) {
                deadLetters.store(record, null, null, read.unreadable());
                deadLetterCount++;
                continue;
            }
            switch (sequencer.accept(read.read(), record)) {
                case DUPLICATE -> duplicates++;
                case DEAD_LETTER -> {
                    AggregateSequencer.DeadLetter letter = sequencer.lastDeadLetter();
                    deadLetters.store(record, envelope.aggregateId(), envelope.sequenceNumber(), letter.reason(),
                            letter.blocksAggregate());
                    deadLetterCount++;
                }
                default -> {
                }
            }
        }
        handlers.eventsApplied();
        writes.flush(); // the batch's writes are in the tables when it returns, not only once it commits
        storeProgress(states.positions(), nextOffsets, sequencer.appliedRows(), commitWithoutWaitingForTheDisk());
        return new Outcome(sequencer.applied(), duplicates, deadLetterCount + sequencer.drainedDeadLetters(),
                sequencer.parkedCount(), sequencer.outOfSequence());
    }

    /**
     * Sets aside a record that cannot be projected ({@link PoisonIsolation}): kept as a dead letter with the reason,
     * parking its aggregate (its later events are dead-lettered behind it), and its partition's offset moved past
     * it, in one transaction fenced like a poll's.
     */
    @Transactional(ProjectionDatabase.TRANSACTIONS)
    public void deadLetter(ReadRecord read, String reason) {
        ConsumerRecord<String, byte[]> record = read.record();
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        fence.lock(properties.groupId(), Map.of(partition, record.offset()));
        EventEnvelope envelope = read.envelope();
        deadLetters.store(record, envelope == null ? null : envelope.aggregateId(),
                envelope == null ? null : envelope.sequenceNumber(), reason, envelope != null);
        storeProgress(Map.of(), Map.of(partition, record.offset() + 1), List.of());
    }

    /**
     * The commit returns before its WAL reaches the disk. Safe for this transaction only: the read models and the
     * offsets they were built from commit together, so a crash that loses the last commits loses both, and the
     * consumer re-projects those records from the older stored offsets. Nothing outside learns of a commit before it
     * is durable except readers of the read models, which may then briefly see a state that is projected again.
     * It saves the wait for the disk on every poll, a large share of the projection thread's time. (Any time before
     * the commit will do: PostgreSQL reads the setting when the transaction commits.)
     */
    private static Query commitWithoutWaitingForTheDisk() {
        return DSL.query("set local synchronous_commit = off");
    }

    /**
     * Tries the dead letters again (after a fix to the reader), in their order per aggregate, sequenced as the
     * consumer sequences events: a letter that now reads is applied (or parked, past a gap) and removed, one that is
     * a known duplicate is removed; one that still fails keeps its aggregate's later letters behind it.
     */
    @Transactional(ProjectionDatabase.TRANSACTIONS)
    public ReplayOutcome replayDeadLetters() {
        return replay(deadLetters.inReplayOrder());
    }

    /**
     * The replay of one aggregate's dead letters (null: those of no aggregate), in a transaction of its own: after a
     * replay of all of them failed for a letter that still cannot be stored, the others go on without it.
     */
    @Transactional(ProjectionDatabase.TRANSACTIONS)
    public ReplayOutcome replayDeadLettersOf(String aggregateId) {
        List<DeadLetterRecord> letters = new ArrayList<>(deadLetters.inReplayOrder());
        letters.removeIf(letter -> !java.util.Objects.equals(letter.getAggregateId(), aggregateId));
        return replay(letters);
    }

    /** The aggregates that have dead letters (null for records of none), in replay order. */
    public List<String> deadLetterAggregates() {
        return deadLetters.inReplayOrder().stream().map(DeadLetterRecord::getAggregateId).distinct().toList();
    }

    private ReplayOutcome replay(List<DeadLetterRecord> letters) {
        Map<DeadLetterRecord, ReadEvent> readable = new HashMap<>();
        Map<DeadLetterRecord, String> unreadable = new HashMap<>();
        for (DeadLetterRecord letter : letters) {
            try {
                readable.put(letter, EventJson.read(letter.getRecordValue()));
            } catch (UnreadableEventException e) {
                unreadable.put(letter, e.getMessage());
            }
        }
        Set<String> aggregateIds = new HashSet<>();
        readable.values().forEach(read -> aggregateIds.add(read.envelope().aggregateId()));
        AggregateStates states = aggregateStates(aggregateIds);
        Set<UUID> ids = new HashSet<>();
        readable.values().forEach(read -> ids.add(read.envelope().eventId()));
        AggregateSequencer sequencer = new AggregateSequencer(states.positions(), new HashSet<>(), states.waiting(),
                appliedEvents.appliedAmong(ids), this::project, parkedEvents, deadLetters);
        int failing = 0;
        for (DeadLetterRecord letter : letters) {
            ReadEvent read = readable.get(letter);
            if (read == null) {
                deadLetters.stillFailing(letter, unreadable.get(letter));
                failing++;
                continue;
            }
            ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(letter.getTopic(), letter.getPartition(),
                    letter.getRecordOffset(), letter.getRecordKey(), letter.getRecordValue());
            if (sequencer.accept(read, record) == AggregateSequencer.Verdict.DEAD_LETTER) {
                deadLetters.stillFailing(letter, sequencer.lastDeadLetter().reason());
                failing++;
            } else {
                deadLetters.resolved(letter);
            }
        }
        handlers.eventsApplied();
        writes.flush();
        storeProgress(states.positions(), Map.of(), sequencer.appliedRows());
        return new ReplayOutcome(sequencer.applied().size(), failing);
    }

    /** The dead letters kept now of an aggregate (null: of none). */
    public int deadLetterCount(String aggregateId) {
        return (int) deadLetters.parked().stream().filter(p -> java.util.Objects.equals(p.aggregateId(), aggregateId))
                .count();
    }

    /** Applies the event to the read models (throws if this reader cannot bind its payload). */
    private void project(ReadEvent read, EventEnvelope envelope) {
        handlers.apply(read.event(), envelope);
    }

    /**
     * A record read once per batch, its payload bound in the same pass where it can be; {@code unreadable} says
     * why when it is not an envelope.
     */
    public record ReadRecord(ConsumerRecord<String, byte[]> record, ReadEvent read, String unreadable) {
        static ReadRecord of(ConsumerRecord<String, byte[]> record) {
            try {
                return new ReadRecord(record, EventJson.read(record.value()), null);
            } catch (UnreadableEventException e) {
                return new ReadRecord(record, null, e.getMessage());
            }
        }

        EventEnvelope envelope() {
            return read == null ? null : read.envelope();
        }
    }

    /**
     * What a poll's aggregates have behind them: the last applied sequence of each (absent for one not seen yet), which
     * are parked behind a dead letter and which have events waiting for a gap to fill. All mutable: the poll adds to
     * them as it applies and parks.
     */
    private record AggregateStates(Map<String, Long> positions, Set<String> blocked, Set<String> waiting) {
    }

    /**
     * The states of these aggregates, in one query; their positions are locked until the transaction ends, so that
     * two transactions cannot both apply an aggregate's next events (with {@link OffsetFence} for the partitions).
     */
    private AggregateStates aggregateStates(Set<String> aggregateIds) {
        AggregateStates states = new AggregateStates(new HashMap<>(), new HashSet<>(), new HashSet<>());
        if (aggregateIds.isEmpty()) {
            return states;
        }
        Table<?> ids = DSL.unnest(aggregateIds.toArray(String[]::new)).as("ids", "id");
        Field<String> id = ids.field("id", String.class);
        Table<?> position = DSL.lateral(DSL.select(AGGREGATE_POSITION.LAST_SEQUENCE).from(AGGREGATE_POSITION)
                .where(AGGREGATE_POSITION.AGGREGATE_ID.eq(id)).forUpdate()).as("position");
        Field<Long> last = position.field(AGGREGATE_POSITION.LAST_SEQUENCE);
        db.select(id, last, DeadLetters.parks(id), ParkedEvents.waits(id))
                .from(ids).leftJoin(position).on(DSL.trueCondition())
                .forEach(r -> {
                    if (r.value2() != null) {
                        states.positions().put(r.value1(), r.value2());
                    }
                    if (r.value3()) {
                        states.blocked().add(r.value1());
                    }
                    if (r.value4()) {
                        states.waiting().add(r.value1());
                    }
                });
        return states;
    }

    /**
     * The last applied sequence of each aggregate, the ids of the events applied and the next offset of each
     * partition, written by one multi-row statement each, sent with {@code also} as one JDBC batch: one round trip.
     */
    private void storeProgress(Map<String, Long> positions, Map<TopicPartition, Long> nextOffsets,
                               List<Row3<UUID, String, Long>> appliedRows, Query... also) {
        List<Query> statements = new ArrayList<>(List.of(also));
        if (!appliedRows.isEmpty()) {
            statements.add(appliedEvents.record(appliedRows));
        }
        List<Row2<String, Long>> positionRows = new ArrayList<>();
        positions.forEach((aggregateId, sequence) -> {
            if (sequence >= 0) {
                positionRows.add(DSL.row(aggregateId, sequence));
            }
        });
        if (!positionRows.isEmpty()) {
            statements.add(db.insertInto(AGGREGATE_POSITION, AGGREGATE_POSITION.AGGREGATE_ID,
                            AGGREGATE_POSITION.LAST_SEQUENCE)
                    .valuesOfRows(positionRows)
                    .onConflict(AGGREGATE_POSITION.AGGREGATE_ID).doUpdate()
                    .set(AGGREGATE_POSITION.LAST_SEQUENCE, DSL.excluded(AGGREGATE_POSITION.LAST_SEQUENCE)));
        }
        List<Row4<String, String, Integer, Long>> offsetRows = new ArrayList<>();
        nextOffsets.forEach((partition, next) ->
                offsetRows.add(DSL.row(properties.groupId(), partition.topic(), partition.partition(), next)));
        if (!offsetRows.isEmpty()) {
            statements.add(db.insertInto(CONSUMER_OFFSET, CONSUMER_OFFSET.GROUP_ID, CONSUMER_OFFSET.TOPIC,
                            CONSUMER_OFFSET.PARTITION, CONSUMER_OFFSET.NEXT_OFFSET)
                    .valuesOfRows(offsetRows)
                    .onConflict(CONSUMER_OFFSET.GROUP_ID, CONSUMER_OFFSET.TOPIC, CONSUMER_OFFSET.PARTITION).doUpdate()
                    .set(CONSUMER_OFFSET.NEXT_OFFSET, DSL.excluded(CONSUMER_OFFSET.NEXT_OFFSET)));
        }
        if (!statements.isEmpty()) {
            db.batch(statements).execute();
        }
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
