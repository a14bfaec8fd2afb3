package org.actionlearning.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rebuild of every read model from offset 0, as a state machine: IDLE or DONE, REQUESTED (by an operator, from
 * any thread), then on the consumer's thread RUNNING or REFUSED ({@link #start}), RUNNING counts what is projected
 * ({@link #count}) and becomes DONE once every partition is written up to the end offsets it started with
 * ({@link #finishIfCaughtUp}). The emptied read models and a marker row saying so are committed together, and the
 * marker is removed when done: a restart in the middle finds it and resumes RUNNING ({@link #resumeIfInterrupted}).
 * While REQUESTED or RUNNING the read models are incomplete: the service answers reads 503 meanwhile.
 */
final class Rebuild {

    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);

    private final String topic;
    private final ReadModelReset reset;
    private final Clock clock;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicReference<RebuildStatus> status = new AtomicReference<>(RebuildStatus.idle());
    /** The end offset of each partition when the rebuild started: it is done once written up to them. */
    private volatile Map<TopicPartition, Long> endOffsets = Map.of();

    Rebuild(String topic, ReadModelReset reset, Clock clock, MeterRegistry registry) {
        this.topic = topic;
        this.reset = reset;
        this.clock = clock;
        Gauge.builder("als.projection.rebuild.progress", status, s -> s.get().progress())
                .description("share of the topic replayed by the running rebuild (1 when done)").register(registry);
    }

    /** Any thread: the consumer starts it between two polls. */
    RebuildStatus request() {
        requested.set(true);
        status.set(new RebuildStatus("REQUESTED", Instant.now(clock), null, 0, 0));
        return status.get();
    }

    RebuildStatus status() {
        return status.get();
    }

    /**
     * At start-up, before the consumer runs: a rebuild that was under way when the service stopped goes on from the
     * offsets stored with the read models (RUNNING), and is done once they reach the end offsets it recorded.
     */
    void resumeIfInterrupted() {
        reset.unfinishedRebuild().ifPresent(marker -> {
            endOffsets = marker.endOffsets().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                    e -> new TopicPartition(marker.topic(), e.getKey()), Map.Entry::getValue));
            List<RebuildStatus.SourcePartition> source = marker.endOffsets().entrySet().stream()
                    .map(e -> new RebuildStatus.SourcePartition(e.getKey(), 0L, e.getValue()))
                    .sorted(Comparator.comparingInt(RebuildStatus.SourcePartition::partition)).toList();
            long total = source.stream().mapToLong(RebuildStatus.SourcePartition::toOffset).sum();
            long replayed = reset.recordsProjected(marker.topic());
            status.set(new RebuildStatus("RUNNING", marker.startedAt(), null, total, replayed, marker.topic(), source,
                    null));
            log.info("Resuming the rebuild started at {}: {} of {} records replayed", marker.startedAt(), replayed,
                    total);
        });
    }

    boolean requested() {
        return requested.get();
    }

    /**
     * Consumer thread, nothing being written: empties the read models and seeks every partition back to its
     * beginning; refused (read models untouched) when this instance does not own every partition or a partition's
     * first records are gone ({@link RebuildPreconditions}).
     */
    void start(Consumer<String, byte[]> kafka) {
        Collection<TopicPartition> assigned = kafka.assignment();
        Map<TopicPartition, Long> begin = kafka.beginningOffsets(assigned);
        RebuildPreconditions.Refusal refusal = RebuildPreconditions.notEveryPartition(topic,
                kafka.partitionsFor(topic).size(), assigned);
        if (refusal == null) {
            refusal = RebuildPreconditions.missingHistory(topic, begin);
        }
        RebuildStatus asked = status.get();
        if (refusal != null) {
            log.warn("Rebuild refused: {}", refusal.detail());
            status.set(new RebuildStatus("REFUSED", asked.startedAt(), Instant.now(clock), 0, 0, topic, List.of(),
                    refusal.detail()));
            requested.set(false);
            return;
        }
        Map<TopicPartition, Long> end = kafka.endOffsets(assigned);
        Instant startedAt = asked.startedAt() == null ? Instant.now(clock) : asked.startedAt();
        reset.resetAll(new RebuildMarker(startedAt, topic, end.entrySet().stream().collect(
                java.util.stream.Collectors.toMap(e -> e.getKey().partition(), Map.Entry::getValue))));
        kafka.seekToBeginning(assigned);
        endOffsets = end;
        List<RebuildStatus.SourcePartition> source = endOffsets.entrySet().stream()
                .map(e -> new RebuildStatus.SourcePartition(e.getKey().partition(), begin.getOrDefault(e.getKey(), 0L),
                        e.getValue()))
                .sorted(Comparator.comparingInt(RebuildStatus.SourcePartition::partition)).toList();
        long total = source.stream().mapToLong(p -> p.toOffset() - p.fromOffset()).sum();
        status.set(new RebuildStatus("RUNNING", asked.startedAt(), null, total, 0, topic, source, null));
        log.info("Rebuilding read models from offset 0: {} records on {} partitions", total, assigned.size());
        requested.set(false); // only now: a rebuild that failed to start is tried again after the back-off
        finishIfCaughtUp(kafka); // an empty topic is rebuilt at once
    }

    /** Counts {@code projected} records as replayed by the running rebuild, if one runs. */
    void count(int projected) {
        RebuildStatus running = status.get();
        if ("RUNNING".equals(running.state())) {
            status.set(running.advanced("RUNNING", null, running.recordsReplayed() + projected));
        }
    }

    /**
     * Says the running rebuild is done once the consumer's position is at the end offsets on every partition.
     * Only when no poll is read but not yet written: else the position is past what the read models hold.
     */
    void finishIfCaughtUp(Consumer<String, byte[]> kafka) {
        RebuildStatus running = status.get();
        if (!"RUNNING".equals(running.state())) {
            return;
        }
        if (!kafka.assignment().containsAll(endOffsets.keySet())) {
            return; // resumed after a restart, partitions not assigned yet
        }
        if (endOffsets.entrySet().stream().allMatch(e -> kafka.position(e.getKey()) >= e.getValue())) {
            reset.rebuildDone();
            status.set(running.advanced("DONE", Instant.now(clock), running.recordsReplayed()));
            log.info("Rebuild done: {} records replayed", running.recordsReplayed());
        }
    }
}
