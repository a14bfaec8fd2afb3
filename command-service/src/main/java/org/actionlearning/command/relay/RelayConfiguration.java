package org.actionlearning.command.relay;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.actionlearning.service.KafkaHealthIndicator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Kafka producer behind the relay, its topic, its error policy and its lag gauge. */
@Configuration
public class RelayConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RelayConfiguration.class);

    @Bean(destroyMethod = "close")
    public Producer<String, byte[]> eventProducer(RelayProperties properties) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, "als-command-relay",
                // idempotent producer: retries neither duplicate nor reorder records within a partition
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 25_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000),
                new StringSerializer(), new ByteArraySerializer());
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

    /** Creates the topic with the configured partitions if it does not exist; the relay retries meanwhile. */
    @Bean
    public ApplicationRunner eventTopicCreator(RelayProperties properties) {
        return args -> {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    properties.bootstrapServers(), AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000))) {
                admin.createTopics(Set.of(new NewTopic(properties.topic(), properties.partitions(),
                        properties.replicationFactor()))).all().get(20, TimeUnit.SECONDS);
                log.info("Created topic {} with {} partitions", properties.topic(), properties.partitions());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    log.warn("Could not create topic {}: {}", properties.topic(), e.getCause().toString());
                }
            } catch (Exception e) {
                log.warn("Could not create topic {}: {}", properties.topic(), e.toString());
            }
        };
    }

    /** Health of the Kafka cluster the relay publishes to (actuator "kafka" component). */
    @Bean(destroyMethod = "close")
    public KafkaHealthIndicator kafkaHealthIndicator(RelayProperties properties) {
        return new KafkaHealthIndicator(properties.bootstrapServers());
    }

    /** Relay lag: events stored but not yet acknowledged by Kafka (newest global index minus the relay's). */
    @Bean
    public Gauge relayLagGauge(MeterRegistry registry, EventStore eventStore,
                               EventProcessingConfiguration processing) {
        return Gauge.builder("als.relay.lag.events", () -> relayLag(eventStore, processing))
                .description("stored events not yet published to Kafka").register(registry);
    }

    static double relayLag(EventStore eventStore, EventProcessingConfiguration processing) {
        OptionalLong head = position(eventStore.createHeadToken());
        OptionalLong relayed = processing.eventProcessor(EventRelay.PROCESSING_GROUP, TrackingEventProcessor.class)
                .flatMap(p -> p.processingStatus().values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .filter(OptionalLong::isPresent)
                        .map(OptionalLong::getAsLong)
                        .min(Long::compare))
                .map(OptionalLong::of).orElse(OptionalLong.empty());
        if (head.isEmpty()) {
            return 0;
        }
        return Math.max(0, head.getAsLong() - relayed.orElse(0));
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }
}
