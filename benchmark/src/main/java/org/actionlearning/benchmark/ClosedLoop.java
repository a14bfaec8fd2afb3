package org.actionlearning.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A closed-loop load: {@code concurrency} threads each run one operation after the other for a while (after a
 * warm-up that is not counted), so the rate is what the system sustains at that concurrency.
 */
public final class ClosedLoop {

    /** One thread's operation; true when it succeeded. Each thread gets its own (e.g. its own connection). */
    public interface Operation extends AutoCloseable {
        boolean run() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    /**
     * What a load achieved: successful operations per second and their latencies, over the measured seconds;
     * {@code allSucceeded} counts the warm-up's too.
     */
    public record Result(int concurrency, long succeeded, long failed, double seconds, Latencies latencies,
                         long allSucceeded) {
        public double perSecond() {
            return succeeded / seconds;
        }
    }

    private ClosedLoop() {
    }

    public static Result run(int concurrency, double warmupSeconds, double seconds, Supplier<Operation> operations) {
        Latencies latencies = new Latencies();
        AtomicLong succeeded = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong allSucceeded = new AtomicLong();
        long begin = System.nanoTime();
        long measureFrom = begin + (long) (warmupSeconds * 1e9);
        long end = measureFrom + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Thread thread = new Thread(() -> {
                try (Operation operation = operations.get()) {
                    long now = System.nanoTime();
                    while (now < end) {
                        boolean ok = operation.run();
                        long done = System.nanoTime();
                        if (ok) {
                            allSucceeded.incrementAndGet();
                        }
                        if (now >= measureFrom && done <= end) {
                            if (ok) {
                                succeeded.incrementAndGet();
                                latencies.add(done - now);
                            } else {
                                failed.incrementAndGet();
                            }
                        }
                        now = done;
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "load-" + i);
            thread.start();
            threads.add(thread);
        }
        threads.forEach(ClosedLoop::join);
        return new Result(concurrency, succeeded.get(), failed.get(), seconds, latencies, allSucceeded.get());
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
