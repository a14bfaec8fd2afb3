package org.actionlearning.eventstore.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.events.envelope.Recorder;
import org.actionlearning.events.learningset.MeetingScheduled;
import org.actionlearning.events.programme.ProgrammeLaunched;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.actionlearning.testsupport.TopicReader;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The relay's batch against a real broker and a real relay_position table: what it hands to the producer is sent
 * when the batch ends, a failed batch leaves nothing visible, and an aggregate's events reach the topic in sequence
 * order whatever order they come in.
 */
class EventRelayTest {

    private static final String BOOTSTRAP = EmbeddedInfrastructure.kafkaBootstrapServers();
    private final String topic = "als.events.relay-batch-" + UUID.randomUUID();
    private final JdbcTemplate jdbc = migratedDatabase();
    private final UUID programmeId = UUID.randomUUID();
    private final UUID setId = UUID.randomUUID();
    private RelayProducer producer;

    @AfterEach
    void closeProducer() {
        if (producer != null) {
            producer.close();
        }
    }

    /**
     * With a linger far longer than the test, the records of a finished batch would sit in the producer until it
     * expires (and the wait for their acknowledgements with them): the relay sends them when its batch ends.
     */
    @Test
    void aBatchIsSentWhenItEndsNotWhenTheProducersLingerExpires() {
        EventRelay relay = relay(Map.of(ProducerConfig.LINGER_MS_CONFIG, 60_000), noStoredEvents());
        ProgrammeLaunched launched = new ProgrammeLaunched(programmeId, "Org", "Linger", "Sponsor",
                LocalDate.of(2026, 1, 5), "EUR");
        GenericDomainEventMessage<ProgrammeLaunched> message =
                new GenericDomainEventMessage<>("Programme", programmeId.toString(), 0, launched);

        long started = System.nanoTime();
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(message);
        batch.execute(() -> relay.on(launched, message));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(Duration.ofSeconds(10));
        List<TopicReader.Received> published = TopicReader.readUntil(BOOTSTRAP, topic, Duration.ofSeconds(20),
                r -> !r.isEmpty());
        assertThat(published).singleElement().satisfies(r -> {
            assertThat(r.envelope().eventId().toString()).isEqualTo(message.getIdentifier());
            assertThat(r.envelope().aggregateId()).isEqualTo(programmeId.toString());
        });
    }

    /**
     * The envelope names who recorded the event, from the stored event's metadata: the user, the person they are and
     * the role that let them; an event stored with its user only (before the person and role were kept) names
     * nobody, as whether that user is an erased person cannot be told.
     */
    @Test
    void theEnvelopeNamesTheRecorderFromTheEventsMetadata() {
        EventRelay relay = relay(Map.of(), noStoredEvents());
        UUID fran = UUID.randomUUID();
        List<DomainEventMessage<MeetingScheduled>> events = scheduled(0, 2);
        DomainEventMessage<MeetingScheduled> recorded = events.get(0).andMetaData(Map.of(Recorder.USER, "fran",
                Recorder.NAME, "fran, sealed", Recorder.PERSON, fran.toString(), Recorder.ROLE, "FACILITATOR"));
        handle(relay, List.of(recorded, events.get(1).andMetaData(Map.of(Recorder.USER, "fran"))), false);

        List<TopicReader.Received> published = TopicReader.readUntil(BOOTSTRAP, topic, Duration.ofSeconds(20),
                r -> r.size() == 2);
        assertThat(published).extracting(r -> r.envelope().recordedBy())
                .containsExactly(new Recorder("fran, sealed", fran, "FACILITATOR"), null);
    }

    /**
     * A batch that fails after handing two events to the producer, then its retry and a later batch: a
     * read_committed consumer sees each event once, in order (the failed batch's Kafka transaction was aborted).
     */
    @Test
    void aFailedBatchLeavesNothingVisibleSoItsRetryIsNotPrecededByItsOwnRecords() {
        EventRelay relay = relay(Map.of(), noStoredEvents());
        List<DomainEventMessage<MeetingScheduled>> events = scheduled(0, 3);

        assertThatThrownBy(() -> handle(relay, events.subList(0, 2), true)).hasMessage("batch failed");
        handle(relay, events.subList(0, 2), false);
        handle(relay, events.subList(2, 3), false);

        assertThat(sequencesOnTopic(3)).containsExactly(0L, 1L, 2L);
    }

    /**
     * An aggregate's event 2 comes before its event 1 (committed first): event 1 is taken from the event store and
     * published first; when it comes itself it is skipped, and the positions table says 2 was published.
     */
    @Test
    void anEventAheadOfItsPredecessorIsPublishedAfterItAndThePredecessorNotTwice() {
        List<DomainEventMessage<MeetingScheduled>> events = scheduled(0, 3);
        EventRelay relay = relay(Map.of(), (aggregateId, from, before) -> events.stream()
                .filter(e -> e.getSequenceNumber() >= from && e.getSequenceNumber() < before).toList());

        handle(relay, List.of(events.get(0)), false);
        handle(relay, List.of(events.get(2), events.get(1)), false);

        assertThat(sequencesOnTopic(3)).containsExactly(0L, 1L, 2L);
        assertThat(jdbc.queryForObject("select last_sequence from relay_position where aggregate_identifier = ?",
                Long.class, setId.toString())).isEqualTo(2L);
    }

    /** Event 1 is not committed yet when event 2 comes: the batch fails (to be retried), publishing nothing. */
    @Test
    void anEventAheadOfAnUncommittedPredecessorFailsItsBatch() {
        List<DomainEventMessage<MeetingScheduled>> events = scheduled(0, 3);
        EventRelay relay = relay(Map.of(), noStoredEvents());

        handle(relay, List.of(events.get(0)), false);
        assertThatThrownBy(() -> handle(relay, List.of(events.get(2)), false))
                .hasMessageContaining("event 2 is stored but 1 is not committed yet");
        handle(relay, List.of(events.get(1), events.get(2)), false);

        assertThat(sequencesOnTopic(3)).containsExactly(0L, 1L, 2L);
    }

    /** Everything on the topic a read_committed consumer sees within a few seconds (stops early on too many). */
    private List<Long> sequencesOnTopic(int expected) {
        return TopicReader.readUntil(BOOTSTRAP, topic, Duration.ofSeconds(4), r -> r.size() > expected).stream()
                .map(r -> r.envelope().sequenceNumber()).toList();
    }

    private static void handle(EventRelay relay, List<DomainEventMessage<MeetingScheduled>> events, boolean fail) {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(events.get(0));
        batch.executeWithResult(() -> {
            for (DomainEventMessage<MeetingScheduled> event : events) {
                relay.on(event.getPayload(), event);
            }
            if (fail) {
                throw new IllegalStateException("batch failed");
            }
            return null;
        }).optionalExceptionResult().ifPresent(e -> {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        });
    }

    private List<DomainEventMessage<MeetingScheduled>> scheduled(int from, int count) {
        return java.util.stream.IntStream.range(from, from + count)
                .mapToObj(i -> (DomainEventMessage<MeetingScheduled>) new GenericDomainEventMessage<>("LearningSet",
                        setId.toString(), i, new MeetingScheduled(setId, programmeId, UUID.randomUUID(),
                        LocalDate.of(2026, 2, 1).plusDays(i))))
                .toList();
    }

    private static StoredEvents noStoredEvents() {
        return (aggregateId, from, before) -> List.of();
    }

    private EventRelay relay(Map<String, Object> producerSettings, StoredEvents stored) {
        RelayProperties properties = new RelayProperties(BOOTSTRAP, topic);
        Map<String, Object> settings = new java.util.HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-" + topic,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000));
        settings.putAll(producerSettings);
        producer = new RelayProducer(() -> (Producer<String, byte[]>) new KafkaProducer<>(settings,
                new StringSerializer(), new ByteArraySerializer()));
        RelayTopics topics = new RelayTopics(properties);
        topics.afterPropertiesSet();
        return new EventRelay(producer, properties, new SimpleMeterRegistry(), new RelayPositions(jdbc), stored,
                topics);
    }

    private static JdbcTemplate migratedDatabase() {
        String url = EmbeddedInfrastructure.newDatabase("relay_batch");
        Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/command")
                .load().migrate();
        return new JdbcTemplate(new DriverManagerDataSource(url, "postgres", "postgres"));
    }
}
