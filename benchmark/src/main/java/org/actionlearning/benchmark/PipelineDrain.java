package org.actionlearning.benchmark;

import java.util.concurrent.TimeUnit;

/**
 * Waits until every event the command service stored is in the query service's read models: its relay published it
 * and the projection committed it (counted as applied, a duplicate or a dead letter). A closed loop at high
 * concurrency stores events faster than the relay and the projection keep up with on two shared cores; without this,
 * the work it leaves behind is paid for by the steps that follow it, and its rate is a burst rate.
 */
final class PipelineDrain {

    private static final long TIMEOUT_SECONDS = 300;
    private final ServiceJvm commands;
    private final ServiceJvm queries;

    PipelineDrain(ServiceJvm commands, ServiceJvm queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** Seconds until the pipeline was drained (polled every 50 ms); throws after five minutes. */
    double await() {
        Stopwatch watch = Stopwatch.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!(behind() <= 0)) { // NaN (a service not answering) is not drained
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the pipeline did not drain in " + TIMEOUT_SECONDS + " s: "
                        + behind() + " stored events not projected");
            }
            Stopwatch.sleep(50);
        }
        return watch.seconds();
    }

    /** Events stored but not yet accounted for by the projection; NaN when a service does not say. */
    private double behind() {
        double stored = commands.counter("als.events.appended");
        double projected = queries.counter("als.projection.events") + queries.counter("als.projection.duplicates")
                + queries.counter("als.projection.dead.letters");
        return stored - projected;
    }
}
