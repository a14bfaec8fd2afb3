package org.actionlearning.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * How long events take to reach the topic: a consumer of its own (read committed, from the end of each partition)
 * records, for each record that arrives while it runs, the time from the event being stored (the record's
 * timestamp, which the relay sets to the event's) to the consumer receiving it. The relay's share of the
 * end-to-end latency, next to the query service's own lag from stored to projected.
 */
final class TopicArrivals implements AutoCloseable {

    private final Latencies arrivals = new Latencies();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    TopicArrivals(String bootstrapServers, String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before the step's first command
        thread = new Thread(() -> {
            try (consumer) {
                while (running.get()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        arrivals.add((System.currentTimeMillis() - record.timestamp()) * 1_000_000);
                    }
                }
            }
        }, "topic-arrivals");
        thread.start();
    }

    /** Stops reading; the latencies of the records received so far. */
    Latencies stop() {
        running.set(false);
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return arrivals;
    }

    @Override
    public void close() {
        stop();
    }
}
