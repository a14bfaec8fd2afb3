package org.actionlearning.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.actionlearning.query.support.QueryServiceTest;
import org.actionlearning.testsupport.HttpJson;
import org.junit.jupiter.api.Test;

/** The query service refuses a body over the limit (1 MB by default) with 413 before it is parsed. */
class RequestBodyLimitTest extends QueryServiceTest {

    @Test
    void aBodyOverTheLimitIsA413NamingTheBody() {
        String body = "\"" + "x".repeat(1024 * 1024 - 1) + "\"";

        HttpJson.Response response = http.post("/api/admin/rebuild", body, Map.of());

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.body().path("errors").get(0).path("field").asText()).isEqualTo("body");
        assertThat(response.body().path("detail").asText()).isEqualTo("body: larger than the limit of 1048576 bytes");
    }
}
