package org.actionlearning.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.actionlearning.query.support.QueryServiceTest;
import org.junit.jupiter.api.Test;

class ApiDocsTest extends QueryServiceTest {

    @Test
    void theOpenApiDocumentDescribesEveryQuery() {
        JsonNode docs = getOk("/v3/api-docs");

        JsonNode paths = docs.get("paths");
        assertThat(fieldNames(paths)).contains("/api/programmes", "/api/programmes/{programmeId}/dashboard",
                "/api/programmes/{programmeId}/actions", "/api/programmes/{programmeId}/roi",
                "/api/sets/{setId}/fairness", "/api/outcomes/{metricId}");
        JsonNode actions = paths.get("/api/programmes/{programmeId}/actions").get("get");
        assertThat(actions.get("tags").get(0).asText()).isEqualTo("Programmes");
        assertThat(actions.get("parameters").findValuesAsText("name")).containsExactly("programmeId", "status", "asOf");
        assertThat(fieldNames(actions.get("responses"))).contains("200", "400", "404");
        assertThat(actions.get("responses").get("200").findValuesAsText("$ref"))
                .contains("#/components/schemas/ActionView");
        assertThat(fieldNames(docs.get("components").get("schemas"))).contains("ProgrammeDashboard", "SetFairness",
                "ActionView", "MetricDetail", "ProgrammeRoi", "ProgrammeSummary");
    }
}
