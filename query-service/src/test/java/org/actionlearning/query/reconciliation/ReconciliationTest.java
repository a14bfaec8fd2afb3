package org.actionlearning.query.reconciliation;

import static org.actionlearning.query.jooq.Tables.AGGREGATE_POSITION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.actionlearning.query.support.QueryServiceTest;
import org.actionlearning.testsupport.HttpJson;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Reconciliation against a real HTTP server speaking the command service's positions contract (two pages) and the
 * read models' real database: an aggregate whose applied events stopped at 7 of the 9 stored and published is
 * reported with where it stopped; the aggregates in step are not.
 */
class ReconciliationTest extends QueryServiceTest {

    private static final String AUTHORIZATION = "Bearer reconciliation-test";
    private static final HttpServer COMMAND_SERVICE = commandService();
    /** What the stand-in command service answers: its pages, by the {@code after} asked for ("" for the first). */
    private static final Map<String, String> PAGES = new ConcurrentHashMap<>();
    private static final Set<String> AUTHORIZATIONS_SEEN = ConcurrentHashMap.newKeySet();
    /** A page the stand-in answers with 503, as a command service that is down or refuses would. */
    private static final String UNAVAILABLE = "unavailable";

    @DynamicPropertySource
    static void commandServiceUrl(DynamicPropertyRegistry registry) {
        registry.add("als.personal-data.vault-url", () -> "http://localhost:" + COMMAND_SERVICE.getAddress().getPort());
        registry.add("als.personal-data.authorization", () -> AUTHORIZATION);
        registry.add("als.reconciliation.behind-after", () -> "0s");
        registry.add("als.reconciliation.page-size", () -> "2");
    }

    @Test
    void anAggregateWhoseEventsStoppedAt7Of9IsReportedWithWhereItStopped() {
        // ids in order, so the pages come as the command service would page them (by aggregate id)
        String prefix = UUID.randomUUID().toString().substring(0, 8);
        String inStep = prefix + "-a";
        String behind = prefix + "-b";
        String unpublished = prefix + "-c";
        db.insertInto(AGGREGATE_POSITION, AGGREGATE_POSITION.AGGREGATE_ID, AGGREGATE_POSITION.LAST_SEQUENCE)
                .values(inStep, 4L).values(behind, 7L).values(unpublished, 2L).execute();
        PAGES.clear();
        PAGES.put("", page(List.of(position(inStep, 4, 4), position(behind, 9, 9)), behind));
        PAGES.put(behind, page(List.of(position(unpublished, 3, 2)), null));

        JsonNode report = getOk("/api/admin/reconciliation");

        assertThat(report.path("aggregatesChecked").asInt()).isEqualTo(3);
        assertThat(report.path("error").isNull()).isTrue();
        JsonNode mismatches = report.path("mismatches");
        assertThat(mismatches).hasSize(2);
        JsonNode first = mismatches.get(0);
        assertText(first, "aggregateId", behind);
        assertThat(first.path("stored").asLong()).isEqualTo(9);
        assertThat(first.path("published").asLong()).isEqualTo(9);
        assertThat(first.path("applied").asLong()).isEqualTo(7);
        assertText(first, "stoppedAt", "applied up to sequence 7 of 9 stored and published");
        assertThat(first.path("behindSince").asText()).isNotEmpty();
        assertText(mismatches.get(1), "stoppedAt", "published up to sequence 2 of 3 stored; applied up to 2");
        assertThat(AUTHORIZATIONS_SEEN).containsExactly(AUTHORIZATION);

        // still behind at the next check, longer than behind-after (0 s here): a warning, readiness unaffected
        JsonNode again = getOk("/api/admin/reconciliation");
        assertThat(again.path("mismatches").get(0).path("behindSince").asText())
                .isEqualTo(first.path("behindSince").asText());
        JsonNode health = http.get("/actuator/health").body();
        assertThat(health.path("components").path("reconciliation").path("status").asText()).isEqualTo("WARNING");
        assertThat(health.path("components").path("reconciliation").path("details").path("behind").toString())
                .contains(behind + ": applied up to sequence 7 of 9 stored and published since ");
        assertThat(new HttpJson("http://localhost:" + port).get("/actuator/health/readiness").body()
                .path("components").has("reconciliation")).isFalse();
    }

    @Test
    void aCheckThatCouldNotReadTheCommandServiceIsAWarningNotUp() {
        PAGES.clear();
        PAGES.put("", UNAVAILABLE);

        JsonNode report = getOk("/api/admin/reconciliation");

        assertThat(report.path("error").asText()).isNotBlank();
        JsonNode health = http.get("/actuator/health").body();
        assertThat(health.path("components").path("reconciliation").path("status").asText()).isEqualTo("WARNING");
    }

    @Test
    void onlyAdministratorsReconcile() {
        assertThat(facilitatorOf(UUID.randomUUID()).get("/api/admin/reconciliation").status()).isEqualTo(403);
    }

    private static String position(String aggregateId, long stored, long published) {
        return "{\"aggregateId\":\"%s\",\"aggregateType\":\"LearningSet\",\"stored\":%d,\"published\":%d}"
                .formatted(aggregateId, stored, published);
    }

    private static String page(List<String> positions, String next) {
        return "{\"positions\":[" + String.join(",", positions) + "],\"next\":"
                + (next == null ? "null" : "\"" + next + "\"") + "}";
    }

    private static HttpServer commandService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/api/internal/aggregate-positions", exchange -> {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                if (authorization != null) {
                    AUTHORIZATIONS_SEEN.add(authorization);
                }
                String query = exchange.getRequestURI().getQuery();
                String after = "";
                for (String parameter : query == null ? new String[0] : query.split("&")) {
                    if (parameter.startsWith("after=")) {
                        after = parameter.substring("after=".length());
                    }
                }
                String page = PAGES.getOrDefault(after, page(List.of(), null));
                byte[] body = page.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(UNAVAILABLE.equals(page) ? 503 : 200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
