package org.actionlearning.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
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
 * The consumer group member that keeps the read models up to date: polls the events topic and hands each poll to
 * the writer threads ({@link PollPipeline}), which apply it in one transaction, or a large one in one per group of
 * its partitions ({@link ProjectionBatch}). On partition assignment and after a failure it resumes from the offsets
 * stored in PostgreSQL with the read models, not Kafka's committed offsets ({@link Resync}), following "Storing
 * Offsets Outside Kafka". Between two polls, with nothing being written, it runs what operators ask for: a rebuild
 * from offset 0 ({@link Rebuild}) and a replay of the dead letters ({@link DeadLetterReplay}).
 * <p>
 * When a write fails, the poll read meanwhile is dropped and the consumer goes back to the stored offsets: those of
 * the last committed transaction of each partition.
 */
@Component
public class ProjectionConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionConsumer.class);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

    private final ProjectionProperties properties;
    private final ProjectionLiveness liveness;
    private final ProjectionBatch batch;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Rebuild rebuild;
    private final DeadLetterReplay replay;
    private final Resync resync;
    private final AtomicLong consumerLag = new AtomicLong();
    private volatile boolean running;
    /** Why projection is paused (the last failure), or null while it runs. */
    private volatile String pausedBy;
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;
    /** The writes of the running consumer thread (made per start: its writer threads end with the thread). */
    private PollPipeline pipeline;
    /** Partition revocations and assignments so far (consumer thread only). */
    private int rebalances;
    /** A write failed for good: the next poll is written by {@link PoisonIsolation} (consumer thread only). */
    private boolean isolateNext;

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
        this.registry = registry;
        this.clock = Clock.systemUTC();
        this.rebuild = new Rebuild(properties.topic(), reset, clock, registry);
        this.replay = new DeadLetterReplay(batch);
        this.resync = new Resync(batch, properties.topic());
        if (properties.enabled() && reset != null) {
            rebuild.resumeIfInterrupted(); // before the web server answers: a resumed rebuild is said at once
        }
        PollPipeline.lagTimer(registry);
        Gauge.builder("als.projection.consumer.lag", consumerLag, AtomicLong::get)
                .description("records on the topic not yet projected").register(registry);
    }

    /** Asks for every read model to be rebuilt from offset 0; reads answer 503 meanwhile. */
    public RebuildStatus requestRebuild() {
        return rebuild.request();
    }

    public RebuildStatus rebuildStatus() {
        return rebuild.status();
    }

    /** Asks for the dead letters to be tried again, on the consumer's thread, between two polls. */
    public void requestDeadLetterReplay() {
        replay.request();
    }

    /** The outcome of the last dead-letter replay, or null if none ran yet. */
    public ProjectionBatch.ReplayOutcome lastReplay() {
        return replay.last();
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            log.info("Projection consumer disabled (als.projection.enabled=false)");
            return;
        }
        running = true;
        pipeline = new PollPipeline(batch, properties.writers(), liveness, registry, clock);
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

    /** The poll loop: a failure pauses projection for a back-off, then it resumes from the stored offsets. */
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
                        // PostgreSQL or Kafka is unavailable: keep the thread, resume from the stored offsets later;
                        // a record that cannot be stored is then found and dead-lettered by the next poll's writing
                        isolateNext |= Failures.isPoison(e);
                        log.warn("Projection paused, retrying in {}: {}", RETRY_BACKOFF, e.toString());
                        pausedBy = e.toString();
                        resync.needed(true);
                        sleep(RETRY_BACKOFF);
                    }
                }
            } catch (WakeupException stopping) {
                // stop() woke the consumer up
            } finally {
                finishWritingQuietly(); // before leaving the group: the next owner resumes after this poll
            }
        } finally {
            consumer = null;
            pipeline.shutdown();
        }
    }

    /**
     * One turn of the loop: what operators asked for, or the next poll. A poll is read (parsed) while the previous
     * one is being written, then handed to the writers once that one is finished.
     */
    private void pollOnce(KafkaConsumer<String, byte[]> kafka) {
        boolean asked = resync.needed() || rebuild.requested() || replay.requested();
        // these read or reset what the poll being written changes: they wait for it, so nothing new is polled
        ProjectionBatch.ReadPoll read = asked ? null : read(kafka.poll(properties.pollTimeout()));
        // after a failure the position is past what was written until the resync: a rebuild is not done by it
        finishWriting(kafka, read == null && !resync.needed());
        if (asked) {
            serveRequests(kafka);
        } else if (read != null && isolateNext) {
            isolate(read);
        } else if (read != null) {
            ProjectionBatch.ReadPoll whole = withWhatArrivedMeanwhile(kafka, read);
            if (whole != null) {
                pipeline.write(isSmall(whole) ? List.of(whole) : batch.transactions(whole, properties.writers()));
            }
        }
        consumerLag.set(kafka.assignment().stream().mapToLong(tp -> kafka.currentLag(tp).orElse(0)).sum());
    }

    /**
     * The poll read after a write failed for good (from the stored offsets, so it starts with the records of that
     * write): written one transaction at a time until the poison record is found and dead-lettered.
     */
    private void isolate(ProjectionBatch.ReadPoll read) {
        PoisonIsolation isolation = new PoisonIsolation(part -> {
            pipeline.write(List.of(part));
            PollPipeline.Finished finished = pipeline.finish();
            rebuild.count(finished.projected());
            return finished.failure();
        }, batch);
        int deadLettered = isolation.write(read);
        isolateNext = false;
        if (deadLettered > 0) {
            registry.counter("als.projection.dead.letters").increment(deadLettered);
        }
    }

    /** The poll's records read, or null for an empty poll. */
    private ProjectionBatch.ReadPoll read(ConsumerRecords<String, byte[]> records) {
        return records.isEmpty() ? null : batch.read(records);
    }

    /** Nothing is being written: resync first (a failure may have left the position past the read models). */
    private void serveRequests(Consumer<String, byte[]> kafka) {
        if (resync.needed()) {
            resync.run(kafka);
        }
        if (rebuild.requested()) {
            rebuild.start(kafka);
        }
        if (replay.requested()) {
            replay.run();
        }
    }

    /**
     * The one way the poll loop waits for the poll being written: counts it for a running rebuild, then throws the
     * first failure of its transactions. {@code positionWritten}: no poll was read since (else the consumer's
     * position is past what the read models hold), so a rebuild that reached its end offsets is done.
     */
    private void finishWriting(Consumer<String, byte[]> kafka, boolean positionWritten) {
        PollPipeline.Finished finished = pipeline.finish();
        rebuild.count(finished.projected());
        if (finished.failure() != null) {
            throw finished.failure();
        }
        if (positionWritten) {
            rebuild.finishIfCaughtUp(kafka);
        }
    }

    /**
     * Waits for the poll being written where a failure cannot be thrown (stopping, rebalancing): it makes the
     * consumer resync. Does not end a rebuild, as the partitions may be changing.
     */
    private void finishWritingQuietly() {
        PollPipeline.Finished finished = pipeline.finish();
        rebuild.count(finished.projected());
        if (finished.failure() != null) {
            log.warn("Projection batch failed, resuming from the stored offsets: {}", finished.failure().toString());
            pausedBy = finished.failure().toString();
            resync.needed(true);
        }
    }

    /**
     * A small poll with the records that arrived while the previous poll was written added to it; null if partitions
     * moved meanwhile (the consumer then resyncs: the poll may hold records of partitions now another member's).
     * The consumer has one fetch in flight, which the broker answers as soon as the first records arrive: at low load
     * a poll read during a write holds the first event or two of it, and the events of the next answer, received
     * meanwhile, would wait for that small poll's whole transaction before their own. A poll that does not wait takes
     * them; polls of a tenth of the maximum and more are written as they are. A further short poll for what came after
     * that answer gathered less than it cost (BENCHMARKS.md).
     */
    private ProjectionBatch.ReadPoll withWhatArrivedMeanwhile(KafkaConsumer<String, byte[]> kafka,
                                                              ProjectionBatch.ReadPoll read) {
        if (!isSmall(read)) {
            return read;
        }
        int rebalancesBefore = rebalances;
        ConsumerRecords<String, byte[]> received = kafka.poll(Duration.ZERO);
        if (rebalances != rebalancesBefore) {
            resync.needed(true);
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
            finishWritingQuietly(); // so the stored offsets include the poll being written
            resync.seekToStoredOffsets(kafka, partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            rebalances++;
            // offsets are stored with each batch's transaction: the next owner resumes after the poll being written
            finishWritingQuietly();
        }
    }
}
