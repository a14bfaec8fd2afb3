package org.actionlearning.projection;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the record that makes a poll's transaction fail for good ({@link Failures#isPoison}) and sets it aside, so
 * that one bad record cannot stop every organisation's read models. The poll is written again in halves, in order
 * (each partition's records stay in their order: each half is a prefix or suffix of them), the failing half halved
 * again, down to the one record; that record is tried {@link #ATTEMPTS} times in all, then dead-lettered with the
 * database's reason, parking its aggregate: the aggregate's later events are dead-lettered behind it, in order, for
 * the replay after a fix. A transient failure on the way is thrown: the consumer pauses and resumes from the stored
 * offsets, and isolates again. Consumer thread, nothing else being written.
 */
final class PoisonIsolation {

    private static final Logger log = LoggerFactory.getLogger(PoisonIsolation.class);
    /** Tries of the single record before it is dead-lettered. */
    static final int ATTEMPTS = 3;
    private static final Duration BETWEEN_ATTEMPTS = Duration.ofMillis(200);

    private final Function<ProjectionBatch.ReadPoll, RuntimeException> write;
    private final ProjectionBatch batch;

    /**
     * @param write writes one transaction and returns its failure, or null once it committed
     */
    PoisonIsolation(Function<ProjectionBatch.ReadPoll, RuntimeException> write, ProjectionBatch batch) {
        this.write = write;
        this.batch = batch;
    }

    /** Writes the poll, dead-lettering its poison records; returns how many were dead-lettered. */
    int write(ProjectionBatch.ReadPoll poll) {
        return write(poll.reads());
    }

    private int write(List<ProjectionBatch.ReadRecord> reads) {
        RuntimeException failure = write.apply(new ProjectionBatch.ReadPoll(reads));
        if (failure == null) {
            return 0;
        }
        if (!Failures.isPoison(failure)) {
            throw failure;
        }
        if (reads.size() > 1) {
            int half = reads.size() / 2;
            return write(reads.subList(0, half)) + write(reads.subList(half, reads.size()));
        }
        return retryThenDeadLetter(reads.get(0), failure);
    }

    private int retryThenDeadLetter(ProjectionBatch.ReadRecord read, RuntimeException failure) {
        RuntimeException last = failure;
        for (int attempt = 2; attempt <= ATTEMPTS; attempt++) {
            sleep();
            last = write.apply(new ProjectionBatch.ReadPoll(List.of(read)));
            if (last == null) {
                return 0;
            }
            if (!Failures.isPoison(last)) {
                throw last;
            }
        }
        String reason = Failures.reason(last);
        log.error("Projection dead-letters {} partition {} offset {} after {} attempts: {}", read.record().topic(),
                read.record().partition(), read.record().offset(), ATTEMPTS, reason);
        batch.deadLetter(read, reason);
        return 1;
    }

    private static void sleep() {
        try {
            Thread.sleep(BETWEEN_ATTEMPTS.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
