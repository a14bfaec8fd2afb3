package org.actionlearning.benchmark;

/** Wall time of one measured step. */
public final class Stopwatch {

    private final long start = System.nanoTime();

    public static Stopwatch start() {
        return new Stopwatch();
    }

    public double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
