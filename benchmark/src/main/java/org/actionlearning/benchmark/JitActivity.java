package org.actionlearning.benchmark;

import java.lang.management.ManagementFactory;

/**
 * How much the JIT compilers of the JVMs on a measured path are still at work: the services' (from their actuators)
 * and this JVM's own (the load generator and the probe). A load new to the JVMs makes them compile for tens of
 * seconds on two shared cores, and those compilations compete with the load for the cores. The compile time is the
 * JVMs' own count (wall time of each compilation), which a compiler thread waiting for a core inflates: under a load
 * that saturates the cores it does not settle (tried for the ingest step at concurrency 64, BENCHMARKS.md).
 */
final class JitActivity {

    /**
     * A warm-up round is the last when the JVMs together compiled for less than this share of it: about the third run
     * at 25% in the JFR that counted compilations per run (1.1 s in 28 s), against 11 s in the second and 51 s in the
     * first.
     */
    private static final double SETTLED_SHARE = 0.1;
    private static final int MAX_ROUNDS = 6;

    private final ServiceJvm[] services;

    JitActivity(ServiceJvm... services) {
        this.services = services;
    }

    /** How the warm-up went: its rounds, and the compile time of all the JVMs in the last one (settled or not). */
    record WarmUp(int rounds, double lastRoundMillis) {
    }

    /** Runs {@code round} (lasting {@code roundSeconds}) until the JITs settle, or {@value #MAX_ROUNDS} times. */
    WarmUp warmUntilSettled(Runnable round, double roundSeconds) {
        double[] before = millis();
        for (int rounds = 1; ; rounds++) {
            round.run();
            double[] after = millis();
            double compiled = 0;
            StringBuilder each = new StringBuilder();
            for (int i = 0; i < after.length; i++) {
                compiled += after[i] - before[i];
                each.append(i == 0 ? "" : ", ").append(i == 0 ? "benchmark" : services[i - 1].name())
                        .append(' ').append(Results.format(after[i] - before[i]));
            }
            System.out.printf("  warm-up round %d: the JITs compiled for %s ms (%s)%n", rounds,
                    Results.format(compiled), each);
            if (compiled < SETTLED_SHARE * roundSeconds * 1000 || rounds == MAX_ROUNDS || Double.isNaN(compiled)) {
                return new WarmUp(rounds, compiled);
            }
            before = after;
        }
    }

    /** Compile time so far of this JVM, then of each service, in ms (NaN for a service that does not say). */
    private double[] millis() {
        double[] millis = new double[services.length + 1];
        millis[0] = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        for (int i = 0; i < services.length; i++) {
            millis[i + 1] = services[i].compilationMillis();
        }
        return millis;
    }
}
