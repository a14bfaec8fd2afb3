package org.actionlearning.benchmark;

import java.util.Map;
import java.util.function.Consumer;
import org.actionlearning.events.envelope.EventEnvelope;
import org.actionlearning.events.envelope.EventJson;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes envelopes straight onto a topic as the relay would (key = programme id, so a programme's events stay in
 * order on one partition; same JSON), bypassing the command side to build large data sets quickly.
 */
public final class TopicWriter implements Consumer<EventEnvelope>, AutoCloseable {

    private final Producer<String, byte[]> producer;
    private final String topic;

    public TopicWriter(String bootstrapServers, String topic) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024),
                new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public void accept(EventEnvelope envelope) {
        // no record timestamp: the broker's "now", so retention does not delete a history dated in the past
        producer.send(new ProducerRecord<>(topic, envelope.programmeId().toString(), EventJson.toBytes(envelope)));
    }

    @Override
    public void close() {
        producer.flush();
        producer.close();
    }
}
