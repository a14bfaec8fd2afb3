package org.actionlearning.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.actionlearning.query.support.QueryServiceTest;
import org.actionlearning.testsupport.HttpJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The time parameters of a read are read one way everywhere: {@code from} and {@code to} of "what changed" take the
 * forms {@code recordedBy} takes (Spring bound them as strict ISO instants), and a time parameter given twice is a
 * 400 naming it (the first value was taken, silently), as problem+json on the API and as an error page on pages.
 */
class TimeParameterFormsTest extends QueryServiceTest {

    private ProgrammeScenario s;

    @BeforeEach
    void programme() {
        s = ProgrammeScenario.insert(db);
    }

    /** A date is its start (UTC); a date-time without zone, or as the pages print it, is UTC. */
    @ParameterizedTest
    @CsvSource({
            "from=2026-03-20&to=2026-04-01,                                 2026-03-20T00:00:00Z, 2026-04-01T00:00:00Z",
            "from=2026-03-20T09:30&to=2026-04-01T10:00:00,                  2026-03-20T09:30:00Z, 2026-04-01T10:00:00Z",
            "from=2026-03-20 09:30:00 UTC&to=2026-04-01T12:00:00%2B02:00,   2026-03-20T09:30:00Z, 2026-04-01T10:00:00Z"})
    void fromAndToTakeTheFormsRecordedByTakes(String query, String from, String to) {
        JsonNode changes = getOk("/api/programmes/" + s.programme + "/changes?" + query.replace(" ", "%20"));

        assertText(changes, "from", from);
        assertText(changes, "to", to);
    }

    @ParameterizedTest
    @CsvSource({
            "from=yesterday,                              from",
            "from=2026-03-20&to=31/03/2026,               to",
            "from=2026-03-20&to=2201-01-01,               to",
            "from=0001-01-01T00:00,                       from",
            "from=,                                       from"})
    void aBadFromOrToIsA400NamingIt(String query, String field) {
        HttpJson.Response response = http.get("/api/programmes/" + s.programme + "/changes?" + query);

        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("errors").get(0).path("field").asText()).isEqualTo(field);
    }

    @ParameterizedTest
    @CsvSource({
            "/api/programmes/{p}/dashboard?asOf=2026-01-01&asOf=2025-01-01,                        asOf",
            "/api/programmes/{p}/dashboard?recordedBy=2026-01-01&recordedBy=2026-01-01,            recordedBy",
            "/api/programmes/{p}/explain?figure=open&asOf=2026-03-01&asOf=2026-03-02,              asOf",
            "/api/programmes/{p}/changes?from=2026-03-01&from=2026-02-01,                          from",
            "/api/programmes/{p}/changes?from=2026-03-01&to=2026-04-01&to=2026-03-15,              to",
            "/programmes/{p}/roi/costs.csv?recordedBy=2026-03-01&recordedBy=2026-02-01,            recordedBy"})
    void aRepeatedTimeParameterIsA400ProblemNamingIt(String path, String field) {
        HttpJson.Response response = http.get(path.replace("{p}", s.programme.toString()));

        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("errors").get(0).path("field").asText()).isEqualTo(field);
        assertThat(response.body().get("errors").get(0).path("message").asText()).contains("more than once");
    }

    @ParameterizedTest
    @CsvSource({
            "/programmes/{p}?asOf=2026-01-01&asOf=2025-01-01,                          asOf",
            "/programmes/{p}?recordedBy=2026-03-01&recordedBy=2026-03-01T10:00,        recordedBy",
            "/programmes/{p}/explain?figure=open&asOf=2026-03-01&asOf=2026-03-02,      asOf",
            "/programmes/{p}/roi?recordedBy=2026-03-01&recordedBy=2026-02-01,          recordedBy",
            "/programmes/{p}?since=2026-03-01&since=2026-02-01,                        since"})
    void aRepeatedTimeParameterIsA400PageNamingIt(String path, String field) {
        String url = path.replace("{p}", s.programme.toString());
        HttpJson.Response response = http.send("GET", url, null, Map.of("Accept", "text/html"));

        assertThat(response.status()).as("status of GET %s: %s", url, response.raw()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.raw()).contains("is not a valid " + field + ": it is given more than once");
    }
}
