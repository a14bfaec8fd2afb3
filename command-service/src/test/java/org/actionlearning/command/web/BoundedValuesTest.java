package org.actionlearning.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.command.support.CommandServiceTest;
import org.actionlearning.command.support.Scenario;
import org.actionlearning.testsupport.HttpJson.Response;
import org.actionlearning.testsupport.TestIdentity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Dates and numbers the read models cannot store (a year beyond 2200, a value of 1e400) are refused at the door
 * with a 400 naming the field or the line, and nothing is stored: accepted, they would stop the projection on
 * that event for every organisation.
 */
class BoundedValuesTest extends CommandServiceTest {

    private UUID setId;
    private UUID metricId;

    @BeforeEach
    void metric() {
        Scenario scenario = new Scenario(http);
        UUID programmeId = scenario.launchProgramme("Bounds " + UUID.randomUUID());
        setId = scenario.formSet(programmeId, "Set");
        metricId = Scenario.created(http.post("/api/outcomes", Map.of("programmeId", programmeId,
                "name", "discharge delay", "unit", "hours", "direction", "DECREASE", "period", "WEEK")), "metricId");
    }

    @Test
    void datesAndNumbersBeyondTheBoundsAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        List<UUID> members = new Scenario(http).addMembers(setId, 2);
        UUID meetingId = new Scenario(http).scheduleMeeting(setId, "2026-12-01");
        new Scenario(http).openMeeting(setId, meetingId, members);
        long before = storedEvents();

        Response discard = http.send("POST", Scenario.meeting(setId, meetingId) + "/discard",
                "{\"discardedOn\": \"+999999999-12-31\"}", Map.of());
        assertRefused(discard, "discardedOn", "must be a date between 1900-01-01 and 2200-12-31");

        Response measurement = http.send("POST", "/api/outcomes/" + metricId + "/measurements",
                "{\"measuredOn\": \"2026-07-03\", \"value\": -1e999}", Map.of());
        assertRefused(measurement, "value", ValueBounds.NUMBER_RULE);

        Response early = http.send("POST", "/api/outcomes/" + metricId + "/baseline",
                "{\"measuredOn\": \"1899-12-31\", \"value\": 1}", Map.of());
        assertRefused(early, "measuredOn", ValueBounds.DATE_RULE);

        Response rows = http.send("POST", "/api/outcomes/" + metricId + "/measurements/import",
                "{\"rows\": [{\"series\": \"BASELINE\", \"measuredOn\": \"2026-01-05\", \"value\": 1e12}]}", Map.of());
        assertRefused(rows, "rows[0].value", ValueBounds.NUMBER_RULE);

        HttpResponse<String> file = csv("series,measuredOn,value\nbaseline,2026-01-05,5\n"
                + "baseline,+999999999-12-31,5\nbaseline,2026-01-12,1e400\n");
        assertThat(file.statusCode()).as(file.body()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(file.body()).path("errors").toString())
                .contains("line 3.measuredOn", ValueBounds.DATE_RULE + ", was '+999999999-12-31'")
                .contains("line 4.value", ValueBounds.NUMBER_RULE + ", was '1e400'");

        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void valuesWithinTheBoundsAreAccepted() throws Exception {
        Response baseline = http.post("/api/outcomes/" + metricId + "/baseline",
                Map.of("measuredOn", "2026-01-05", "value", new BigDecimal("999999999999.5")));
        assertThat(baseline.status()).as(baseline.raw()).isEqualTo(201);

        HttpResponse<String> file = csv("series,measuredOn,value\nbaseline,2026-01-12,-999999999999.5\n");
        assertThat(file.statusCode()).as(file.body()).isEqualTo(200);
    }

    private static void assertRefused(Response answer, String field, String rule) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("errors").get(0).path("field").asText()).isEqualTo(field);
        assertThat(answer.body().path("errors").get(0).path("message").asText()).isEqualTo(rule);
    }

    private HttpResponse<String> csv(String body) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/outcomes/" + metricId + "/measurements/import"))
                .header("Content-Type", "text/csv; charset=utf-8")
                .header("Authorization", TestIdentity.basic(TestIdentity.ADMIN, TestIdentity.ADMIN_PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
