package org.actionlearning.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.actionlearning.query.support.QueryServiceTest;
import org.actionlearning.testsupport.HttpJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pages take instants as dates or a browser's date-time input too, which the API's bounds check did not read:
 * a year far outside the read models' reached PostgreSQL (a 500). They answer a 400 error page naming the parameter.
 */
class PageTimeBoundsTest extends QueryServiceTest {

    @ParameterizedTest
    @CsvSource({
            "/programmes/{p}?recordedBy=-10000-01-01,                   recordedBy",
            "/programmes/{p}?since=-10000-01-01,                        since",
            "/programmes/{p}/explain?figure=open&recordedBy=-10000-01-01, recordedBy",
            "/programmes/{p}?recordedBy=0001-01-01,                     recordedBy",
            "/programmes/{p}?recordedBy=0001-01-01T00:00,               recordedBy",
            "/programmes/{p}?since=2201-01-01,                          since"})
    void aPageInstantOutsideTheBoundsIsA400PageNamingIt(String path, String parameter) {
        ProgrammeScenario s = ProgrammeScenario.insert(db);
        String url = path.replace("{p}", s.programme.toString());

        HttpJson.Response response = http.send("GET", url, null, Map.of("Accept", "text/html"));

        assertThat(response.status()).as("status of GET %s: %s", url, response.raw()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.raw()).contains("is not a valid " + parameter);
    }
}
