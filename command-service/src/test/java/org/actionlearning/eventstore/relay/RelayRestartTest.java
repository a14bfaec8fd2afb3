package org.actionlearning.eventstore.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.actionlearning.testsupport.TestIdentity;
import org.actionlearning.command.CommandServiceApplication;
import org.actionlearning.command.learningset.SetCommands.FormSet;
import org.actionlearning.command.learningset.SetCommands.ScheduleMeeting;
import org.actionlearning.command.programme.ProgrammeCommands.LaunchProgramme;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.actionlearning.testsupport.TopicReader;
import org.actionlearning.testsupport.TopicReader.Received;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service is stopped while the relay is publishing and started again: afterwards every stored event is on
 * the topic, in store order per programme; an event published twice carries the same event id.
 */
class RelayRestartTest {

    private static final String TOPIC = "als.events.restart";
    private final String databaseUrl = EmbeddedInfrastructure.newDatabase("restart");

    @Test
    void everyStoredEventReachesTheTopicAfterAStopInTheMiddleOfRelaying() throws Exception {
        UUID programmeId = UUID.randomUUID();
        UUID setId = UUID.randomUUID();

        ConfigurableApplicationContext first = start();
        CommandGateway gateway = first.getBean(CommandGateway.class);
        gateway.sendAndWait(new LaunchProgramme(programmeId, "Org", "Restart", "Sponsor", LocalDate.of(2026, 1, 5),
                "EUR"));
        gateway.sendAndWait(new FormSet(programmeId, setId, "Set", UUID.randomUUID(), "Fran"));

        // keep commands flowing from a second thread, and stop the service once the relay is mid-stream
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newSingleThreadExecutor();
        load.submit(() -> {
            LocalDate day = LocalDate.of(2026, 2, 1);
            while (running.get()) {
                try {
                    gateway.sendAndWait(new ScheduleMeeting(setId, UUID.randomUUID(), day));
                } catch (RuntimeException stopping) {
                    return;
                }
            }
        });
        JdbcTemplate firstJdbc = first.getBean(JdbcTemplate.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (stored(firstJdbc) < 300 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long lagAtStop = first.getBean(RelayLag.class).events();
        first.close();
        running.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        ConfigurableApplicationContext second = start();
        try {
            List<String> storedIds = second.getBean(JdbcTemplate.class).queryForList(
                    "select eventidentifier from domainevententry order by globalindex", String.class);
            assertThat(storedIds).hasSizeGreaterThanOrEqualTo(300);

            List<Received> records = TopicReader.readUntil(EmbeddedInfrastructure.kafkaBootstrapServers(), TOPIC,
                    Duration.ofSeconds(60), read -> distinctIds(read).containsAll(storedIds));

            assertThat(distinctIds(records)).as("lag at stop was %s events", lagAtStop)
                    .containsExactlyInAnyOrderElementsOf(storedIds);
            // first occurrences are in store order (one programme, one partition)
            List<String> firstSeen = new ArrayList<>(new java.util.LinkedHashSet<>(
                    records.stream().map(r -> r.envelope().eventId().toString()).toList()));
            assertThat(firstSeen).containsExactlyElementsOf(storedIds);
            // a duplicate is the same event: same id, same aggregate position
            Map<String, Long> sequenceById = new java.util.HashMap<>();
            for (Received record : records) {
                Long previous = sequenceById.putIfAbsent(record.envelope().eventId().toString(),
                        record.envelope().sequenceNumber());
                if (previous != null) {
                    assertThat(record.envelope().sequenceNumber()).isEqualTo(previous);
                }
            }
        } finally {
            second.close();
        }
    }

    private static long stored(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from domainevententry", Long.class);
    }

    private static Set<String> distinctIds(List<Received> records) {
        Set<String> ids = new HashSet<>();
        records.forEach(r -> ids.add(r.envelope().eventId().toString()));
        return ids;
    }

    private ConfigurableApplicationContext start() {
        return CommandServiceApplication.builder().run(TestIdentity.with(
                "--server.port=0",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--als.relay.bootstrap-servers=" + EmbeddedInfrastructure.kafkaBootstrapServers(),
                "--als.relay.topic=" + TOPIC,
                "--als.relay.partitions=1",
                // small batches, so that a stop lands between acknowledged batches and in the middle of one
                "--axon.eventhandling.processors.kafka-relay.batch-size=10"));
    }
}
