package org.actionlearning.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.actionlearning.query.support.QueryServiceTest;
import org.actionlearning.testsupport.HttpJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorResponsesTest extends QueryServiceTest {

    private static final UUID UNKNOWN = UUID.fromString("00000000-0000-4000-8000-000000000042");
    private ProgrammeScenario s;

    @BeforeEach
    void rows() {
        s = ProgrammeScenario.insert(db);
    }

    @ParameterizedTest
    @CsvSource({
            "/api/programmes/{id}/dashboard, programmeId, no programme with id",
            "/api/programmes/{id}/actions,   programmeId, no programme with id",
            "/api/programmes/{id}/roi,       programmeId, no programme with id",
            "/api/sets/{id}/fairness,        setId,       no learning set with id",
            "/api/outcomes/{id},             metricId,    no outcome metric with id"})
    void unknownIdsAre404NamingTheParameter(String path, String field, String message) {
        JsonNode problem = problem(path.replace("{id}", UNKNOWN.toString()), 404, "Not found");

        assertFieldError(problem, field, message + " " + UNKNOWN);
    }

    @ParameterizedTest
    @CsvSource({
            "/api/programmes/not-a-uuid/dashboard, programmeId",
            "/api/programmes/1234/actions,         programmeId",
            "/api/programmes/not-a-uuid/roi,       programmeId",
            "/api/sets/xyz/fairness,               setId",
            "/api/outcomes/00000000-0000-0000-0000-00000000004z, metricId"})
    void malformedIdsAre400NamingTheParameter(String path, String field) {
        JsonNode problem = problem(path, 400, "Invalid request");

        assertFieldError(problem, field, "must be a UUID, was '" + path.split("/")[3] + "'");
    }

    @Test
    void aMalformedAsOfDateIs400() {
        JsonNode dashboard = problem("/api/programmes/" + s.programme + "/dashboard?asOf=2026-13-01", 400,
                "Invalid request");
        assertFieldError(dashboard, "asOf", "must be an ISO date (yyyy-MM-dd), was '2026-13-01'");

        JsonNode actions = problem("/api/programmes/" + s.programme + "/actions?asOf=01/04/2026", 400,
                "Invalid request");
        assertFieldError(actions, "asOf", "must be an ISO date (yyyy-MM-dd), was '01/04/2026'");
    }

    @Test
    void anUnknownStatusIs400() {
        JsonNode problem = problem("/api/programmes/" + s.programme + "/actions?status=open,late", 400,
                "Invalid request");

        assertFieldError(problem, "status",
                "'late' is not a status; use a comma-separated list of open, overdue, completed, abandoned");
    }

    @Test
    void aUrlTheFirewallRefusesIsA400Problem() {
        HttpJson.Response response = http.get("/api/programmes/" + s.programme + "/actions;jsessionid=1");

        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("detail").asText()).contains("potentially malicious String \";\"");
    }

    @Test
    void anUnknownPathIsAProblemToo() {
        HttpJson.Response response = http.get("/api/nothing-here");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("status").intValue()).isEqualTo(404);
    }

    @ParameterizedTest
    @CsvSource({
            "/api/programmes/{p}/dashboard?asOf=-999999999-01-01,                  asOf",
            "/api/programmes/{p}/actions?asOf=%2B999999999-12-31,                  asOf",
            "/api/programmes/{p}/roi?asOf=-4713-01-01,                             asOf",
            "/api/programmes/{p}/sets?recordedBy=-1000000000-01-01T00:00:00Z,       recordedBy",
            "/api/programmes/{p}/dashboard?recordedBy=-4714-11-23T00:00:00Z,        recordedBy",
            "/api/programmes/{p}/changes?from=-1000000000-01-01T00:00:00Z,          from",
            "/programmes/{p}/roi.pdf?asOf=%2B999999999-12-31,                      asOf",
            "/programmes/{p}/roi/costs.csv?recordedBy=%2B1000000000-01-01T00:00:00Z, recordedBy",
            // the pages also take a date-time input's value (no zone) or a date
            "/programmes/{p}?recordedBy=%2B999999999-12-31T00:00,                  recordedBy",
            "/programmes/{p}?recordedBy=%2B999999999-12-31,                        recordedBy",
            "/programmes/{p}?since=-999999999-01-01T00:00,                         since",
            "/programmes/{p}/explain?figure=committed&recordedBy=%2B999999999-12-31, recordedBy"})
    void timeParametersOutsideTheReadModelsYearsAre400NamingThem(String path, String field) {
        JsonNode problem = problem(path.replace("{p}", s.programme.toString()), 400, "Invalid parameter");

        assertThat(problem.get("errors").get(0).path("field").asText()).isEqualTo(field);
    }

    private JsonNode problem(String path, int status, String title) {
        HttpJson.Response response = http.get(path);
        assertThat(response.status()).as("status of GET %s: %s", path, response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode body = response.body();
        assertInt(body, "status", status);
        assertText(body, "title", title);
        assertThat(body.get("detail").asText()).isNotBlank();
        return body;
    }

    private static void assertFieldError(JsonNode problem, String field, String message) {
        JsonNode errors = problem.get("errors");
        assertThat(errors).hasSize(1);
        assertText(errors.get(0), "field", field);
        assertText(errors.get(0), "message", message);
        assertText(problem, "detail", field + ": " + message);
    }
}
