package org.actionlearning.benchmark;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End-to-end latency at a fixed offered rate (open loop): commands are sent at {@code rate} per second whatever
 * the answers take; for one command in {@code SAMPLE}, the time from its 2xx to its programme being visible through
 * the query API ({@code GET /api/programmes/{id}/actions} answers 404 until the programme is projected), polled
 * as {@link #awaitVisible} says.
 */
public final class EndToEnd {

    /**
     * One command in fifty is followed. Each followed command is polled until it shows ({@link #awaitVisible});
     * following one in twenty, the polls at 75% of peak were more requests per second than the commands themselves,
     * on the same two cores, and measured the probe's own load as much as the pipeline.
     */
    private static final int SAMPLE = 50;
    private static final long POLL_MILLIS = 5;
    private static final Pattern PROGRAMME_ID = Pattern.compile("\"programmeId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private final BenchHttp http;
    private final String bootstrapServers;
    private final String topic;

    /** @param topic where the command service's relay publishes */
    public EndToEnd(BenchHttp http, String bootstrapServers, String topic) {
        this.http = http;
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
    }

    /**
     * The latencies of the sampled commands, and the rate actually achieved.
     *
     * @param acknowledged every command, from when it was due to be sent to its 2xx (queueing in the client included)
     * @param onTopic      each event, from stored to read from the topic by a consumer of the benchmark's own
     * @param projected    the query service's own lag, from each event stored to its read-model commit, over all
     *                     events projected during the run
     */
    public record Result(double offeredRate, double achievedRate, Latencies visible, Latencies acknowledged,
                         Latencies onTopic, ProjectionLagHistogram.Reading projected, long failed) {
    }

    public Result run(String commandUrl, String queryUrl, double rate, double seconds) {
        Latencies visible = new Latencies();
        Latencies acknowledged = new Latencies();
        ProjectionLagHistogram.Reading lagBefore = ProjectionLagHistogram.read(http, queryUrl);
        TopicArrivals arrivals = new TopicArrivals(bootstrapServers, topic);
        AtomicLong succeeded = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ExecutorService workers = Executors.newFixedThreadPool(128);
        long total = (long) (rate * seconds);
        long begin = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = begin + (long) (i * 1e9 / rate);
            LockSupport.parkNanos(due - System.nanoTime());
            boolean sampled = i % SAMPLE == 0;
            long n = i;
            workers.execute(() -> {
                BenchHttp.Answer answer = http.postJson(commandUrl + "/api/programmes", CommandIngest.launchProgramme(n));
                if (!answer.ok()) {
                    failed.incrementAndGet();
                    return;
                }
                long answered = System.nanoTime();
                acknowledged.add(answered - due);
                succeeded.incrementAndGet();
                if (sampled) {
                    Matcher id = PROGRAMME_ID.matcher(answer.body());
                    if (id.find() && awaitVisible(queryUrl + "/api/programmes/" + id.group(1) + "/actions")) {
                        visible.add(System.nanoTime() - answered);
                    } else {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        workers.shutdown();
        try {
            workers.awaitTermination(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double elapsed = (System.nanoTime() - begin) / 1e9;
        return new Result(rate, succeeded.get() / elapsed, visible, acknowledged, arrivals.stop(),
                lagBefore.until(ProjectionLagHistogram.read(http, queryUrl)), failed.get());
    }

    /**
     * Polls until the programme shows: every {@code POLL_MILLIS} for the first 50 ms, then every tenth of the time
     * waited so far, so a reading is late by at most 5 ms or 10%. Polling at a fixed 5 ms, a slow spell fed itself:
     * every command followed during it was polled 200 times a second, the polls took the query service's CPU from
     * the projection they waited for, and on a machine with slow system calls an invocation at 150 commands/s
     * collapsed (visible p99 31 s, the query service at 14 ms of CPU per command).
     */
    private boolean awaitVisible(String url) {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (http.get(url).ok()) {
                return true;
            }
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            Stopwatch.sleep(Math.max(POLL_MILLIS, waitedMillis / 10));
        }
        return false;
    }
}
