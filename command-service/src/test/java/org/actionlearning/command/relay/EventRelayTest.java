package org.actionlearning.command.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.events.programme.ProgrammeLaunched;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.actionlearning.testsupport.TopicReader;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

/** The relay's batch against a real broker: what it hands to the producer is sent when the batch ends. */
class EventRelayTest {

    private static final String TOPIC = "als.events.relay-batch";

    /**
     * With a linger far longer than the test, the records of a finished batch would sit in the producer until it
     * expires (and the wait for their acknowledgements with them): the relay sends them when its batch ends.
     */
    @Test
    void aBatchIsSentWhenItEndsNotWhenTheProducersLingerExpires() {
        UUID programmeId = UUID.randomUUID();
        ProgrammeLaunched launched = new ProgrammeLaunched(programmeId, "Org", "Linger", "Sponsor",
                LocalDate.of(2026, 1, 5), "EUR");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 60_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000),
                new StringSerializer(), new ByteArraySerializer())) {
            EventRelay relay = new EventRelay(producer,
                    new RelayProperties(EmbeddedInfrastructure.kafkaBootstrapServers(), TOPIC, 1, (short) 1),
                    new SimpleMeterRegistry());
            GenericDomainEventMessage<ProgrammeLaunched> message =
                    new GenericDomainEventMessage<>("Programme", programmeId.toString(), 0, launched);

            long started = System.nanoTime();
            DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(message);
            batch.execute(() -> relay.on(launched, message));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).isLessThan(Duration.ofSeconds(10));
            List<TopicReader.Received> published = TopicReader.readUntil(
                    EmbeddedInfrastructure.kafkaBootstrapServers(), TOPIC, Duration.ofSeconds(20), r -> !r.isEmpty());
            assertThat(published).singleElement().satisfies(r -> {
                assertThat(r.envelope().eventId().toString()).isEqualTo(message.getIdentifier());
                assertThat(r.envelope().aggregateId()).isEqualTo(programmeId.toString());
            });
        }
    }
}
