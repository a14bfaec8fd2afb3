package org.actionlearning.benchmark;

import java.util.Arrays;

/** Latency samples in nanoseconds, from any number of threads; percentiles by the nearest-rank method. */
public final class Latencies {

    private long[] samples = new long[1 << 16];
    private int count;

    public synchronized void add(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    public synchronized int count() {
        return count;
    }

    /** The p-th percentile (0 < p ≤ 100) in milliseconds; NaN without samples. */
    public synchronized double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }
}
