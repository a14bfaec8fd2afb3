package org.actionlearning.query.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.actionlearning.query.QueryServiceApplication;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.actionlearning.testsupport.TestIdentity;
import org.actionlearning.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A read database that does not give a connection (here: the pool of two held by the test, as a stalled server holds
 * them) makes a read answer 503 problem+json naming it, with Retry-After, after the pool's connection timeout
 * (5 s), not a 500 after 30 s; readiness says 503 in the same bound.
 */
@SpringBootTest(classes = QueryServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {QueryServiceApplication.CONFIG_NAME, "als.projection.enabled=false",
                "als.projection.bootstrap-servers=127.0.0.1:9", "als.security.jwt-secret=" + TestIdentity.JWT_SECRET,
                "spring.datasource.hikari.maximum-pool-size=2"})
class ExhaustedPoolTest {

    private static final String DATABASE_URL = EmbeddedInfrastructure.newDatabase("exhausted_pool");
    private static final Duration BOUND = Duration.ofSeconds(8);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.useDatabase(registry, DATABASE_URL);
    }

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    @Test
    void aReadWithoutAConnectionAnswers503InBoundedTime() throws Exception {
        UUID programme = UUID.randomUUID();
        String dashboard = "/api/programmes/" + programme + "/dashboard";
        String token = TestTokens.token("sam", null, "SPONSOR:" + programme);
        assertThat(get(dashboard, token).statusCode()).as("before: an unknown programme").isEqualTo(404);

        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                held.add(dataSource.getConnection());
            }
            long begin = System.nanoTime();
            HttpResponse<String> read = get(dashboard, token);
            Duration took = Duration.ofNanos(System.nanoTime() - begin);

            assertThat(read.statusCode()).isEqualTo(503);
            assertThat(read.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(read.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(read.body()).contains("\"title\":\"Read database unavailable\"")
                    .contains("\"unavailable\":\"read database\"");
            assertThat(took).isLessThan(BOUND);

            begin = System.nanoTime();
            HttpResponse<String> readiness = get("/actuator/health/readiness", null);
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(BOUND);
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        assertThat(get(dashboard, token).statusCode()).as("after: the pool is back").isEqualTo(404);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
