package org.actionlearning.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.actionlearning.events.envelope.EventEnvelope;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The consumer group member that keeps the read models up to date: polls the events topic, applies each poll
 * in one transaction, or a large one in one per group of its partitions ({@link ProjectionBatch}), and on
 * partition assignment resumes from the offsets stored in PostgreSQL (not Kafka's committed offsets), following
 * "Storing Offsets Outside Kafka".
 * Also runs rebuilds from offset 0 while the API keeps answering.
 * <p>
 * A poll's transaction runs on a writer thread while this thread polls and reads (parses) the next one: PostgreSQL
 * and the parsing overlap instead of taking turns. A large poll is split by partition into up to {@code writers}
 * transactions written side by side on their own connections, each storing its own partitions' offsets, so a core
 * that waits for PostgreSQL's answer to one has the other's work (one transaction if the poll holds an erasure:
 * {@link ProjectionBatch#transactions}). At most one poll is being written, and the next is
 * handed over only once all of its transactions ended, so each partition's transactions commit in poll order. When
 * one fails, the poll read meanwhile is dropped and the consumer goes back to the stored offsets: those of the last
 * committed transaction of each partition. A small poll gets what
 * arrived during the write added before it is handed over, so that at low load an event waits for one transaction
 * before its own, not two.
 */
@Component
public class ProjectionConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionConsumer.class);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

    private final ProjectionProperties properties;
    private final ProjectionLiveness liveness;
    private final ProjectionBatch batch;
    private final ReadModelReset reset;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Timer projectionLag;
    private final AtomicLong consumerLag = new AtomicLong();
    private final AtomicBoolean rebuildRequested = new AtomicBoolean();
    private final AtomicBoolean replayRequested = new AtomicBoolean();
    private final AtomicReference<ProjectionBatch.ReplayOutcome> lastReplay = new AtomicReference<>();
    private final AtomicReference<RebuildStatus> rebuild = new AtomicReference<>(RebuildStatus.idle());
    private volatile Map<TopicPartition, Long> rebuildEndOffsets = Map.of();
    private volatile boolean running;
    /** Why projection is paused (the last failure), or null while it runs. */
    private volatile String pausedBy;
    /** Set after a failure: the consumer's position may be past what the read models hold. */
    private boolean resyncNeeded;
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;
    private ExecutorService writer;
    /** The poll being written on the writer threads, or null: touched by the consumer thread only. */
    private Writing writing;
    /** Partition revocations and assignments so far (consumer thread only). */
    private int rebalances;

    /** A poll handed to the writer threads: the outcome of each of its transactions once committed. */
    private record Writing(List<CompletableFuture<Committed>> transactions) {
    }

    /**
     * A transaction's outcome, when it committed and its record count: the lag is measured to the commit, not to
     * when this thread next looks (after its next poll, up to the poll timeout later when the topic is quiet).
     */
    private record Committed(ProjectionBatch.Outcome outcome, Instant at, int records) {
    }

    public ProjectionConsumer(ProjectionProperties properties, ProjectionBatch batch, ReadModelReset reset,
                              MeterRegistry registry) {
        this(properties, batch, reset, registry, new ProjectionLiveness());
    }

    @Autowired
    public ProjectionConsumer(ProjectionProperties properties, ProjectionBatch batch, ReadModelReset reset,
                              MeterRegistry registry, ProjectionLiveness liveness) {
        this.liveness = liveness;
        this.properties = properties;
        this.batch = batch;
        this.reset = reset;
        this.registry = registry;
        this.clock = Clock.systemUTC();
        this.projectionLag = Timer.builder("als.projection.lag")
                .description("from an event being stored to its read-model commit")
                .publishPercentileHistogram().register(registry);
        Gauge.builder("als.projection.consumer.lag", consumerLag, AtomicLong::get)
                .description("records on the topic not yet projected").register(registry);
        Gauge.builder("als.projection.rebuild.progress", rebuild, r -> r.get().progress())
                .description("share of the topic replayed by the running rebuild (1 when done)").register(registry);
    }

    /** Asks for every read model to be rebuilt from offset 0; the API keeps answering meanwhile. */
    public RebuildStatus requestRebuild() {
        rebuildRequested.set(true);
        rebuild.set(new RebuildStatus("REQUESTED", Instant.now(clock), null, 0, 0));
        return rebuild.get();
    }

    public RebuildStatus rebuildStatus() {
        return rebuild.get();
    }

    /** Asks for the dead letters to be tried again, on the consumer's thread, between two polls. */
    public void requestDeadLetterReplay() {
        replayRequested.set(true);
    }

    /** The outcome of the last dead-letter replay, or null if none ran yet. */
    public ProjectionBatch.ReplayOutcome lastReplay() {
        return lastReplay.get();
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            log.info("Projection consumer disabled (als.projection.enabled=false)");
            return;
        }
        running = true;
        AtomicInteger writers = new AtomicInteger();
        writer = Executors.newFixedThreadPool(properties.writers(),
                task -> new Thread(task, "projection-writer-" + writers.incrementAndGet()));
        thread = new Thread(this::runUntilStopped, "projection-consumer");
        liveness.started(thread);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(15).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    public long consumerLag() {
        return consumerLag.get();
    }

    /** Null while projecting normally; otherwise the failure that pauses it (PostgreSQL or Kafka away). */
    public String pausedBy() {
        return pausedBy;
    }

    public ProjectionLiveness liveness() {
        return liveness;
    }

    /** {@link #run}, with what ends the thread abnormally recorded (and an OutOfMemoryError ending the process). */
    private void runUntilStopped() {
        try {
            run();
        } catch (OutOfMemoryError e) {
            liveness.outOfMemory(e);
        } catch (Throwable e) {
            liveness.died(e); // logged there; the thread ends, the health says so
        }
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, properties.groupId(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.maxPollRecords(),
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, (int) properties.maxPartitionFetchBytes().toBytes()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = kafka;
            kafka.subscribe(List.of(properties.topic()), new ResumeFromStoredOffsets(kafka));
            try {
                while (running) {
                    try {
                        pollOnce(kafka);
                        pausedBy = null;
                        liveness.pollCompleted();
                    } catch (WakeupException stopping) {
                        throw stopping;
                    } catch (RuntimeException e) {
                        // PostgreSQL or Kafka is unavailable: keep the thread, resume from the stored offsets later
                        log.warn("Projection paused, retrying in {}: {}", RETRY_BACKOFF, e.toString());
                        pausedBy = e.toString();
                        resyncNeeded = true;
                        sleep(RETRY_BACKOFF);
                    }
                }
            } catch (WakeupException stopping) {
                // stop() woke the consumer up
            } finally {
                finishWritingQuietly(kafka); // before leaving the group: the next owner resumes after this poll
            }
        } finally {
            consumer = null;
            writer.shutdown();
        }
    }

    private void pollOnce(KafkaConsumer<String, byte[]> kafka) {
        if (resyncNeeded || rebuildRequested.get() || replayRequested.get()) {
            finishWriting(kafka, true); // these read or reset what the poll being written changes
        }
        if (resyncNeeded) {
            // a batch failed: its records may have been fetched past; go back to what is committed
            seekToStoredOffsets(kafka, kafka.assignment());
            resyncNeeded = false;
        }
        if (rebuildRequested.get()) {
            startRebuild(kafka);
            rebuildRequested.set(false);
        }
        if (replayRequested.get()) {
            lastReplay.set(batch.replayDeadLetters());
            replayRequested.set(false);
            log.info("Dead letters replayed: {}", lastReplay.get());
        }
        ConsumerRecords<String, byte[]> records = kafka.poll(properties.pollTimeout());
        if (records.isEmpty()) {
            finishWriting(kafka, true);
        } else {
            ProjectionBatch.ReadPoll read = batch.read(records); // while the previous poll is being written
            finishWriting(kafka, false);
            ProjectionBatch.ReadPoll whole = withWhatArrivedMeanwhile(kafka, read);
            if (whole != null) {
                List<ProjectionBatch.ReadPoll> parts = isSmall(whole) ? List.of(whole)
                        : batch.transactions(whole, properties.writers());
                writing = new Writing(parts.stream()
                        .map(part -> CompletableFuture.supplyAsync(() -> write(part), writer)).toList());
            }
        }
        consumerLag.set(kafka.assignment().stream().mapToLong(tp -> kafka.currentLag(tp).orElse(0)).sum());
    }

    /**
     * A small poll with the records that arrived while the previous poll was written added to it; null if partitions
     * moved meanwhile (the consumer then resyncs: the poll may hold records of partitions now another member's).
     * The consumer has one fetch in flight, which the broker answers as soon as the first records arrive: at low load
     * a poll read during a write holds the first event or two of it, and the events of the next answer, received
     * meanwhile, would wait for that small poll's whole transaction before their own. A poll that does not wait takes
     * them; polls of a tenth of the maximum and more are written as they are. (A further poll of 2 ms for what came
     * after that answer gathered less than it cost: paired runs, BENCHMARKS.md.)
     */
    private ProjectionBatch.ReadPoll withWhatArrivedMeanwhile(KafkaConsumer<String, byte[]> kafka,
                                                              ProjectionBatch.ReadPoll read) {
        if (!isSmall(read)) {
            return read;
        }
        int rebalancesBefore = rebalances;
        ConsumerRecords<String, byte[]> received = kafka.poll(Duration.ZERO);
        if (rebalances != rebalancesBefore) {
            resyncNeeded = true;
            return null;
        }
        return received.isEmpty() ? read : read.and(batch.read(received));
    }

    /**
     * A poll under a tenth of the most a poll may hold: written in one transaction, with what arrived while it was
     * read; at low load one commit per poll costs less than two and the poll waits for no other.
     */
    private boolean isSmall(ProjectionBatch.ReadPoll read) {
        return read.reads().size() < properties.maxPollRecords() / 10;
    }

    /** On a writer thread: one transaction (its size and duration logged at debug level). */
    private Committed write(ProjectionBatch.ReadPoll read) {
        long started = System.nanoTime();
        Committed committed = new Committed(batch.apply(read), Instant.now(clock), read.reads().size());
        log.debug("{} records written in {} ms", read.reads().size(), (System.nanoTime() - started) / 1_000_000);
        return committed;
    }

    /**
     * Waits for every transaction of the poll being written, if any, to end, and counts those that committed; then
     * throws the first failure (once none is in flight, so that the consumer can go back to the stored offsets).
     * {@code positionWritten}: no poll after it was read yet (else the consumer's position is past what the read
     * models hold).
     */
    private void finishWriting(Consumer<String, byte[]> kafka, boolean positionWritten) {
        int projected = 0;
        RuntimeException failure = null;
        if (writing != null) {
            Writing written = writing;
            writing = null;
            for (CompletableFuture<Committed> transaction : written.transactions()) {
                try {
                    Committed committed = transaction.join();
                    recordMetrics(committed);
                    projected += committed.records();
                } catch (CompletionException e) {
                    if (e.getCause() instanceof OutOfMemoryError oom) {
                        liveness.outOfMemory(oom);
                    }
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException cause ? cause : e;
                    }
                }
            }
        }
        advanceRebuild(projected, kafka, positionWritten && failure == null);
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * As {@link #finishWriting}, where a failure cannot be thrown (stopping, rebalancing): it makes the consumer
     * resync. Does not end a rebuild, as the partitions may be changing.
     */
    private void finishWritingQuietly(Consumer<String, byte[]> kafka) {
        try {
            finishWriting(kafka, false);
        } catch (RuntimeException e) {
            log.warn("Projection batch failed, resuming from the stored offsets: {}", e.toString());
            pausedBy = e.toString();
            resyncNeeded = true;
        }
    }

    private void recordMetrics(Committed committed) {
        ProjectionBatch.Outcome outcome = committed.outcome();
        Map<String, Integer> appliedPerType = new HashMap<>();
        for (EventEnvelope envelope : outcome.applied()) {
            projectionLag.record(Duration.between(envelope.occurredAt(), committed.at()));
            appliedPerType.merge(envelope.eventType(), 1, Integer::sum);
        }
        // one counter look-up per type and poll: looking it up per event (tags, id, map) cost more than the count
        appliedPerType.forEach((type, count) -> registry.counter("als.projection.events", "type", type)
                .increment(count));
        if (outcome.duplicates() > 0) {
            registry.counter("als.projection.duplicates").increment(outcome.duplicates());
        }
        if (outcome.deadLetters() > 0) {
            registry.counter("als.projection.dead.letters").increment(outcome.deadLetters());
        }
        if (outcome.parked() > 0) {
            registry.counter("als.projection.parked.events").increment(outcome.parked());
        }
        if (outcome.outOfSequence() > 0) {
            registry.counter("als.projection.out.of.sequence").increment(outcome.outOfSequence());
        }
    }

    /**
     * Empties the read models and seeks every partition back to its beginning; refused (read models untouched) when
     * this instance does not own every partition or a partition's first records are gone ({@link RebuildPreconditions}).
     */
    private void startRebuild(KafkaConsumer<String, byte[]> kafka) {
        Collection<TopicPartition> assigned = kafka.assignment();
        Map<TopicPartition, Long> begin = kafka.beginningOffsets(assigned);
        RebuildPreconditions.Refusal refusal = RebuildPreconditions.notEveryPartition(properties.topic(),
                kafka.partitionsFor(properties.topic()).size(), assigned);
        if (refusal == null) {
            refusal = RebuildPreconditions.missingHistory(properties.topic(), begin);
        }
        RebuildStatus requested = rebuild.get();
        if (refusal != null) {
            log.warn("Rebuild refused: {}", refusal.detail());
            rebuild.set(new RebuildStatus("REFUSED", requested.startedAt(), Instant.now(clock), 0, 0,
                    properties.topic(), List.of(), refusal.detail()));
            return;
        }
        reset.resetAll();
        kafka.seekToBeginning(assigned);
        rebuildEndOffsets = kafka.endOffsets(assigned);
        List<RebuildStatus.SourcePartition> source = rebuildEndOffsets.entrySet().stream()
                .map(e -> new RebuildStatus.SourcePartition(e.getKey().partition(), begin.getOrDefault(e.getKey(), 0L),
                        e.getValue()))
                .sorted(java.util.Comparator.comparingInt(RebuildStatus.SourcePartition::partition)).toList();
        long total = source.stream().mapToLong(p -> p.toOffset() - p.fromOffset()).sum();
        rebuild.set(new RebuildStatus("RUNNING", requested.startedAt(), null, total, 0, properties.topic(), source,
                null));
        log.info("Rebuilding read models from offset 0: {} records on {} partitions", total, assigned.size());
        advanceRebuild(0, kafka, true);
    }

    /**
     * Counts {@code projected} records as replayed, and says the rebuild is done once every partition is written
     * up to its end offset: known from the consumer's position only when {@code positionWritten}, i.e. no poll is
     * read but not yet written.
     */
    private void advanceRebuild(int projected, Consumer<String, byte[]> kafka, boolean positionWritten) {
        RebuildStatus status = rebuild.get();
        if (!"RUNNING".equals(status.state())) {
            return;
        }
        boolean caughtUp = positionWritten && rebuildEndOffsets.entrySet().stream()
                .allMatch(e -> kafka.position(e.getKey()) >= e.getValue());
        long replayed = status.recordsReplayed() + projected;
        rebuild.set(caughtUp ? status.advanced("DONE", Instant.now(clock), replayed)
                : status.advanced("RUNNING", null, replayed));
        if (caughtUp) {
            log.info("Rebuild done: {} records replayed", replayed);
        }
    }

    private void seekToStoredOffsets(Consumer<String, byte[]> kafka, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> stored = batch.storedOffsets(properties.topic());
        for (TopicPartition partition : partitions) {
            Long next = stored.get(partition);
            if (next != null) {
                kafka.seek(partition, next);
            } else {
                kafka.seekToBeginning(List.of(partition));
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** On assignment, continue from the offsets committed with the read models, whatever Kafka remembers. */
    private final class ResumeFromStoredOffsets implements ConsumerRebalanceListener {
        private final Consumer<String, byte[]> kafka;

        ResumeFromStoredOffsets(Consumer<String, byte[]> kafka) {
            this.kafka = kafka;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            rebalances++;
            finishWritingQuietly(kafka); // so the stored offsets include the poll being written
            seekToStoredOffsets(kafka, partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            rebalances++;
            // offsets are stored with each batch's transaction: the next owner resumes after the poll being written
            finishWritingQuietly(kafka);
        }
    }
}
