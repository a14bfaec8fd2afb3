package org.actionlearning.eventstore.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.actionlearning.command.CommandServiceApplication;
import org.actionlearning.command.learningset.SetCommands.FormSet;
import org.actionlearning.command.learningset.SetCommands.ScheduleMeeting;
import org.actionlearning.command.programme.ProgrammeCommands.LaunchProgramme;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TestIdentity;
import org.actionlearning.testsupport.TopicReader;
import org.actionlearning.testsupport.TopicReader.Received;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.actionlearning.events.programme.ProgrammeLaunched;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay in the running service, against events committed by hand out of order and late: an aggregate's events
 * reach the topic in sequence order, an event committed long after later positions is still published, and the
 * event store can be published again from the start. Also the per-aggregate positions reconciliation reads.
 */
class RelayPipelineTest {

    private static final String TOPIC = "als.events.pipeline";
    private static final String BOOTSTRAP = EmbeddedInfrastructure.kafkaBootstrapServers();
    private static ConfigurableApplicationContext service;
    private static CommandGateway gateway;
    private static JdbcTemplate jdbc;
    private static DataSource dataSource;
    private static HttpJson http;

    private static final String DATABASE_URL = EmbeddedInfrastructure.newDatabase("pipeline");

    @BeforeAll
    static void start() {
        service = startInstance();
        gateway = service.getBean(CommandGateway.class);
        jdbc = service.getBean(JdbcTemplate.class);
        dataSource = service.getBean(DataSource.class);
        http = new HttpJson("http://localhost:" + service.getEnvironment().getProperty("local.server.port"));
    }

    private static ConfigurableApplicationContext startInstance() {
        return CommandServiceApplication.builder().run(TestIdentity.with(
                "--server.port=0",
                "--spring.datasource.url=" + DATABASE_URL,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--als.relay.bootstrap-servers=" + BOOTSTRAP,
                "--als.relay.topic=" + TOPIC,
                "--als.relay.partitions=1"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    /**
     * A set's event 2 commits before its event 1 (two transactions on the event store): the topic still has the
     * set's events in the order 0, 1, 2, each once. Without the relay's per-aggregate positions it had 0, 2, 1.
     */
    @Test
    void anAggregatesEventsArePublishedInSequenceOrderWhenTheyCommitOutOfOrder() throws Exception {
        UUID programmeId = launch("Out of order");
        UUID template = UUID.randomUUID();
        gateway.sendAndWait(new FormSet(programmeId, template, "Template", UUID.randomUUID(), "Fran"));
        gateway.sendAndWait(new ScheduleMeeting(template, UUID.randomUUID(), LocalDate.of(2026, 2, 2)));
        UUID setId = UUID.randomUUID();
        gateway.sendAndWait(new FormSet(programmeId, setId, "Set", UUID.randomUUID(), "Fran"));
        awaitOnTopic(programmeId, 4);

        try (Connection first = transaction(); Connection second = transaction()) {
            String one = copyEvent(first, template, 1, setId, 1);
            String two = copyEvent(second, template, 1, setId, 2);
            second.commit();
            Thread.sleep(2_500); // the relay meets event 2 without event 1 (and retries its batch)
            first.commit();

            List<Received> records = awaitOnTopic(programmeId, 6);
            List<String> setEvents = firstOccurrences(records).stream()
                    .filter(r -> r.envelope().aggregateId().equals(setId.toString()))
                    .map(r -> r.envelope().sequenceNumber() + ":" + r.envelope().eventId()).toList();
            assertThat(setEvents).hasSize(3);
            assertThat(setEvents.get(1)).isEqualTo("1:" + one);
            assertThat(setEvents.get(2)).isEqualTo("2:" + two);
            assertThat(records.stream().filter(r -> r.envelope().aggregateId().equals(setId.toString())))
                    .as("each of the set's events once").hasSize(3);
        }
    }

    /**
     * An event's transaction commits after 15,000 later positions were taken (Axon's default maxGapOffset gives a
     * gap up 10,000 positions behind the newest event): it is still published.
     */
    @Test
    void anEventCommittedFifteenThousandPositionsLateIsStillPublished() throws Exception {
        UUID programmeId = launch("Late commit");
        awaitOnTopic(programmeId, 1);
        try (Connection late = transaction()) {
            UUID copy = UUID.randomUUID();
            String eventId = copyEvent(late, programmeId, 0, copy, 0);
            long position = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
            jdbc.queryForObject("select setval('domainevententry_globalindex_seq', ?)", Long.class,
                    position + 15_000);
            UUID after = launch("After the gap");
            awaitOnTopic(after, 1);
            late.commit();

            List<Received> records = TopicReader.readUntil(BOOTSTRAP, TOPIC, Duration.ofSeconds(20),
                    read -> read.stream().anyMatch(r -> r.envelope().eventId().toString().equals(eventId)));
            assertThat(records).extracting(r -> r.envelope().eventId().toString()).contains(eventId);
        }
    }

    /** The events topic and the dead-letter topic exist once the service started, and keep every record. */
    @Test
    void theTopicsTheServiceCreatesKeepEveryRecord() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
            for (String topic : List.of(TOPIC, TOPIC + ".dlq")) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                Config config = admin.describeConfigs(Set.of(resource)).all().get(20, TimeUnit.SECONDS).get(resource);
                assertThat(config.get("retention.ms").value()).as(topic).isEqualTo("-1");
                assertThat(config.get("retention.bytes").value()).as(topic).isEqualTo("-1");
            }
        }
    }

    /**
     * An append whose transaction stays open past als.eventstore.append-commit-deadline (5 s), busy with statements
     * so that PostgreSQL's idle timeout does not end it first, is refused at its commit: the event is not stored, so
     * it can never commit after the relay gave its position up.
     */
    @Test
    void anAppendsTransactionOpenPastTheCommitDeadlineIsRolledBack() {
        UUID aggregateId = UUID.randomUUID();
        EventStorageEngine engine = service.getBean(EventStorageEngine.class);
        TransactionTemplate transaction = service.getBean(TransactionTemplate.class);

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            engine.appendEvents(new GenericDomainEventMessage<>("Programme", aggregateId.toString(), 0,
                    new ProgrammeLaunched(aggregateId, "Org", "Slow", "Sponsor", LocalDate.of(2026, 1, 5), "EUR")));
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5_500);
            while (System.nanoTime() < until) {
                jdbc.queryForObject("select 1", Integer.class);
                sleep(500);
            }
        })).hasMessageContaining("beyond als.eventstore.append-commit-deadline (5000 ms): rolled back");

        assertThat(jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ?",
                Long.class, aggregateId.toString())).isZero();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A second instance on the same store, whose relay is stopped (as an instance that does not hold the relay's
     * segment has no position of its own): its relay lag is read from the token table, so it reports what the
     * relay has left (none), not the whole store as lag.
     */
    @Test
    void anInstanceThatDoesNotHoldTheRelayReportsTheRelaysLag() throws Exception {
        UUID programmeId = launch("Lag");
        awaitOnTopic(programmeId, 1);
        try (ConfigurableApplicationContext second = startInstance()) {
            second.getBean(EventProcessingConfiguration.class)
                    .eventProcessor(EventRelay.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow().shutDown();
            MeterRegistry registry = second.getBean(MeterRegistry.class);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            double lag = -1;
            while (System.nanoTime() < deadline
                    && (lag = registry.find("als.relay.lag.events").gauge().value()) != 0) {
                Thread.sleep(100);
            }
            assertThat(lag).isZero();
        }
    }

    /** Every connection of the service's pool carries the bounds on a transaction's life. */
    @Test
    void theServicesConnectionsHaveStatementAndIdleInTransactionTimeouts() {
        assertThat(jdbc.queryForObject("show statement_timeout", String.class)).isEqualTo("15s");
        assertThat(jdbc.queryForObject("show idle_in_transaction_session_timeout", String.class)).isEqualTo("5s");
    }

    @Test
    void republishingPublishesEveryStoredEventAgainFromTheFirst() {
        UUID programmeId = launch("Republished");
        awaitOnTopic(programmeId, 1);
        String eventId = jdbc.queryForObject("select eventidentifier from domainevententry where "
                + "aggregateidentifier = ?", String.class, programmeId.toString());

        HttpJson.Response refused = http.as(TestIdentity.ADMIN, TestIdentity.ADMIN_PASSWORD).anonymous()
                .post("/api/admin/relay/republish", Map.of());
        assertThat(refused.status()).isEqualTo(401);
        HttpJson.Response answer = http.as(TestIdentity.ADMIN, TestIdentity.ADMIN_PASSWORD)
                .post("/api/admin/relay/republish", Map.of());
        assertThat(answer.status()).isEqualTo(202);
        long stored = jdbc.queryForObject("select count(*) from domainevententry", Long.class);
        assertThat(answer.body().get("eventsToPublish").asLong()).isEqualTo(stored);

        List<Received> records = TopicReader.readUntil(BOOTSTRAP, TOPIC, Duration.ofSeconds(30),
                read -> read.stream().filter(r -> r.envelope().eventId().toString().equals(eventId)).count() >= 2);
        assertThat(records.stream().filter(r -> r.envelope().eventId().toString().equals(eventId))).hasSize(2);
    }

    @Test
    void aggregatePositionsAreServedToServicesPageByPage() {
        UUID programmeId = launch("Positions");
        UUID setId = UUID.randomUUID();
        gateway.sendAndWait(new FormSet(programmeId, setId, "Set", UUID.randomUUID(), "Fran"));
        gateway.sendAndWait(new ScheduleMeeting(setId, UUID.randomUUID(), LocalDate.of(2026, 3, 2)));
        awaitOnTopic(programmeId, 3);
        HttpJson asService = http.as("service", TestIdentity.SERVICE_PASSWORD);

        Map<String, JsonNode> all = new LinkedHashMap<>();
        String after = null;
        for (int page = 0; page < 100; page++) {
            HttpJson.Response answer = asService.get("/api/internal/aggregate-positions?limit=2"
                    + (after == null ? "" : "&after=" + after));
            assertThat(answer.status()).isEqualTo(200);
            answer.body().get("positions").forEach(p -> all.put(p.get("aggregateId").asText(), p));
            if (answer.body().get("next").isNull()) {
                break;
            }
            after = answer.body().get("next").asText();
        }
        assertThat(new ArrayList<>(all.keySet())).isSorted();
        assertThat(all.keySet()).hasSize(jdbc.queryForObject(
                "select count(distinct aggregateidentifier) from domainevententry", Integer.class));
        JsonNode set = all.get(setId.toString());
        assertThat(set.get("aggregateType").asText()).isEqualTo("LearningSet");
        assertThat(set.get("stored").asLong()).isEqualTo(1);
        assertThat(set.get("published").asLong()).isEqualTo(1);

        assertThat(http.as(TestIdentity.ADMIN, TestIdentity.ADMIN_PASSWORD)
                .get("/api/internal/aggregate-positions").status()).isEqualTo(403);
        HttpJson.Response tooMany = asService.get("/api/internal/aggregate-positions?limit=10001");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.raw()).contains("limit");
    }

    private static UUID launch(String name) {
        UUID programmeId = UUID.randomUUID();
        gateway.sendAndWait(new LaunchProgramme(programmeId, "Org", name, "Sponsor", LocalDate.of(2026, 1, 5),
                "EUR"));
        return programmeId;
    }

    private static Connection transaction() throws Exception {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    /** Inserts a copy of a stored event as another aggregate's event; returns the copy's event id. */
    private static String copyEvent(Connection connection, UUID from, long fromSequence, UUID to, long toSequence)
            throws Exception {
        String eventId = UUID.randomUUID().toString();
        try (PreparedStatement insert = connection.prepareStatement("insert into domainevententry (aggregateidentifier,"
                + " sequencenumber, type, eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp)"
                + " select ?, ?, type, ?, metadata, payload, payloadrevision, payloadtype, ? from domainevententry"
                + " where aggregateidentifier = ? and sequencenumber = ? returning globalindex")) {
            insert.setString(1, to.toString());
            insert.setLong(2, toSequence);
            insert.setString(3, eventId);
            insert.setString(4, Instant.now().toString());
            insert.setString(5, from.toString());
            insert.setLong(6, fromSequence);
            try (ResultSet inserted = insert.executeQuery()) {
                assertThat(inserted.next()).isTrue();
            }
        }
        return eventId;
    }

    private static List<Received> awaitOnTopic(UUID programmeId, int events) {
        return TopicReader.readUntil(BOOTSTRAP, TOPIC, Duration.ofSeconds(30), read -> firstOccurrences(read).stream()
                .filter(r -> r.key().equals(programmeId.toString())).count() >= events).stream()
                .filter(r -> r.key().equals(programmeId.toString())).toList();
    }

    private static List<Received> firstOccurrences(List<Received> records) {
        Map<UUID, Received> first = new LinkedHashMap<>();
        records.forEach(r -> first.putIfAbsent(r.envelope().eventId(), r));
        return new ArrayList<>(first.values());
    }
}
