package org.actionlearning.service.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The OpenAPI document both services publish: a real title, how to sign in (so Swagger UI can authorise), and
 * the problem+json answers every operation can give, so that the document alone is the HTTP contract.
 */
@AutoConfiguration
@ConditionalOnClass({OpenAPI.class, OpenApiCustomizer.class})
@EnableConfigurationProperties(ApiDocumentationProperties.class)
public class ApiDocumentationAutoConfiguration {

    static final String BEARER = "bearerToken";
    static final String BASIC = "basic";
    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    /** Answers any signed-in operation can give, and what each means. */
    private static final Map<String, String> COMMON_ANSWERS = Map.of(
            "400", "Malformed input; `errors` names each field and the rule it broke",
            "401", "Not signed in, or a token that is forged, expired or has no expiry",
            "403", "Signed in, but no grant of yours covers this request; `detail` says which would");

    @Bean
    OpenAPI alsOpenApi(ApiDocumentationProperties properties) {
        return new OpenAPI()
                .info(new Info().title(properties.title()).description(properties.description())
                        .version(properties.version()))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("A token from POST /api/auth/token on the command service, or from "
                                        + "the configured OpenID Connect provider"))
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("Username and password, for scripts")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    /** Adds the common problem answers to every API operation that does not declare its own. */
    @Bean
    OpenApiCustomizer alsProblemAnswers() {
        return openApi -> {
            // springdoc replaces the schemas of the bean's components with the ones it generates, so add it here
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/")) {
                    item.readOperations().forEach(ApiDocumentationAutoConfiguration::addProblemAnswers);
                }
            });
        };
    }

    private static void addProblemAnswers(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        COMMON_ANSWERS.forEach((status, meaning) -> {
            ApiResponse existing = operation.getResponses().get(status);
            if (existing == null) {
                operation.getResponses().addApiResponse(status, problemAnswer(meaning));
            } else if (existing.getContent() == null || existing.getContent().isEmpty()) {
                existing.setContent(problemContent());
            }
        });
    }

    private static ApiResponse problemAnswer(String meaning) {
        return new ApiResponse().description(meaning).content(problemContent());
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    private static Schema<?> problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema().example("dueOn"));
        fieldError.addProperty("message", new StringSchema().example("must be a date (yyyy-MM-dd)"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details");
        problem.addProperty("type", new StringSchema().example("about:blank"));
        problem.addProperty("title", new StringSchema().example("Invalid request"));
        problem.addProperty("status", new IntegerSchema().example(400));
        problem.addProperty("detail", new StringSchema().example("dueOn: must be a date (yyyy-MM-dd)"));
        problem.addProperty("instance", new StringSchema().example("/api/actions/0b6f.../reschedule"));
        problem.addProperty("errors", new ArraySchema().items(fieldError));
        return problem;
    }
}
