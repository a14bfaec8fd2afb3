package org.actionlearning.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Whether the projection's consumer thread is alive and getting on: when it last completed a poll (written, or
 * empty), and what killed it if it died. An OutOfMemoryError on the consumer or a writer thread ends the process: the
 * state of a JVM out of memory cannot be trusted, and a service that answers but no longer projects is worse than
 * one that restarts (the poll in flight rolls back with its connection; the stored offsets bring the next owner back
 * to it).
 */
@Component
public class ProjectionLiveness {

    private static final Logger log = LoggerFactory.getLogger(ProjectionLiveness.class);
    /** The process's exit status after an OutOfMemoryError in the projection. */
    public static final int OUT_OF_MEMORY_EXIT_STATUS = 3;

    private final Clock clock;
    private final Runnable exit;
    private volatile Thread thread;
    private volatile Instant lastPollCompleted;
    private volatile Throwable death;

    @Autowired
    public ProjectionLiveness() {
        this(Clock.systemUTC(), () -> Runtime.getRuntime().halt(OUT_OF_MEMORY_EXIT_STATUS));
    }

    /** {@code exit} ends the process (tests record the call instead). */
    ProjectionLiveness(Clock clock, Runnable exit) {
        this.clock = clock;
        this.exit = exit;
    }

    void started(Thread consumerThread) {
        thread = consumerThread;
        death = null;
        lastPollCompleted = Instant.now(clock);
    }

    void pollCompleted() {
        lastPollCompleted = Instant.now(clock);
    }

    /** The consumer thread ends by this throwable (not by a stop). */
    void died(Throwable cause) {
        death = cause;
        log.error("Projection consumer thread died: projection stopped until the service restarts", cause);
    }

    /** Logs and ends the process; does not return where the exit does. */
    void outOfMemory(OutOfMemoryError error) {
        death = error;
        log.error("Projection ran out of memory: exiting with status {}", OUT_OF_MEMORY_EXIT_STATUS, error);
        exit.run();
    }

    /** Why the projection is not alive or stalled, or null while it polls. */
    String problem(Duration stalledAfter) {
        Thread current = thread;
        if (current == null) {
            return null;
        }
        if (death != null) {
            return "consumer thread died: " + death;
        }
        if (!current.isAlive()) {
            return "consumer thread ended";
        }
        Duration since = Duration.between(lastPollCompleted, Instant.now(clock));
        if (since.compareTo(stalledAfter) > 0) {
            return "no poll completed for " + since.toSeconds() + " s (more than " + stalledAfter.toSeconds() + " s)";
        }
        return null;
    }

    Instant lastPollCompleted() {
        return lastPollCompleted;
    }
}
