package org.actionlearning.projection;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.actionlearning.events.envelope.EventEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipelined writes: a poll's transactions run on writer threads while the consumer thread polls and reads the
 * next poll, so that PostgreSQL and the parsing overlap instead of taking turns. At most one poll is being written:
 * the next is handed over ({@link #write}) only after {@link #finish} saw every transaction of this one end, so each
 * partition's transactions commit in poll order. Used by the consumer thread only.
 */
final class PollPipeline {

    private static final Logger log = LoggerFactory.getLogger(PollPipeline.class);

    private final ProjectionBatch batch;
    private final ProjectionLiveness liveness;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Timer projectionLag;
    private final ExecutorService writers;
    /** The poll being written, or null. */
    private Writing writing;

    /** A poll handed to the writer threads: the outcome of each of its transactions once committed. */
    private record Writing(List<CompletableFuture<Committed>> transactions) {
    }

    /**
     * A transaction's outcome, when it committed and its record count: the lag is measured to the commit, not to
     * when the consumer thread next looks (after its next poll, up to the poll timeout later when the topic is quiet).
     */
    private record Committed(ProjectionBatch.Outcome outcome, Instant at, int records) {
    }

    /** What the poll being written came to: the records of the transactions that committed, the first failure. */
    record Finished(int projected, RuntimeException failure) {
    }

    PollPipeline(ProjectionBatch batch, int writerThreads, ProjectionLiveness liveness, MeterRegistry registry,
                 Clock clock) {
        this.batch = batch;
        this.liveness = liveness;
        this.registry = registry;
        this.clock = clock;
        this.projectionLag = lagTimer(registry);
        AtomicInteger threads = new AtomicInteger();
        this.writers = Executors.newFixedThreadPool(writerThreads,
                task -> new Thread(task, "projection-writer-" + threads.incrementAndGet()));
    }

    /** The lag timer, registered by the consumer when it is made (a meter there before the first poll). */
    static Timer lagTimer(MeterRegistry registry) {
        return Timer.builder("als.projection.lag")
                .description("from an event being stored to its read-model commit")
                .publishPercentileHistogram().register(registry);
    }

    /** Hands a poll's transactions to the writer threads; the previous poll must be finished. */
    void write(List<ProjectionBatch.ReadPoll> transactions) {
        if (writing != null) {
            throw new IllegalStateException("the previous poll is still being written");
        }
        writing = new Writing(transactions.stream()
                .map(part -> CompletableFuture.supplyAsync(() -> apply(part), writers)).toList());
    }

    /**
     * Waits for every transaction of the poll being written, if any, to end, and counts those that committed. The
     * first failure is returned once none is in flight, so that the consumer can go back to the stored offsets.
     */
    Finished finish() {
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
        return new Finished(projected, failure);
    }

    void shutdown() {
        writers.shutdown();
    }

    /** On a writer thread: one transaction (its size and duration logged at debug level). */
    private Committed apply(ProjectionBatch.ReadPoll read) {
        long started = System.nanoTime();
        Committed committed = new Committed(batch.apply(read), Instant.now(clock), read.reads().size());
        log.debug("{} records written in {} ms", read.reads().size(), (System.nanoTime() - started) / 1_000_000);
        return committed;
    }

    private void recordMetrics(Committed committed) {
        ProjectionBatch.Outcome outcome = committed.outcome();
        Map<String, Integer> appliedPerType = new HashMap<>();
        for (EventEnvelope envelope : outcome.applied()) {
            projectionLag.record(Duration.between(envelope.occurredAt(), committed.at()));
            appliedPerType.merge(envelope.eventType(), 1, Integer::sum);
        }
        // one counter look-up per type and poll: looking it up per event (tags, id, map) costs more than the count
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
}
