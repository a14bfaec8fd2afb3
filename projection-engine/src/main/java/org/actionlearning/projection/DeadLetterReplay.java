package org.actionlearning.projection;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replay of the dead letters, asked by an operator from any thread and run on the consumer's thread between two
 * polls, with nothing being written: the replay reads and moves aggregate positions that a poll's transaction would
 * change too.
 */
final class DeadLetterReplay {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);

    private final ProjectionBatch batch;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicReference<ProjectionBatch.ReplayOutcome> last = new AtomicReference<>();

    DeadLetterReplay(ProjectionBatch batch) {
        this.batch = batch;
    }

    void request() {
        requested.set(true);
    }

    boolean requested() {
        return requested.get();
    }

    /** The outcome of the last replay, or null if none ran yet. */
    ProjectionBatch.ReplayOutcome last() {
        return last.get();
    }

    private ProjectionBatch.ReplayOutcome byAggregate() {
        int applied = 0;
        int stillFailing = 0;
        for (String aggregateId : batch.deadLetterAggregates()) {
            try {
                ProjectionBatch.ReplayOutcome outcome = batch.replayDeadLettersOf(aggregateId);
                applied += outcome.applied();
                stillFailing += outcome.stillFailing();
            } catch (RuntimeException e) {
                if (!Failures.isPoison(e)) {
                    throw e;
                }
                stillFailing += batch.deadLetterCount(aggregateId);
            }
        }
        return new ProjectionBatch.ReplayOutcome(applied, stillFailing);
    }

    /** Consumer thread, nothing being written. */
    void run() {
        try {
            last.set(batch.replayDeadLetters());
        } catch (RuntimeException e) {
            if (!Failures.isPoison(e)) {
                throw e; // PostgreSQL away: the consumer pauses and asks again
            }
            // a letter still cannot be stored: replay aggregate by aggregate, so the fixed ones go on and the
            // others stay (asking again until a fix would only stop projection for everyone)
            log.warn("A dead letter still cannot be stored, replaying aggregate by aggregate: {}", Failures.reason(e));
            last.set(byAggregate());
        }
        requested.set(false);
        log.info("Dead letters replayed: {}", last.get());
    }
}
