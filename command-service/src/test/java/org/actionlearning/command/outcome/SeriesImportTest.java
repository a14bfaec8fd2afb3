package org.actionlearning.command.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.command.support.Accounts;
import org.actionlearning.command.support.CommandServiceTest;
import org.actionlearning.command.support.Scenario;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TestIdentity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Importing an outcome metric's values: every row recorded, in one transaction, or none; every bad row named by
 * its line and column in one answer.
 */
class SeriesImportTest extends CommandServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private UUID programmeId;
    private UUID metricId;

    @BeforeEach
    void metric() {
        programmeId = new Scenario(http).launchProgramme("Import " + UUID.randomUUID());
        metricId = Scenario.created(http.post("/api/outcomes", Map.of("programmeId", programmeId,
                "name", "discharge delay", "unit", "hours", "direction", "DECREASE", "period", "WEEK")), "metricId");
    }

    @Test
    void aWholeFileIsRecordedInDateOrderBaselineFirst() {
        HttpJson.Response answer = csv("""
                series,measuredOn,value
                follow-up,2026-03-09,84.5
                baseline,2026-01-12,100
                baseline,2026-01-05,96

                follow-up,2026-03-02,90.25
                """);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("baseline").asLong()).isEqualTo(2);
        assertThat(answer.body().path("followUps").asLong()).isEqualTo(2);
        assertThat(storedValues()).containsExactly(
                "BaselineRecorded 2026-01-05 96", "BaselineRecorded 2026-01-12 100",
                "MeasurementRecorded 2026-03-02 90.25", "MeasurementRecorded 2026-03-09 84.5");
        // one command: one transaction, so the four events sit in one commit of the metric's stream
        assertThat(jdbc.queryForObject("select count(distinct sequencenumber) from domainevententry"
                + " where aggregateidentifier = ? and payloadtype like '%Recorded'", Long.class, metricId.toString()))
                .isEqualTo(4);
    }

    @Test
    void malformedRowsAreEachNamedByLineAndColumnAndNothingIsStored() {
        long before = storedEvents();

        HttpJson.Response answer = csv("""
                measuredOn,series,value
                2026-01-05,baseline,96
                05/01/2026,baseline,100
                2026-03-02,later,ninety
                2026-03-09,follow-up
                """);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(errors(answer)).containsExactly(
                "line 3.measuredOn: must be an ISO date (yyyy-MM-dd), was '05/01/2026'",
                "line 4.series: must be baseline or follow-up, was 'later'",
                "line 4.value: must be a number, was 'ninety'",
                "line 5: expected 3 fields, found 2");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void rowsAgainstTheRecordedSeriesRefuseTheWholeImport() {
        assertThat(http.post("/api/outcomes/" + metricId + "/baseline",
                Map.of("measuredOn", "2026-01-12", "value", 100)).status()).isEqualTo(201);
        long before = storedEvents();

        HttpJson.Response answer = csv("""
                series,measuredOn,value
                baseline,2026-01-05,96
                baseline,2026-01-12,101
                follow-up,2026-01-10,90
                follow-up,2026-03-02,88
                follow-up,2026-03-02,87
                """);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(errors(answer)).containsExactly(
                "line 3.measuredOn: a baseline point is already recorded for 2026-01-12",
                "line 4.measuredOn: follow-ups come after the last baseline point (2026-01-12)",
                "line 6.measuredOn: a measurement is already recorded for 2026-03-02");
        // the good rows on lines 2 and 5 were not stored either
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(storedValues()).containsExactly("BaselineRecorded 2026-01-12 100");
    }

    /** As a single baseline point is, an imported one dated after a recorded follow-up is refused. */
    @Test
    void aBaselineRowAfterARecordedFollowUpIsRefused() {
        assertThat(http.post("/api/outcomes/" + metricId + "/baseline",
                Map.of("measuredOn", "2026-01-12", "value", 100)).status()).isEqualTo(201);
        assertThat(http.post("/api/outcomes/" + metricId + "/measurements",
                Map.of("measuredOn", "2026-03-02", "value", 90)).status()).isEqualTo(201);
        long before = storedEvents();

        HttpJson.Response answer = csv("series,measuredOn,value\nbaseline,2026-04-06,97\n");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(errors(answer)).containsExactly(
                "line 2.measuredOn: baseline points precede the follow-ups (first follow-up 2026-03-02)");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void followUpsWithoutAnyBaselineAreRefused() {
        HttpJson.Response answer = csv("series,measuredOn,value\nfollow-up,2026-03-02,88\n");
        assertThat(answer.status()).isEqualTo(409);
        assertThat(errors(answer)).containsExactly("line 2.series: record a baseline before follow-up measurements");
    }

    @Test
    void aFileWithoutTheHeaderOrRowsOrTooLongIsRefused() {
        assertThat(errors(csv("2026-01-05,baseline,96\n"))).singleElement().asString()
                .startsWith("line 1: the header must name each of series,measuredOn,value once");
        assertThat(errors(csv("series,measuredOn,value\n"))).containsExactly("line 2: no rows after the header");
        assertThat(errors(csv(""))).singleElement().asString().startsWith("line 1: the file is empty");

        StringBuilder big = new StringBuilder("series,measuredOn,value\n");
        for (int day = 0; day <= SeriesCsv.MAX_ROWS; day++) {
            big.append("baseline,").append(java.time.LocalDate.of(2020, 1, 1).plusDays(day)).append(",1\n");
        }
        assertThat(errors(csv(big.toString())))
                .containsExactly("line " + (SeriesCsv.MAX_ROWS + 2) + ": at most 1000 rows per import");
        assertThat(storedValues()).isEmpty();
    }

    @Test
    void jsonRowsAreNamedByTheirIndex() {
        HttpJson.Response bad = http.post("/api/outcomes/" + metricId + "/measurements/import", Map.of("rows",
                List.of(Map.of("series", "BASELINE", "measuredOn", "2026-01-05", "value", 96),
                        Map.of("series", "FOLLOW_UP", "measuredOn", "2026-03-02"))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("errors").findValuesAsText("field")).containsExactly("rows[1].value");

        HttpJson.Response good = http.post("/api/outcomes/" + metricId + "/measurements/import", Map.of("rows",
                List.of(Map.of("series", "FOLLOW_UP", "measuredOn", "2026-03-02", "value", 88),
                        Map.of("series", "BASELINE", "measuredOn", "2026-01-05", "value", 96))));
        assertThat(good.status()).isEqualTo(200);
        assertThat(storedValues()).containsExactly("BaselineRecorded 2026-01-05 96", "MeasurementRecorded 2026-03-02 88");
    }

    @Test
    void anAdministratorOfAnotherOrganisationMayNotImport() {
        String username = "import-stranger-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.post("/api/users", Map.of("username", username, "password", Accounts.PASSWORD,
                "grants", List.of("ADMIN:Other Org"))).status()).isEqualTo(201);
        HttpJson.Response answer = csv("series,measuredOn,value\nbaseline,2026-01-05,1\n",
                TestIdentity.basic(username, Accounts.PASSWORD));
        // the metric is not theirs to know of: the answer of an unknown id (RefusalsNameNothingTest)
        assertThat(answer.status()).isEqualTo(404);
        assertThat(storedValues()).isEmpty();
    }

    private HttpJson.Response csv(String body) {
        return csv(body, TestIdentity.basic(TestIdentity.ADMIN, TestIdentity.ADMIN_PASSWORD));
    }

    /** HttpJson always sends JSON; this sends the body as text/csv, as the outcomes page does. */
    private HttpJson.Response csv(String body, String authorization) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            "http://localhost:" + port + "/api/outcomes/" + metricId + "/measurements/import"))
                    .header("Content-Type", "text/csv; charset=utf-8").header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return new HttpJson.Response(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(null),
                    null, answer.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(answer.body()),
                    answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> errors(HttpJson.Response answer) {
        return java.util.stream.StreamSupport.stream(answer.body().path("errors").spliterator(), false)
                .map(e -> e.path("field").asText() + ": " + e.path("message").asText())
                .toList();
    }

    /** The metric's stored values in the order of its stream: "type date value". */
    private List<String> storedValues() {
        return jdbc.query("select payloadtype, payload from domainevententry where aggregateidentifier = ?"
                + " and payloadtype like '%Recorded' order by sequencenumber", (rs, n) -> {
                    JsonNode payload = read(rs.getBytes(2));
                    String type = rs.getString(1);
                    return type.substring(type.lastIndexOf('.') + 1) + " " + payload.path("measuredOn").asText()
                            + " " + payload.path("value").decimalValue().toPlainString();
                }, metricId.toString());
    }

    private static JsonNode read(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
