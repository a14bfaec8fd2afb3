package org.actionlearning.eventstore.relay;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.actionlearning.service.KafkaHealthIndicator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Kafka producer behind the relay, its error policy, its source of stored events and its lag gauge. */
@Configuration
public class RelayConfiguration {

    private static final int LINGER_MILLIS = 2;

    /**
     * A transactional producer (idempotent, acks from every in-sync replica): a relay batch is one transaction, and
     * the transactional.id is the same for every instance and across restarts (see {@link RelayProducer}).
     */
    @Bean(destroyMethod = "close")
    public RelayProducer relayProducer(RelayProperties properties) {
        int deliveryTimeout = Math.toIntExact(properties.deliveryTimeout().toMillis());
        return new RelayProducer(() -> new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, "als-command-relay",
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, properties.transactionalIdName(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, LINGER_MILLIS,
                // also bounds initTransactions and commitTransaction
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                // a batch not acknowledged within this expires: the Kafka transaction aborts, the relay batch is retried
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeout,
                // Kafka refuses a delivery timeout shorter than linger + request timeout
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(10_000, deliveryTimeout - LINGER_MILLIS),
                // a batch left open by a stuck or dead relay is aborted by the broker after this
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000),
                new StringSerializer(), new ByteArraySerializer()));
    }

    /** An aggregate's committed events, read from the engine (no snapshots), for the relay's gap filling. */
    @Bean
    public StoredEvents storedEvents(EventStorageEngine engine) {
        return (aggregateId, from, before) -> engine.readEvents(aggregateId, from).asStream()
                .takeWhile(m -> m.getSequenceNumber() < before).toList();
    }

    /**
     * A failed publish must not be skipped (Axon's default handler logs and moves on): propagate it, so the
     * processor rolls the batch back and retries it with back-off.
     */
    @Bean
    public ConfigurerModule relayErrorPolicy() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                EventRelay.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }

    /** Health of the Kafka cluster the relay publishes to (actuator "kafka" component). */
    @Bean(destroyMethod = "close")
    public KafkaHealthIndicator kafkaHealthIndicator(RelayProperties properties) {
        return new KafkaHealthIndicator(properties.bootstrapServers());
    }

    /** Relay lag: events stored but not yet published to Kafka, from the token table (the same on every instance). */
    @Bean
    public Gauge relayLagGauge(MeterRegistry registry, RelayLag lag) {
        return Gauge.builder("als.relay.lag.events", lag::events)
                .description("stored events not yet published to Kafka").register(registry);
    }
}
