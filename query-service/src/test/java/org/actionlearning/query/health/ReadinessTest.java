package org.actionlearning.query.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.actionlearning.query.support.QueryServiceTest;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Readiness is "can serve requests": a read needs the read database only. In this context Kafka cannot be reached
 * (the base points the service at a closed port): readiness stays UP, the pipeline group says DOWN.
 */
class ReadinessTest extends QueryServiceTest {

    @Test
    void readinessStaysUpWithKafkaDownWhileThePipelineGroupSaysDown() {
        HttpJson anonymous = new HttpJson("http://localhost:" + port);

        HttpJson.Response readiness = anonymous.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body().path("status").asText()).isEqualTo("UP");
        assertThat(http.get("/actuator/health/readiness").body().path("components").path("db").path("status")
                .asText()).isEqualTo("UP");

        HttpJson.Response pipeline = anonymous.get("/actuator/health/pipeline");
        assertThat(pipeline.status()).isEqualTo(503);
        assertThat(http.get("/actuator/health/pipeline").body().path("components").path("kafka").path("status")
                .asText()).isEqualTo("DOWN");

        // the probes see the status alone: components name aggregates of every organisation
        assertThat(readiness.body().has("components")).isFalse();
        assertThat(anonymous.get("/actuator/health").body().has("components")).isFalse();
        HttpJson organisationAdmin = new HttpJson("http://localhost:" + port)
                .withToken(TestTokens.token("org-admin", null, "ADMIN:acme"));
        assertThat(organisationAdmin.get("/actuator/health").body().has("components")).isFalse();
        assertThat(http.get("/actuator/health").body().has("components")).isTrue();

        // and reads answer
        assertThat(http.get("/api/programmes").status()).isEqualTo(200);
    }
}
