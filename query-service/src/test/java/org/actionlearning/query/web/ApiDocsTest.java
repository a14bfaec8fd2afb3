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
        assertThat(actions.get("parameters").findValuesAsText("name"))
                .containsExactly("programmeId", "status", "asOf", "recordedBy");
        assertThat(fieldNames(actions.get("responses"))).contains("200", "400", "404");
        assertThat(actions.get("responses").get("200").findValuesAsText("$ref"))
                .contains("#/components/schemas/ActionView");
        assertThat(fieldNames(docs.get("components").get("schemas"))).contains("ProgrammeDashboard", "SetFairness",
                "ActionView", "MetricDetail", "ProgrammeRoi", "ProgrammeSummary");
    }

    @Test
    void theDocumentIsTheContractSwaggerUiCanSignInWith() {
        JsonNode docs = getOk("/v3/api-docs");

        assertThat(docs.at("/info/title").asText()).isEqualTo("Action Learning Sets: query API");
        assertThat(docs.at("/components/securitySchemes/bearerToken/scheme").asText()).isEqualTo("bearer");
        assertThat(docs.at("/components/securitySchemes/bearerToken/bearerFormat").asText()).isEqualTo("JWT");
        assertThat(docs.get("security").findValues("bearerToken")).as("bearer tokens are a security requirement")
                .isNotEmpty();
        assertThat(fieldNames(docs.at("/components/schemas/Problem/properties")))
                .contains("status", "title", "detail", "errors");
        JsonNode fairness = docs.at("/paths/~1api~1sets~1{setId}~1fairness/get/responses");
        assertThat(fieldNames(fairness)).contains("200", "400", "401", "403");
        assertThat(fairness.at("/401/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
    }
}
