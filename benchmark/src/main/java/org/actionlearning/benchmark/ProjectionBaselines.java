package org.actionlearning.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.events.envelope.EventEnvelope;
import org.actionlearning.events.envelope.EventJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The two baselines of projection throughput, on the same topic: a bare consumer that reads and discards the
 * records (the ceiling Kafka sets), and a naive projector that reads each envelope and writes one row per
 * transaction (what the projection would do without batching).
 */
public final class ProjectionBaselines {

    private final BenchInfrastructure infrastructure;

    public ProjectionBaselines(BenchInfrastructure infrastructure) {
        this.infrastructure = infrastructure;
    }

    /** Records per second of a consumer reading {@code records} from offset 0 and discarding them. */
    public double bareConsumer(String topic, long records) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            long read = 0;
            Stopwatch watch = null;
            while (read < records) {
                var batch = consumer.poll(Duration.ofMillis(200));
                if (watch == null && !batch.isEmpty()) {
                    watch = Stopwatch.start();   // from the first record: group join is not reading
                }
                read += batch.count();
            }
            return read / watch.seconds();
        }
    }

    /** Events per second of reading each envelope and inserting one row for it in its own transaction. */
    public double naiveProjector(String topic, long records, String database) throws Exception {
        infrastructure.createDatabase(database);
        try (Connection connection = infrastructure.connect(database);
             KafkaConsumer<String, byte[]> consumer = consumer()) {
            connection.createStatement().execute("""
                    create table naive_projection (event_id uuid primary key, aggregate_id text not null,
                        sequence_number bigint not null, event_type text not null, programme_id uuid not null)""");
            connection.setAutoCommit(false);
            PreparedStatement insert = connection.prepareStatement(
                    "insert into naive_projection values (?, ?, ?, ?, ?) on conflict do nothing");
            consumer.subscribe(List.of(topic));
            long done = 0;
            Stopwatch watch = null;
            while (done < records) {
                var batch = consumer.poll(Duration.ofMillis(200));
                if (watch == null && !batch.isEmpty()) {
                    watch = Stopwatch.start();
                }
                for (ConsumerRecord<String, byte[]> record : batch) {
                    if (done++ >= records) {
                        break;
                    }
                    EventEnvelope envelope = EventJson.fromBytes(record.value());
                    EventJson.payload(envelope);
                    insert.setObject(1, envelope.eventId());
                    insert.setString(2, envelope.aggregateId());
                    insert.setLong(3, envelope.sequenceNumber());
                    insert.setString(4, envelope.eventType());
                    insert.setObject(5, envelope.programmeId());
                    insert.executeUpdate();
                    connection.commit();
                }
            }
            return Math.min(done, records) / watch.seconds();
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-baseline-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500),
                new StringDeserializer(), new ByteArrayDeserializer());
    }
}
