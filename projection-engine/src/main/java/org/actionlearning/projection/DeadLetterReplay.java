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

    /** Consumer thread, nothing being written. */
    void run() {
        last.set(batch.replayDeadLetters());
        requested.set(false);
        log.info("Dead letters replayed: {}", last.get());
    }
}
