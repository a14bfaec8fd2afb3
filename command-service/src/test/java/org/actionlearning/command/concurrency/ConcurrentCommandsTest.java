package org.actionlearning.command.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.actionlearning.testsupport.TestIdentity;
import org.actionlearning.command.CommandServiceApplication;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.actionlearning.testsupport.HttpJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two instances of the command service on one event store, 100 commands at once against one set: each gets
 * 201 or 409 (an invariant, or another instance stored first), none is lost or applied twice, and the set's
 * stream has no gaps. Two instances, because within one JVM Axon already serialises commands per aggregate:
 * only across instances does the store's unique key have to catch a concurrent append.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentCommandsTest {

    private static final int REQUESTS = 100;
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private final List<HttpJson> clients = new ArrayList<>();
    private JdbcTemplate jdbc;

    @BeforeAll
    void startTwoInstances() {
        String database = EmbeddedInfrastructure.newDatabase("concurrency");
        for (int i = 0; i < 2; i++) {
            ConfigurableApplicationContext context = CommandServiceApplication.builder().run(TestIdentity.with(
                    "--server.port=0", "--spring.datasource.url=" + database,
                    "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                    "--als.relay.bootstrap-servers=" + EmbeddedInfrastructure.kafkaBootstrapServers(),
                    "--als.relay.topic=als.events.concurrency"));
            instances.add(context);
            clients.add(new HttpJson("http://localhost:"
                    + ((WebServerApplicationContext) context).getWebServer().getPort())
                    .as(TestIdentity.ADMIN, TestIdentity.ADMIN_PASSWORD));
        }
        jdbc = instances.get(0).getBean(JdbcTemplate.class);
    }

    @AfterAll
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void hundredConcurrentMemberCommandsOnOneSetAcrossTwoInstances() throws Exception {
        UUID programmeId = clients.get(0).post("/api/programmes", Map.of("organisation", "Org", "name", "Busy",
                "sponsor", "S", "startsOn", "2026-01-05", "currency", "EUR")).id("programmeId");
        UUID setId = clients.get(1).post("/api/sets", Map.of("programmeId", programmeId, "name", "Busy set",
                "facilitatorName", "Fran")).id("setId");
        // 12 people for 8 places, each asked for about 8 times: duplicates, a full set and races all happen
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            people.add(UUID.randomUUID());
        }
        Random random = new Random(42);
        List<Callable<HttpJson.Response>> requests = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < REQUESTS; i++) {
            HttpJson client = clients.get(i % 2);
            UUID person = people.get(random.nextInt(people.size()));
            requests.add(() -> {
                start.await();
                return client.post("/api/sets/" + setId + "/members", Map.of("displayName", "P", "personId", person));
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<HttpJson.Response>> futures = new ArrayList<>();
        requests.forEach(r -> futures.add(pool.submit(r)));
        start.countDown();
        List<HttpJson.Response> responses = new ArrayList<>();
        for (Future<HttpJson.Response> future : futures) {
            responses.add(future.get());
        }
        pool.shutdown();

        assertThat(responses).extracting(HttpJson.Response::status).allMatch(s -> s == 201 || s == 409);
        assertThat(responses).filteredOn(r -> r.status() == 409)
                .allSatisfy(r -> assertThat(r.contentType()).startsWith("application/problem+json"));
        long accepted = responses.stream().filter(r -> r.status() == 201).count();

        List<String> joined = jdbc.queryForList("select convert_from(payload, 'UTF8')::json->>'personId'"
                + " from domainevententry where aggregateidentifier = ? and payloadtype like '%MemberJoined'",
                String.class, setId.toString());
        assertThat(joined).as("one event per accepted command").hasSize((int) accepted);
        assertThat(joined).as("nobody joined twice").doesNotHaveDuplicates();
        assertThat(accepted).isBetween(1L, 8L);
        assertThat(responses).filteredOn(r -> r.status() == 201).extracting(r -> r.id("personId").toString())
                .containsExactlyInAnyOrderElementsOf(joined);
        List<Long> sequence = jdbc.queryForList("select sequencenumber from domainevententry"
                + " where aggregateidentifier = ? order by sequencenumber", Long.class, setId.toString());
        assertThat(sequence).as("gap-free").containsExactlyElementsOf(
                LongStream.range(0, sequence.size()).boxed().toList());
    }

    @Test
    void oneIdempotencyKeySentToBothInstancesAtOnceCreatesOneEvent() throws Exception {
        String key = "concurrent-" + UUID.randomUUID();
        String name = "Keyed " + key;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<HttpJson.Response>> futures = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            HttpJson client = clients.get(i % 2);
            futures.add(pool.submit(() -> {
                start.await();
                return client.post("/api/programmes", Map.of("organisation", "Org", "name", name, "sponsor", "S",
                        "startsOn", "2026-01-05", "currency", "EUR"), Map.of("Idempotency-Key", key));
            }));
        }
        start.countDown();
        List<HttpJson.Response> responses = new ArrayList<>();
        for (Future<HttpJson.Response> future : futures) {
            responses.add(future.get());
        }
        pool.shutdown();

        assertThat(responses).extracting(HttpJson.Response::status).containsOnly(201);
        assertThat(responses).extracting(r -> r.id("programmeId")).containsOnly(responses.get(0).id("programmeId"));
        assertThat(jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ?",
                Long.class, responses.get(0).id("programmeId").toString())).isEqualTo(1L);
    }
}
