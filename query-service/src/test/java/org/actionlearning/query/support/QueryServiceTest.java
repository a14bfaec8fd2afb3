package org.actionlearning.query.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.ArrayList;
import java.util.List;
import org.actionlearning.query.QueryServiceApplication;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TestIdentity;
import org.actionlearning.testsupport.TestTokens;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The query service running for real on an embedded PostgreSQL (schema by Flyway), without the projection
 * consumer: tests write read-model rows themselves and call the API over HTTP. One Spring context for all
 * subclasses; tests isolate themselves by their own random ids. "Today" is {@link #TODAY} by a fixed clock.
 */
@SpringBootTest(classes = QueryServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {QueryServiceApplication.CONFIG_NAME, "als.projection.enabled=false",
                // no broker here: a closed port, so that Kafka is reliably down (see ReadinessTest)
                "als.projection.bootstrap-servers=127.0.0.1:9",
                "als.security.jwt-secret=" + TestIdentity.JWT_SECRET})
@Import(QueryServiceTest.FixedClock.class)
public abstract class QueryServiceTest {

    /** Late in the UTC day, so that a clock read in another zone would give another date. */
    public static final Instant NOW = Instant.parse("2026-04-05T23:30:00Z");
    public static final String TODAY = "2026-04-05";
    /** Doubles computed by hand here and by analytics there may differ in the last bits (order of operations). */
    protected static final double PRECISION = 1e-12;

    private static final String DATABASE_URL = EmbeddedInfrastructure.newDatabase("query");

    @LocalServerPort
    protected int port;
    @Autowired
    protected DSLContext db;
    /** Signed in as an operator of the platform (ADMIN of every organisation): aggregates, not set content. */
    protected HttpJson http;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.useDatabase(registry, DATABASE_URL);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {

        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @BeforeEach
    void client() {
        http = new HttpJson("http://localhost:" + port).withToken(TestTokens.token("operator", null, "ADMIN:*"));
    }

    /** A client signed in as the facilitator of the set: who may read its fairness audit. */
    protected HttpJson facilitatorOf(UUID setId) {
        return http.withToken(TestTokens.token("facilitator", null, "FACILITATOR:" + setId));
    }

    /** GETs {@code path} and checks it answered 200 with JSON. */
    protected JsonNode getOk(String path) {
        return getOk(http, path);
    }

    /** GETs {@code path} as the given client and checks it answered 200 with JSON. */
    protected JsonNode getOk(HttpJson client, String path) {
        HttpJson.Response response = client.get(path);
        assertThat(response.status()).as("status of GET %s: %s", path, response.raw()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        return response.body();
    }

    /** Asserts {@code node.field} is a number equal to {@code expected} up to {@link #PRECISION}. */
    protected static void assertNumber(JsonNode node, String field, double expected) {
        JsonNode value = node.get(field);
        assertThat(value).as("field %s of %s", field, node).isNotNull();
        assertThat(value.isNumber()).as("field %s is a number: %s", field, value).isTrue();
        assertThat(value.doubleValue()).as("field %s", field).isCloseTo(expected, within(PRECISION));
    }

    /** Asserts {@code node.field} is present and JSON null. */
    protected static void assertNull(JsonNode node, String field) {
        assertThat(node.has(field)).as("field %s present in %s", field, node).isTrue();
        assertThat(node.get(field).isNull()).as("field %s is null: %s", field, node.get(field)).isTrue();
    }

    protected static void assertText(JsonNode node, String field, Object expected) {
        assertThat(node.get(field)).as("field %s of %s", field, node).isNotNull();
        assertThat(node.get(field).isTextual()).as("field %s is text", field).isTrue();
        assertThat(node.get(field).asText()).as("field %s", field).isEqualTo(String.valueOf(expected));
    }

    protected static void assertInt(JsonNode node, String field, int expected) {
        assertThat(node.get(field)).as("field %s of %s", field, node).isNotNull();
        assertThat(node.get(field).isIntegralNumber()).as("field %s is a whole number", field).isTrue();
        assertThat(node.get(field).intValue()).as("field %s", field).isEqualTo(expected);
    }

    protected static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    protected static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
