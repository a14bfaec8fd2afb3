package org.actionlearning.projection;

import org.actionlearning.query.projection.EventLog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.events.envelope.EventEnvelope;
import org.actionlearning.events.envelope.EventJson;
import org.actionlearning.query.QueryServiceApplication;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TestIdentity;
import org.actionlearning.testsupport.TestTokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A rebuild empties every partition's read models but replays only what this instance owns and what the topic still
 * holds: it is refused, saying why, while another member projects and when a partition's first records are gone.
 */
@SpringBootTest(classes = QueryServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {QueryServiceApplication.CONFIG_NAME, "als.security.jwt-secret=" + TestIdentity.JWT_SECRET,
                "als.projection.group-id=rebuild-safety-test"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RebuildSafetyTest {

    private static final String TOPIC = "als.events.rebuild-safety-test";
    private static final String DATABASE_URL = EmbeddedInfrastructure.newDatabase("rebuild_safety");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.useDatabase(registry, DATABASE_URL);
        registry.add("als.projection.bootstrap-servers", EmbeddedInfrastructure::kafkaBootstrapServers);
        registry.add("als.projection.topic", () -> TOPIC);
    }

    @LocalServerPort
    int port;
    @Autowired
    DSLContext db;

    /** Before the check, the rebuild truncated every partition's rows and replayed only this member's. */
    @Test
    @Order(1)
    void aRebuildWhileAnotherMemberProjectsIsRefused() {
        List<RecordMetadata> sent = publishAMeeting();
        try (KafkaConsumer<String, byte[]> other = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "rebuild-safety-test",
                ConsumerConfig.CLIENT_ID_CONFIG, "another-instance"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            other.subscribe(List.of(TOPIC));
            long deadline = System.currentTimeMillis() + 30_000;
            while (other.assignment().isEmpty() && System.currentTimeMillis() < deadline) {
                other.poll(Duration.ofMillis(100));
            }
            assertThat(other.assignment()).as("the other member's partitions").isNotEmpty();

            HttpJson.Response refused = admin().post("/api/admin/rebuild", "");

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().path("detail").asText())
                    .startsWith("consumer group rebuild-safety-test has 2 members (")
                    .contains("another-instance@");
        }
        assertThat(sent).isNotEmpty();
    }

    /** Records deleted from the head of a partition (as retention would): the rebuild refuses, naming them. */
    @Test
    @Order(2)
    void aRebuildOfATopicMissingItsFirstRecordsIsRefusedNamingThem() throws Exception {
        List<RecordMetadata> sent = publishAMeeting();
        int partition = sent.get(0).partition();
        HttpJson admin = admin();
        // wait for this instance to own every partition again (after the other member left) and project
        await().atMost(Duration.ofSeconds(60)).until(() -> db.fetchCount(
                org.actionlearning.query.jooq.Tables.AGGREGATE_POSITION) >= 2);
        try (Admin kafka = Admin.create(Map.of("bootstrap.servers", EmbeddedInfrastructure.kafkaBootstrapServers()))) {
            kafka.deleteRecords(Map.of(new TopicPartition(TOPIC, partition), RecordsToDelete.beforeOffset(2)))
                    .all().get();
        }

        HttpJson.Response refused = admin.post("/api/admin/rebuild", "");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("missing").toString())
                .contains("partition " + partition + ": offsets 0 to 1 deleted or expired (earliest offset 2)");
        assertThat(refused.body().path("detail").asText()).startsWith("topic " + TOPIC + " no longer holds every event");
        assertThat(admin.get("/api/admin/rebuild").body().path("state").asText()).isNotEqualTo("RUNNING");
        assertThat(db.fetchCount(org.actionlearning.query.jooq.Tables.AGGREGATE_POSITION)).isGreaterThanOrEqualTo(2);
    }

    private HttpJson admin() {
        return new HttpJson("http://localhost:" + port).withToken(TestTokens.token("operator", null, "ADMIN:*"));
    }

    /** A meeting's events, all on the programme's partition. */
    private static List<RecordMetadata> publishAMeeting() {
        UUID programme = UUID.randomUUID();
        List<EventEnvelope> events = EventLog.meeting(programme, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()).envelopes();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            List<RecordMetadata> sent = new java.util.ArrayList<>();
            for (EventEnvelope event : events) {
                sent.add(producer.send(new ProducerRecord<>(TOPIC, programme.toString(), EventJson.toBytes(event)))
                        .get());
            }
            return sent;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
