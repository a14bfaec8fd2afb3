package org.actionlearning.launcher.fault;

import org.actionlearning.testsupport.FreePorts;
import org.actionlearning.testsupport.TestIdentity;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.actionlearning.command.CommandServiceApplication;
import org.actionlearning.launcher.RestartableKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole platform as separate, restartable parts on fixed ports and data directories: a command-side
 * PostgreSQL, a read-side PostgreSQL, the in-process KRaft broker, the command service (a Spring context in this
 * JVM, with the relay inside) and the query service (its own JVM, so it can be killed).
 */
final class FaultPlatform implements AutoCloseable {

    static final String TOPIC = "als.events.faults";
    static final String GROUP = "als-query-projections";
    static final int PARTITIONS = 6;
    static final String COMMAND_DATABASE = "als_commands";
    static final String QUERY_DATABASE = "als_queries";
    private static final String RELAY = "kafka-relay";
    /**
     * The event store's bounds on a transaction's life, tighter than the service's defaults so that a round can hold a
     * transaction past them in seconds: an append must reach its commit within 3 s (or is refused), PostgreSQL ends a
     * session idle in a transaction after 2 s, and the relay gives a gap up after 6 s (> 3 s + 2 s, as the service
     * requires).
     */
    static final Duration APPEND_COMMIT_DEADLINE = Duration.ofSeconds(3);
    static final Duration IDLE_IN_TRANSACTION_TIMEOUT = Duration.ofSeconds(2);
    static final Duration GAP_TIMEOUT = Duration.ofSeconds(6);
    /** The relay producer's delivery.timeout.ms (the service's default is 25 s): a broker outage longer expires batches. */
    static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(3);
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    final RestartablePostgres commandDb;
    final RestartablePostgres readDb;
    final RestartableKafkaBroker kafka;
    final QueryServiceProcess queryService;
    /** A second member of the projection's consumer group, started only by the rounds that need two. */
    final QueryServiceProcess secondQueryService;
    private final int commandPort;
    private ConfigurableApplicationContext commandService;
    private Admin admin;

    FaultPlatform(Path root) {
        commandDb = new RestartablePostgres(root.resolve("postgres-commands"), freePort());
        readDb = new RestartablePostgres(root.resolve("postgres-queries"), freePort());
        int kafkaPort = freePort();
        kafka = new RestartableKafkaBroker(root.resolve("kafka"), kafkaPort, freePort(), PARTITIONS);
        commandPort = freePort();
        List<String> queryArguments = List.of(
                "--spring.datasource.url=" + readDb.jdbcUrl(QUERY_DATABASE),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--als.projection.bootstrap-servers=" + kafka.bootstrapServers(),
                "--als.projection.topic=" + TOPIC,
                "--als.projection.group-id=" + GROUP,
                "--als.personal-data.vault-url=http://localhost:" + commandPort,
                // wait 3 s (not Hikari's 30 s) for a connection: a read-side outage of a few seconds then fails
                // projection outright, which it must survive
                "--spring.datasource.hikari.connection-timeout=3000");
        queryService = new QueryServiceProcess(freePort(), queryArguments, logDirectory());
        secondQueryService = new QueryServiceProcess("query-service-second", freePort(), queryArguments, logDirectory());
    }

    void start() throws SQLException {
        commandDb.start();
        commandDb.createDatabase(COMMAND_DATABASE);
        readDb.start();
        readDb.createDatabase(QUERY_DATABASE);
        kafka.start();
        queryService.launch();          // its JVM starts while the command service starts in this one
        startCommandService();
        queryService.awaitReady();
    }

    String commandUrl() {
        return "http://localhost:" + commandPort;
    }

    String queryUrl() {
        return queryService.url();
    }

    synchronized void startCommandService() {
        if (commandService == null) {
            commandService = CommandServiceApplication.builder().registerShutdownHook(false)
                    .run(TestIdentity.with(
                    "--server.port=" + commandPort,
                    "--spring.datasource.url=" + commandDb.jdbcUrl(COMMAND_DATABASE),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                    "--als.relay.bootstrap-servers=" + kafka.bootstrapServers(),
                    "--als.relay.topic=" + TOPIC,
                    "--als.relay.partitions=" + PARTITIONS,
                    "--als.relay.delivery-timeout=" + DELIVERY_TIMEOUT.toMillis() + "ms",
                    "--als.eventstore.append-commit-deadline=" + APPEND_COMMIT_DEADLINE.toMillis() + "ms",
                    "--als.eventstore.idle-in-transaction-timeout=" + IDLE_IN_TRANSACTION_TIMEOUT.toMillis() + "ms",
                    "--als.eventstore.gap-timeout=" + GAP_TIMEOUT.toMillis() + "ms",
                    // small relay batches, so that a stop lands between acknowledged batches and inside one
                    "--axon.eventhandling.processors.kafka-relay.batch-size=20"));
        }
    }

    /** Closes the command service's context: the HTTP API and the relay go away together. */
    synchronized void stopCommandService() {
        if (commandService != null) {
            commandService.close();
            commandService = null;
        }
    }

    boolean commandServiceRunning() {
        return commandService != null;
    }

    /** Publishes the whole event store again (POST /api/admin/relay/republish); answers how many events. */
    synchronized long republish() {
        return commandService.getBean(org.actionlearning.command.operations.RelayRepublish.class).republish();
    }

    /** The relay's tracking processor inside the running command service. */
    synchronized TrackingEventProcessor relay() {
        return commandService.getBean(EventProcessingConfiguration.class)
                .eventProcessor(RELAY, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no relay processor"));
    }

    /** Stored events not yet acknowledged by Kafka (the service's own gauge), or -1 while it is down. */
    synchronized double relayLag() {
        if (commandService == null) {
            return -1;
        }
        Gauge gauge = commandService.getBean(MeterRegistry.class).find("als.relay.lag.events").gauge();
        return gauge == null ? -1 : gauge.value();
    }

    /**
     * Moves the relay's stored token (a GapAwareTrackingToken in {@code tokenentry}) back by {@code events}
     * global positions, as a crash between Kafka's acknowledgement and the token commit leaves it; the relay must
     * be shut down. Returns the new position.
     */
    long setRelayTokenBack(int events) throws SQLException, IOException {
        try (var connection = commandDb.connect(COMMAND_DATABASE)) {
            String token;
            try (var read = connection.prepareStatement(
                    "select convert_from(token, 'UTF8') from tokenentry where processorname = ? and segment = 0")) {
                read.setString(1, RELAY);
                try (var rows = read.executeQuery()) {
                    if (!rows.next()) {
                        throw new IllegalStateException("no relay token");
                    }
                    token = rows.getString(1);
                }
            }
            var json = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(token);
            long back = Math.max(0, json.get("index").asLong() - events);
            json.put("index", back);
            json.putArray("gaps");
            try (var write = connection.prepareStatement("update tokenentry set token = convert_to(?, 'UTF8')"
                    + " where processorname = ? and segment = 0")) {
                write.setString(1, JSON.writeValueAsString(json));
                write.setString(2, RELAY);
                write.executeUpdate();
            }
            // the relay's per-aggregate positions are committed with its token: a crash leaves both behind
            try (var positions = connection.prepareStatement("update relay_position p set last_sequence ="
                    + " coalesce((select max(e.sequencenumber) from domainevententry e"
                    + "  where e.aggregateidentifier = p.aggregate_identifier and e.globalindex <= ?), -1)"
                    + " where exists (select 1 from domainevententry e"
                    + "  where e.aggregateidentifier = p.aggregate_identifier and e.globalindex > ?)")) {
                positions.setLong(1, back);
                positions.setLong(2, back);
                positions.executeUpdate();
            }
            return back;
        }
    }

    /** The newest offset of each partition of the events topic, as a read_committed consumer sees it. */
    Map<Integer, Long> endOffsets() throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            latest.put(new TopicPartition(TOPIC, p), OffsetSpec.latest());
        }
        Map<Integer, Long> offsets = new HashMap<>();
        admin().listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(15, TimeUnit.SECONDS).forEach((tp, info) -> offsets.put(tp.partition(), info.offset()));
        return offsets;
    }

    /**
     * The event ids of every committed record on the events topic, read to each partition's end with read_committed.
     * (The relay publishes in Kafka transactions: each commit marker takes an offset, so offsets do not count records.)
     */
    List<String> committedEventIds() throws Exception {
        Map<Integer, Long> end = endOffsets();
        List<String> ids = new java.util.ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = committedReader()) {
            List<TopicPartition> partitions = end.keySet().stream().map(p -> new TopicPartition(TOPIC, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp.partition()))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read the topic to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(r -> ids.add(
                        org.actionlearning.events.envelope.EventJson.fromBytes(r.value()).eventId().toString()));
            }
        }
        return ids;
    }

    /**
     * Aggregates whose events reach the topic out of order, as a read_committed consumer reads each partition: an
     * event's first appearance must be its aggregate's next sequence number (0 first). A repeat of an event already
     * read is allowed (the relay publishes at least once; the read side skips it); a later event before an earlier
     * one is not. Answers a description of the first few found.
     */
    List<String> aggregatesOutOfOrder() throws Exception {
        Map<Integer, Long> end = endOffsets();
        List<String> found = new java.util.ArrayList<>();
        Map<String, Long> lastInOrder = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = committedReader()) {
            for (int p = 0; p < PARTITIONS; p++) {
                TopicPartition tp = new TopicPartition(TOPIC, p);
                consumer.assign(List.of(tp));
                consumer.seekToBeginning(List.of(tp));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (consumer.position(tp) < end.get(p)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("could not read partition " + p + " to its end");
                    }
                    for (var record : consumer.poll(Duration.ofMillis(200))) {
                        var envelope = org.actionlearning.events.envelope.EventJson.fromBytes(record.value());
                        long last = lastInOrder.getOrDefault(envelope.aggregateId(), -1L);
                        if (envelope.sequenceNumber() == last + 1) {
                            lastInOrder.put(envelope.aggregateId(), envelope.sequenceNumber());
                        } else if (envelope.sequenceNumber() > last + 1 && found.size() < 10) {
                            found.add(envelope.aggregateType() + " " + envelope.aggregateId() + ": event "
                                    + envelope.sequenceNumber() + " at " + tp + "@" + record.offset()
                                    + " before event " + (last + 1));
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Whether a read_committed consumer finds a record of {@code partition} at or after {@code from}. */
    boolean hasCommittedRecordsFrom(int partition, long from) throws Exception {
        long end = endOffsets().get(partition);
        try (KafkaConsumer<String, byte[]> consumer = committedReader()) {
            TopicPartition tp = new TopicPartition(TOPIC, partition);
            consumer.assign(List.of(tp));
            consumer.seek(tp, from);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                if (!consumer.poll(Duration.ofMillis(200)).isEmpty()) {
                    return true;
                }
                if (consumer.position(tp) >= end) {
                    return false;
                }
            }
            return true;
        }
    }

    private KafkaConsumer<String, byte[]> committedReader() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * What an orchestrator does for a killed consumer: removes the dead member from the group at once, instead of
     * letting the group wait for its session to time out (45 s by default, not configurable in the service).
     */
    void evictDeadConsumerGroupMembers() {
        try {
            admin().removeMembersFromConsumerGroup(GROUP, new RemoveMembersFromConsumerGroupOptions()).all()
                    .get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            // an empty group, or the broker busy: the session timeout will do it
            System.out.println("[faults] could not evict the dead consumer: " + e);
        }
    }

    /** Each member of the projection's consumer group (its member id) and the partitions assigned to it. */
    Map<String, java.util.Set<Integer>> groupAssignment() throws Exception {
        Map<String, java.util.Set<Integer>> members = new HashMap<>();
        admin().describeConsumerGroups(List.of(GROUP)).all().get(15, TimeUnit.SECONDS).get(GROUP).members()
                .forEach(m -> members.put(m.consumerId(), new java.util.TreeSet<>(m.assignment().topicPartitions()
                        .stream().map(TopicPartition::partition).toList())));
        return members;
    }

    /** The partition of a programme's events: the relay keys them by programme, Kafka's default partitioner. */
    static int partitionOf(java.util.UUID programmeId) {
        byte[] key = programmeId.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(key))
                % PARTITIONS;
    }

    /** The projection's stored next offset of a partition (committed with the read models), or -1. */
    long storedNextOffset(int partition) throws SQLException {
        try (var connection = readDb.connect(QUERY_DATABASE); var read = connection.prepareStatement(
                "select next_offset from consumer_offset where group_id = ? and topic = ? and partition = ?")) {
            read.setString(1, GROUP);
            read.setString(2, TOPIC);
            read.setInt(3, partition);
            try (var rows = read.executeQuery()) {
                return rows.next() ? rows.getLong(1) : -1;
            }
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
        }
        return admin;
    }

    /** Starts whatever a failed round left stopped. */
    void ensureRunning() throws SQLException {
        if (queryService.isRunning()) {
            queryService.resume(); // (SIGCONT on a running process does nothing)
        }
        commandDb.start();
        readDb.start();
        kafka.start();
        startCommandService();
        if (!queryService.isRunning()) {
            queryService.start();
        }
    }

    /** Where the query service's logs go: kept after the run (target/fault-logs), for a failure's diagnosis. */
    private static Path logDirectory() {
        try {
            Path logs = Path.of("target", "fault-logs");
            java.nio.file.Files.createDirectories(logs);
            return logs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        return FreePorts.next();
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        queryService.stop();
        secondQueryService.stop();
        stopCommandService();
        kafka.stop();
        readDb.stop(RestartablePostgres.Stop.FAST);
        commandDb.stop(RestartablePostgres.Stop.FAST);
    }
}
