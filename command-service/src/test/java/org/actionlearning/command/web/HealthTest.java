package org.actionlearning.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.actionlearning.command.support.CommandServiceTest;
import org.junit.jupiter.api.Test;

/** Health reports PostgreSQL and Kafka; readiness PostgreSQL only, the pipeline group Kafka. */
class HealthTest extends CommandServiceTest {

    @Test
    void healthIncludesPostgresAndKafkaReadinessOnlyPostgres() {
        JsonNode health = http.get("/actuator/health").body();
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("details").path("database").asText())
                .isEqualTo("PostgreSQL");
        assertThat(health.path("components").path("kafka").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("kafka").path("details").path("brokers").asInt()).isEqualTo(1);

        JsonNode readiness = http.get("/actuator/health/readiness").body();
        assertThat(readiness.path("status").asText()).isEqualTo("UP");
        assertThat(readiness.path("components").has("kafka")).isFalse();
        assertThat(readiness.path("components").has("db")).isTrue();

        JsonNode pipeline = http.get("/actuator/health/pipeline").body();
        assertThat(pipeline.path("status").asText()).isEqualTo("UP");
        assertThat(pipeline.path("components").path("kafka").path("status").asText()).isEqualTo("UP");
    }
}
