package org.atende.web;

import java.time.YearMonth;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI document at {@code /v3/api-docs} (UI at {@code /swagger-ui/index.html}): every operation
 * takes a bearer token and may answer the problems every operation can answer.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearer";
    private static final String PROBLEM = "Problem";

    private static final Map<String, String> COMMON_PROBLEMS = Map.of(
            "400", "validation (errors lists every bad field), malformed-request or limit-exceeded",
            "401", "unauthorized: no bearer token, or an unknown, revoked or expired one",
            "403", "forbidden: the role does not allow it",
            "404", "not-found: no such resource, or one the caller may not see",
            "503", "service-unavailable: the database cannot be reached just now; Retry-After says when to try again");

    /** A calendar month as the API reads and writes it. */
    static final String MONTH_PATTERN = "^[0-9]{4}-(0[1-9]|1[0-2])$";

    static {
        // months are text such as 2026-11, not the object springdoc would otherwise describe for YearMonth
        SpringDocUtils.getConfig().replaceWithSchema(YearMonth.class, month());
        // a handler's @RequestHeader HttpHeaders (content negotiation by hand) is no parameter of the API
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(HttpHeaders.class);
    }

    private static Schema<?> month() {
        return new StringSchema().pattern(MONTH_PATTERN).example("2026-11").description("a month, YYYY-MM");
    }

    @Bean
    OpenAPI atendeOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Atende API").version("v1")
                        .description("The service desk's REST API. Send `Authorization: Bearer <token>`; an admin issues "
                                + "tokens with POST /api/v1/users/{id}/tokens. Errors are RFC 9457 problem details whose "
                                + "`type` is " + ProblemTypes.BASE + "<slug>."))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("opaque (atd_…)")
                                .description("An API token issued by an admin; shown once at creation."))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * Parameters named {@code month} are months even where a handler takes them as text (a path ending in
     * {@code .csv}, say): the document says {@code YYYY-MM}. Any parameter still called {@code headers} is the
     * whole header map, which no client sends as such.
     */
    @Bean
    OpenApiCustomizer exactParameters() {
        return openApi -> openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getParameters() == null) {
                return;
            }
            operation.getParameters().removeIf(p -> "headers".equals(p.getName()) && "header".equals(p.getIn()));
            operation.getParameters().stream().filter(p -> "month".equals(p.getName())).forEach(p -> p.setSchema(month()));
        }));
    }

    @Bean
    OpenApiCustomizer commonProblems() {
        return openApi -> {
            // the generated components replace the bean's: the schema every problem response refers to goes back in
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            commonProblems(openApi);
        };
    }

    private static void commonProblems(OpenAPI openApi) {
        openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
                COMMON_PROBLEMS.forEach((status, description) -> {
                    if (operation.getResponses() != null && !operation.getResponses().containsKey(status)) {
                        operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                                .content(new Content().addMediaType("application/problem+json",
                                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
                    }
                })));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example(ProblemTypes.BASE + "validation"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(new ObjectSchema()
                        .addProperty("field", new StringSchema()).addProperty("message", new StringSchema())))
                .addProperty("limit", new StringSchema().description("limit-exceeded: the setting, e.g. atende.limits.tags-per-ticket"))
                .addProperty("allowed", new IntegerSchema()).addProperty("actual", new IntegerSchema())
                .addProperty("retryAfterSeconds", new IntegerSchema().description("service-unavailable: as Retry-After"));
    }
}
