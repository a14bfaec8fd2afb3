package org.actionlearning.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.actionlearning.events.programme.ProgrammeLaunched;
import org.actionlearning.events.envelope.EventEnvelope;
import org.actionlearning.events.envelope.EventJson;
import org.actionlearning.projection.Projection;
import org.actionlearning.projection.ProjectionHandlers;
import org.actionlearning.query.QueryServiceApplication;
import org.actionlearning.query.projection.EventLog;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TestIdentity;
import org.actionlearning.testsupport.TestTokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jooq.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * While a rebuild empties and refills the read models, reads of a programme that exists answer 503 with Retry-After
 * (never 404), readiness is out of service and the rebuild says RUNNING; a restart in the middle resumes saying so
 * until the replay caught up, then the reads are what they were. The replay is held at a gate (a projection that waits
 * on each launch while the test keeps it closed), so "in the middle" does not depend on timing.
 */
class ReadsDuringRebuildTest {

    private static final String TOPIC = "als.events.reads-during-rebuild-test";
    private static final String DATABASE_URL = EmbeddedInfrastructure.newDatabase("reads_during_rebuild");

    private ConfigurableApplicationContext service;

    @AfterEach
    void stop() {
        Gate.open();
        if (service != null) {
            service.close();
        }
    }

    @Test
    void readsAnswer503UntilTheReplayCaughtUpAlsoAfterARestartInTheMiddle() {
        UUID programme = UUID.randomUUID();
        publish(programme);
        HttpJson base = start();
        HttpJson sponsor = base.withToken(TestTokens.token("sam", null, "SPONSOR:" + programme));
        HttpJson operator = base.withToken(TestTokens.token("operator", null, "ADMIN:*"));
        String dashboard = "/api/programmes/" + programme + "/dashboard?asOf=2026-03-01";
        await().atMost(Duration.ofSeconds(30)).until(() -> sponsor.get(dashboard).status() == 200);
        JsonNode before = sponsor.get(dashboard).body();
        assertThat(before.path("counts").path("meetingsHeld").asInt()).isEqualTo(1);
        assertThat(operator.get("/actuator/health/readiness").status()).isEqualTo(200);

        Gate.close();
        assertThat(operator.post("/api/admin/rebuild", "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(Gate::holding);

        assertRebuilding(base, programme, dashboard);

        // kill the service in the middle: the held replay fails, nothing of it is committed
        service.close();
        service = null;
        HttpJson restarted = start();
        HttpJson sponsorAgain = restarted.withToken(TestTokens.token("sam", null, "SPONSOR:" + programme));
        HttpJson operatorAgain = restarted.withToken(TestTokens.token("operator", null, "ADMIN:*"));

        assertRebuilding(restarted, programme, dashboard);
        JsonNode resumed = operatorAgain.get("/api/admin/rebuild").body();
        assertThat(resumed.path("recordsToReplay").asLong()).isEqualTo(EVENTS);
        assertThat(resumed.path("topic").asText()).isEqualTo(TOPIC);

        Gate.open();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "DONE".equals(operatorAgain.get("/api/admin/rebuild").body().path("state").asText()));
        assertThat(operatorAgain.get("/api/admin/rebuild").body().path("progress").asDouble()).isEqualTo(1.0);
        HttpJson.Response after = sponsorAgain.get(dashboard);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body()).isEqualTo(before);
        assertThat(operatorAgain.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    private static void assertRebuilding(HttpJson base, UUID programme, String dashboard) {
        String token = TestTokens.token("sam", null, "SPONSOR:" + programme);
        HttpJson sponsor = base.withToken(token);
        HttpJson operator = base.withToken(TestTokens.token("operator", null, "ADMIN:*"));
        for (int i = 0; i < 3; i++) {
            HttpJson.Response read = sponsor.get(dashboard);
            assertThat(read.status()).isEqualTo(503);
            assertThat(read.contentType()).startsWith("application/problem+json");
            assertThat(read.body().path("title").asText()).isEqualTo("Read models rebuilding");
        }
        assertThat(sponsor.get("/api/programmes").status()).isEqualTo(503);
        // a page says it in words, and reloads itself
        HttpJson.Response page = sponsor.send("GET", "/programmes/" + programme, null,
                java.util.Map.of("Accept", "text/html"));
        assertThat(page.status()).isEqualTo(503);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.raw()).contains("Figures being rebuilt").contains("http-equiv=\"refresh\"");
        assertThat(retryAfter(sponsor, token, dashboard)).isEqualTo("5");
        assertThat(operator.get("/api/admin/rebuild").body().path("state").asText()).isEqualTo("RUNNING");
        HttpJson.Response readiness = operator.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.body().path("components").path("rebuild").path("status").asText())
                .isEqualTo("OUT_OF_SERVICE");
    }

    private static String retryAfter(HttpJson caller, String token, String path) {
        try {
            java.net.http.HttpResponse<Void> answer = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(caller.baseUrl() + path))
                            .header("Authorization", "Bearer " + token).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            assertThat(answer.statusCode()).isEqualTo(503);
            return answer.headers().firstValue("Retry-After").orElse(null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpJson start() {
        service = new SpringApplicationBuilder(QueryServiceApplication.class, Gate.class)
                .properties(QueryServiceApplication.CONFIG_NAME)
                .run("--als.security.jwt-secret=" + TestIdentity.JWT_SECRET, "--server.port=0",
                        "--spring.datasource.url=" + DATABASE_URL, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--als.projection.bootstrap-servers=" + EmbeddedInfrastructure.kafkaBootstrapServers(),
                        "--als.projection.topic=" + TOPIC, "--als.projection.group-id=reads-during-rebuild-test");
        return new HttpJson("http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort());
    }

    private static final int EVENTS = 11;

    /** A launched programme whose set held one meeting: {@value #EVENTS} events on one partition. */
    private static void publish(UUID programme) {
        List<EventEnvelope> events = EventLog.meeting(programme, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()).envelopes();
        assertThat(events).hasSize(EVENTS);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (EventEnvelope event : events) {
                producer.send(new ProducerRecord<>(TOPIC, programme.toString(), EventJson.toBytes(event))).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A projection that holds each launch while closed; when its service closes, a held launch fails (the crash of
     * the test: its transaction is rolled back).
     */
    static class Gate implements Projection, ApplicationListener<ContextClosedEvent> {

        private static final Object LOCK = new Object();
        private static boolean closed;
        private static boolean failing;
        private static boolean holding;

        static void close() {
            synchronized (LOCK) {
                closed = true;
                failing = false;
            }
        }

        static void open() {
            synchronized (LOCK) {
                closed = false;
                LOCK.notifyAll();
            }
        }

        static boolean holding() {
            synchronized (LOCK) {
                return holding;
            }
        }

        @Override
        public void onApplicationEvent(ContextClosedEvent event) {
            synchronized (LOCK) {
                failing = closed;
                LOCK.notifyAll();
            }
        }

        @Override
        public void register(ProjectionHandlers handlers) {
            handlers.on(ProgrammeLaunched.class, (event, envelope) -> pass());
        }

        @Override
        public List<Table<?>> tables() {
            return List.of();
        }

        private static void pass() {
            synchronized (LOCK) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                holding = closed;
                try {
                    while (closed && !failing && System.nanoTime() < deadline) {
                        LOCK.wait(100);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    holding = false;
                }
                if (failing) {
                    failing = false; // the next context's replay is held again
                    throw new IllegalStateException("the service stops in the middle of the rebuild");
                }
            }
        }
    }
}
