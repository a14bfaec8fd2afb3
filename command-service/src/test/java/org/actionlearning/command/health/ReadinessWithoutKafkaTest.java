package org.actionlearning.command.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.actionlearning.command.CommandServiceApplication;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TestIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Readiness is "can serve requests": a command needs PostgreSQL only. With the service's own broker stopped,
 * readiness stays UP (the load balancer keeps the instance) while the pipeline group reports Kafka DOWN.
 */
@SpringBootTest(classes = CommandServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {CommandServiceApplication.CONFIG_NAME, "als.security.jwt-secret=" + TestIdentity.JWT_SECRET,
                "als.identity.admin-password=" + TestIdentity.ADMIN_PASSWORD,
                "als.security.service-password=" + TestIdentity.SERVICE_PASSWORD,
                "als.personal-data.master-key=" + TestIdentity.MASTER_KEY,
                "als.relay.topic=als.events.readiness", "als.relay.partitions=1"})
class ReadinessWithoutKafkaTest {

    /** A broker of this test's own, so that stopping it leaves the other tests' broker alone. */
    private static final EmbeddedKafkaKraftBroker KAFKA = new EmbeddedKafkaKraftBroker(1, 1);
    private static final String DATABASE_URL = EmbeddedInfrastructure.newDatabase("readiness");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        KAFKA.afterPropertiesSet();
        EmbeddedInfrastructure.useDatabase(registry, DATABASE_URL);
        registry.add("als.relay.bootstrap-servers", KAFKA::getBrokersAsString);
    }

    @AfterAll
    static void stopBroker() {
        KAFKA.destroy();
    }

    @Test
    void readinessStaysUpWithKafkaDownWhileThePipelineGroupSaysDown() {
        HttpJson http = new HttpJson("http://localhost:" + port);
        assertThat(http.get("/actuator/health/pipeline").body().path("status").asText()).isEqualTo("UP");

        KAFKA.destroy();

        await().atMost(Duration.ofSeconds(30)).until(() ->
                "DOWN".equals(http.get("/actuator/health/pipeline").body().path("status").asText()));
        HttpJson.Response readiness = http.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body().path("status").asText()).isEqualTo("UP");
        assertThat(readiness.body().has("components")).as("details are for operators").isFalse();
        HttpJson admin = http.as(TestIdentity.ADMIN, TestIdentity.ADMIN_PASSWORD);
        JsonNode detailed = admin.get("/actuator/health/readiness").body();
        assertThat(detailed.path("components").has("db")).isTrue();
        assertThat(detailed.path("components").has("kafka")).isFalse();
        // and commands are still taken: they wait in the event store for the relay
        HttpJson.Response created = admin.post("/api/programmes", Map.of("organisation", "Org",
                "name", "Kafka is away", "sponsor", "Sam", "startsOn", "2026-01-05", "currency", "GBP"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
    }
}
