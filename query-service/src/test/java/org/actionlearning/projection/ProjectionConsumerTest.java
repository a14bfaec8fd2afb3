package org.actionlearning.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.actionlearning.events.envelope.EventJson;
import org.actionlearning.events.programme.ProgrammeLaunched;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

/**
 * The consumer reads the next poll while the previous one is written: when a write fails, the poll read meanwhile
 * must be dropped, not written, and the consumer must resume from the stored offsets. So every record is written
 * exactly once, in order per partition, however the failures fall.
 */
class ProjectionConsumerTest {

    private static final String TOPIC = "als.events.consumer-test";
    private static final int RECORDS = 600;

    /**
     * With two writers a poll of the topic's partitions may be written as two transactions side by side, and a
     * failure of one leaves the other committed: its partitions go on from their own stored offsets. A successful
     * write takes longer than a failing one, so a consumer that went back to the stored offsets before the other
     * transaction ended would read that one's records again.
     */
    @ParameterizedTest(name = "{0} writer(s)")
    @ValueSource(ints = {1, 2})
    void aFailedWriteLosesNoRecordAndWritesNoneTwice(int writers) {
        String topic = TOPIC + "-" + writers;
        sendRecords(topic, RECORDS);
        FailingWrites batch = new FailingWrites();
        ProjectionConsumer consumer = new ProjectionConsumer(properties(topic, "consumer-test-" + writers, 40,
                Duration.ofMillis(100), writers), batch, null, new SimpleMeterRegistry());

        consumer.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> batch.written() >= RECORDS);
        } finally {
            consumer.stop();
        }

        assertThat(batch.failures.get()).isGreaterThanOrEqualTo(2);
        Map<Integer, List<Long>> offsets = batch.writtenOffsetsByPartition();
        assertThat(offsets.values().stream().mapToInt(List::size).sum()).isEqualTo(RECORDS);
        offsets.forEach((partition, written) -> {
            for (int i = 0; i < written.size(); i++) {
                assertThat(written.get(i)).as("offset %d of partition %d", i, partition).isEqualTo(i);
            }
        });
    }

    @Test
    void invalidSettingsAreRefusedNamingTheProperty() {
        assertThatThrownBy(() -> new ProjectionProperties(EmbeddedInfrastructure.kafkaBootstrapServers(), TOPIC,
                "consumer-test", 40, Duration.ofMillis(100), true, "", 0, platformFetch()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("als.projection.writers must be at least 1, not 0");
        for (DataSize outside : List.of(DataSize.ofBytes(0), DataSize.ofGigabytes(2))) {
            assertThatThrownBy(() -> new ProjectionProperties(EmbeddedInfrastructure.kafkaBootstrapServers(), TOPIC,
                    "consumer-test", 40, Duration.ofMillis(100), true, "", 1, outside))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("als.projection.max-partition-fetch-bytes must be from 1B to 2147483647B, not "
                            + outside);
        }
    }

    /**
     * Kafka's consumer fetches at most 1 MiB of a partition by default, about 1,400 of the platform's events: an
     * instance holding few partitions then wrote polls far smaller than {@code max-poll-records} (more commits and
     * position writes per event). The platform's default fetch size lets one partition fill a poll.
     */
    @Test
    void onePartitionFillsAPollLargerThanKafkasDefaultFetch() {
        String topic = TOPIC + "-large-fetch";
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 3_000; i++) { // 3 MB under one key: one partition
                producer.send(new ProducerRecord<>(topic, "one-key", new byte[1_000]));
            }
        }
        RecordsPerWrite batch = new RecordsPerWrite();
        ProjectionConsumer consumer = new ProjectionConsumer(properties(topic, "consumer-large-fetch-test", 3_000,
                Duration.ofMillis(100), 1), batch, null, new SimpleMeterRegistry());
        consumer.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> batch.records() == 3_000);
        } finally {
            consumer.stop();
        }

        assertThat(batch.sizes).containsExactly(3_000);
    }

    /** A poll of a tenth of the maximum or more, from several partitions, is written in transactions side by side. */
    @Test
    void aLargePollIsWrittenAsTransactionsSideBySide() {
        String topic = TOPIC + "-side-by-side";
        sendRecords(topic, 300);
        SideBySide batch = new SideBySide();
        ProjectionConsumer consumer = new ProjectionConsumer(properties(topic, "consumer-side-by-side-test", 1_000,
                Duration.ofMillis(100), 2), batch, null, new SimpleMeterRegistry());
        consumer.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> batch.records.get() == 300);
        } finally {
            consumer.stop();
        }

        assertThat(batch.metBeside.get()).as("transactions that met another one in flight").isGreaterThanOrEqualTo(2);
        assertThat(batch.partitionsInTwoTransactionsAtOnce).isEmpty();
    }

    /**
     * The lag is measured to the poll's commit: on a quiet topic the consumer thread only learns of the commit when
     * its next poll times out, which must not count.
     */
    @Test
    void theProjectionLagEndsWhenThePollCommitsNotWhenTheConsumerNextLooks() {
        String topic = TOPIC + "-lag";
        Duration quietPoll = Duration.ofSeconds(3);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ProjectionConsumer consumer = new ProjectionConsumer(properties(topic, "consumer-lag-test", 40, quietPoll, 2),
                new EachRecordJustStored(), null, registry);
        consumer.start();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "key", "record".getBytes(StandardCharsets.UTF_8)));
            producer.flush();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> registry.get("als.projection.lag").timer().count() == 1);
        } finally {
            consumer.stop();
        }

        // committed right after it was read; counted only after the next (empty, 3 s) poll
        assertThat(registry.get("als.projection.lag").timer().max(TimeUnit.MILLISECONDS))
                .isLessThan(quietPoll.toMillis() / 2.0);
    }

    /**
     * At low load the consumer reads a poll while another is written, and the broker answers its fetch with the first
     * record that arrives: the records that arrive after that one join it in the same transaction, instead of waiting
     * for it to commit before theirs starts.
     */
    @Test
    void recordsArrivingWhileAPollIsWrittenJoinTheSmallPollReadMeanwhile() throws Exception {
        String topic = TOPIC + "-meanwhile";
        HeldSecondWrite batch = new HeldSecondWrite();
        // a long poll: an empty one waits for the write in progress (so that its commit counts), here the held one
        ProjectionConsumer consumer = new ProjectionConsumer(properties(topic, "consumer-meanwhile-test", 100,
                Duration.ofSeconds(20), 2), batch, null, new SimpleMeterRegistry());
        // one produce request for the three records sent together, so one fetch answer brings all of them
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 1_000), new StringSerializer(), new ByteArraySerializer())) {
            send(producer, topic, "zero"); // the topic exists before the consumer subscribes
            consumer.start();
            // a first write once the group is settled: a rebalance waits for the write in progress, held or not
            await().atMost(Duration.ofSeconds(30)).until(() -> batch.writes().size() == 1);
            send(producer, topic, "first");
            await().atMost(Duration.ofSeconds(30)).until(() -> batch.writes().size() == 2); // written, held there
            send(producer, topic, "second");
            await().atMost(Duration.ofSeconds(30)).until(() -> batch.recordsRead.get() == 3); // read meanwhile
            producer.send(new ProducerRecord<>(topic, "key", bytes("third")));
            producer.send(new ProducerRecord<>(topic, "key", bytes("fourth")));
            send(producer, topic, "fifth");
            Thread.sleep(500); // fetched while the first write is still held
            batch.release.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> batch.recordsRead.get() == 6
                    && batch.writes().stream().mapToInt(List::size).sum() == 6);
        } finally {
            batch.release.countDown();
            consumer.stop();
        }

        assertThat(batch.writes()).containsExactly(List.of("zero"), List.of("first"),
                List.of("second", "third", "fourth", "fifth"));
    }

    /**
     * The consumer thread ended by an error nothing catches (here a LinkageError while reading a poll): the health
     * was UP forever, as only stop() cleared it. Now the projection is DOWN and says why.
     */
    @Test
    void aDeadConsumerThreadTurnsTheProjectionHealthDown() {
        String topic = TOPIC + "-dies";
        ProjectionProperties properties = properties(topic, "consumer-dies-test", 40, Duration.ofMillis(100), 1);
        StandInBatch dying = new StandInBatch() {
            @Override
            public ReadPoll read(ConsumerRecords<String, byte[]> records) {
                throw new LinkageError("simulated: a class that cannot be loaded");
            }
        };
        ProjectionConsumer consumer = new ProjectionConsumer(properties, dying, null, new SimpleMeterRegistry());
        var health = new ProjectionConfiguration().projectionHealthIndicator(consumer, properties,
                new ProjectionHealthProperties(Duration.ofMinutes(1), Duration.ofMinutes(1)));
        consumer.start();
        try {
            sendRecords(topic, 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> "DOWN".equals(health.health().getStatus().getCode()));
            assertThat(health.health().getDetails().get("pausedBy").toString())
                    .isEqualTo("consumer thread died: java.lang.LinkageError: simulated: a class that cannot be loaded");
        } finally {
            consumer.stop();
        }
    }

    /** A write stuck (on a lock, say) longer than the stalled time turns the health DOWN; UP again once it ends. */
    @Test
    void aStuckWriteTurnsTheProjectionHealthDownUntilItEnds() {
        String topic = TOPIC + "-stuck";
        ProjectionProperties properties = properties(topic, "consumer-stuck-test", 40, Duration.ofMillis(100), 1);
        CountDownLatch release = new CountDownLatch(1);
        StandInBatch stuck = new StandInBatch() {
            @Override
            public Outcome apply(ReadPoll poll) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new Outcome(List.of(), 0, 0);
            }
        };
        ProjectionConsumer consumer = new ProjectionConsumer(properties, stuck, null, new SimpleMeterRegistry());
        var health = new ProjectionConfiguration().projectionHealthIndicator(consumer, properties,
                new ProjectionHealthProperties(Duration.ofSeconds(1), Duration.ofMinutes(1)));
        consumer.start();
        try {
            sendRecords(topic, 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> "DOWN".equals(health.health().getStatus().getCode()));
            assertThat(health.health().getDetails().get("pausedBy").toString()).startsWith("no poll completed for ");
            release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> "UP".equals(health.health().getStatus().getCode()));
        } finally {
            release.countDown();
            consumer.stop();
        }
    }

    /** An OutOfMemoryError on a writer thread ends the process (here: the exit is recorded instead). */
    @Test
    void anOutOfMemoryErrorWhileWritingEndsTheProcess() {
        String topic = TOPIC + "-oom";
        AtomicInteger exits = new AtomicInteger();
        ProjectionLiveness liveness = new ProjectionLiveness(java.time.Clock.systemUTC(), exits::incrementAndGet);
        StandInBatch outOfMemory = new StandInBatch() {
            @Override
            public Outcome apply(ReadPoll poll) {
                throw new OutOfMemoryError("simulated");
            }
        };
        ProjectionConsumer consumer = new ProjectionConsumer(properties(topic, "consumer-oom-test", 40,
                Duration.ofMillis(100), 1), outOfMemory, null, new SimpleMeterRegistry(), liveness);
        consumer.start();
        try {
            sendRecords(topic, 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> exits.get() >= 1);
        } finally {
            consumer.stop();
        }
    }

    private static ProjectionProperties properties(String topic, String groupId, int maxPollRecords,
                                                   Duration pollTimeout, int writers) {
        return new ProjectionProperties(EmbeddedInfrastructure.kafkaBootstrapServers(), topic, groupId, maxPollRecords,
                pollTimeout, true, "", writers, platformFetch());
    }

    /** The fetch size the platform runs with, so that a smaller default fails the large-fetch test. */
    private static DataSize platformFetch() {
        return DataSize.parse(ProjectionProperties.DEFAULT_MAX_PARTITION_FETCH);
    }

    /** {@code count} records "record i" under seven keys, so spread over the topic's partitions. */
    private static void sendRecords(String topic, int count) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, "key-" + i % 7, bytes("record " + i)));
            }
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, String value) {
        producer.send(new ProducerRecord<>(topic, "key", bytes(value)));
        producer.flush();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** Stands in for the read models: records each write's record values; the second write waits for a release. */
    private static final class HeldSecondWrite extends StandInBatch {
        private final CountDownLatch release = new CountDownLatch(1);
        private final AtomicInteger recordsRead = new AtomicInteger();
        private final List<List<String>> writes = new ArrayList<>();

        @Override
        public ReadPoll read(ConsumerRecords<String, byte[]> records) {
            recordsRead.addAndGet(records.count());
            return super.read(records);
        }

        @Override
        public Outcome apply(ReadPoll poll) {
            int write;
            synchronized (writes) {
                writes.add(poll.reads().stream()
                        .map(read -> new String(read.record().value(), StandardCharsets.UTF_8)).toList());
                write = writes.size();
            }
            if (write == 2) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new Outcome(List.of(), 0, 0);
        }

        List<List<String>> writes() {
            synchronized (writes) {
                return new ArrayList<>(writes);
            }
        }
    }

    /** Stands in for the read models: records how many records each write held. */
    private static final class RecordsPerWrite extends StandInBatch {
        private final List<Integer> sizes = new CopyOnWriteArrayList<>();

        @Override
        public Outcome apply(ReadPoll poll) {
            sizes.add(poll.reads().size());
            return new Outcome(List.of(), 0, 0);
        }

        int records() {
            return sizes.stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Stands in for the read models: a transaction waits up to 2 s for another one to be in flight beside it. */
    private static final class SideBySide extends StandInBatch {
        private final CyclicBarrier beside = new CyclicBarrier(2);
        private final AtomicInteger metBeside = new AtomicInteger();
        private final AtomicInteger records = new AtomicInteger();
        private final Set<Integer> inFlight = ConcurrentHashMap.newKeySet();
        private final Set<Integer> partitionsInTwoTransactionsAtOnce = ConcurrentHashMap.newKeySet();

        @Override
        public Outcome apply(ReadPoll poll) {
            Set<Integer> partitions = new HashSet<>();
            poll.reads().forEach(read -> partitions.add(read.record().partition()));
            partitions.forEach(partition -> {
                if (!inFlight.add(partition)) {
                    partitionsInTwoTransactionsAtOnce.add(partition);
                }
            });
            try {
                beside.await(2, TimeUnit.SECONDS);
                metBeside.incrementAndGet();
            } catch (TimeoutException | BrokenBarrierException e) {
                beside.reset(); // alone: a small poll, or one partition's
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.removeAll(partitions);
            }
            records.addAndGet(poll.reads().size());
            return new Outcome(List.of(), 0, 0);
        }
    }

    /** A batch without read models: nothing stored, so the consumer starts each partition from its beginning. */
    private abstract static class StandInBatch extends ProjectionBatch {
        StandInBatch() {
            super(null, null, List.of(), null, null);
        }

        @Override
        public Map<TopicPartition, Long> storedOffsets(String topic) {
            return Map.of();
        }
    }

    /** Stands in for the read models: each poll "applies" one event stored just now. */
    private static final class EachRecordJustStored extends StandInBatch {
        @Override
        public Outcome apply(ReadPoll poll) {
            UUID programme = UUID.randomUUID();
            return new Outcome(List.of(EventJson.envelope(UUID.randomUUID(), "Programme", programme.toString(), 0,
                    Instant.now(), new ProgrammeLaunched(programme, "Org", "P", "S", LocalDate.of(2026, 1, 5),
                            "GBP"))), 0, 0);
        }
    }

    /**
     * Stands in for the read models: a write "commits" its records and their next offsets together, except the
     * 3rd and 7th, which fail as if PostgreSQL went away mid-transaction.
     */
    private static final class FailingWrites extends StandInBatch {
        private final List<ConsumerRecord<String, byte[]>> written = new ArrayList<>();
        private final Map<TopicPartition, Long> storedOffsets = new ConcurrentHashMap<>();
        private final AtomicInteger writes = new AtomicInteger();
        private final AtomicInteger failures = new AtomicInteger();
        @Override
        public Outcome apply(ReadPoll poll) {
            int write = writes.incrementAndGet();
            if (write == 3 || write == 7) {
                failures.incrementAndGet();
                throw new IllegalStateException("PostgreSQL went away");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            synchronized (written) {
                poll.reads().forEach(read -> {
                    written.add(read.record());
                    storedOffsets.put(new TopicPartition(read.record().topic(), read.record().partition()),
                            read.record().offset() + 1);
                });
            }
            return new Outcome(List.of(), 0, 0);
        }

        @Override
        public Map<TopicPartition, Long> storedOffsets(String topic) {
            return new HashMap<>(storedOffsets);
        }

        int written() {
            synchronized (written) {
                return written.size();
            }
        }

        Map<Integer, List<Long>> writtenOffsetsByPartition() {
            Map<Integer, List<Long>> offsets = new HashMap<>();
            synchronized (written) {
                written.forEach(r -> offsets.computeIfAbsent(r.partition(), p -> new ArrayList<>()).add(r.offset()));
            }
            return offsets;
        }
    }
}
