package org.actionlearning.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.actionlearning.command.support.CommandServiceTest;
import org.junit.jupiter.api.Test;

/** Health and readiness report PostgreSQL and Kafka. */
class HealthTest extends CommandServiceTest {

    @Test
    void healthAndReadinessIncludePostgresAndKafka() {
        JsonNode health = http.get("/actuator/health").body();
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("details").path("database").asText())
                .isEqualTo("PostgreSQL");
        assertThat(health.path("components").path("kafka").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("kafka").path("details").path("brokers").asInt()).isEqualTo(1);

        JsonNode readiness = http.get("/actuator/health/readiness").body();
        assertThat(readiness.path("status").asText()).isEqualTo("UP");
        assertThat(readiness.path("components").has("kafka")).isTrue();
        assertThat(readiness.path("components").has("db")).isTrue();
    }
}
