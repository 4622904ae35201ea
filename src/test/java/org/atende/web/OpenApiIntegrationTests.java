package org.atende.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;

import org.atende.support.Api.Answer;
import org.atende.support.ApiIntegrationSupport;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The OpenAPI document and its UI are served to anyone, and say how to authenticate. */
class OpenApiIntegrationTests extends ApiIntegrationSupport {

    @Test
    void servesTheDocumentOfTheApiWithTheBearerScheme() {
        Answer answer = api.get("/v3/api-docs", null);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode document = answer.json();
        assertThat(document.path("openapi").asString()).startsWith("3.");
        assertThat(document.path("paths").propertyNames()).contains("/api/v1/organisations", "/api/v1/organisations/{id}",
                "/api/v1/contacts/{id}", "/api/v1/plans", "/api/v1/users", "/api/v1/users/{id}/tokens",
                "/api/v1/tokens/{id}", "/api/v1/teams", "/api/v1/me");
        JsonNode bearer = document.path("components").path("securitySchemes").path("bearer");
        assertThat(bearer.path("type").asString()).isEqualTo("http");
        assertThat(bearer.path("scheme").asString()).isEqualTo("bearer");
        assertThat(document.path("security").get(0).has("bearer")).isTrue();
        assertThat(document.path("paths").path("/api/v1/organisations").path("post").path("responses").propertyNames())
                .contains("201", "400", "401", "403");
    }

    @Test
    void describesEveryParameterExactly() {
        JsonNode document = api.get("/v3/api-docs", null).json();
        java.util.List<String> headers = new java.util.ArrayList<>();
        java.util.List<String> months = new java.util.ArrayList<>();
        java.util.List<String> ids = new java.util.ArrayList<>();
        java.util.List<String> undocumented = new java.util.ArrayList<>();
        for (var path : document.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                String where = operation.getKey().toUpperCase() + " " + path.getKey();
                for (JsonNode p : operation.getValue().path("parameters")) {
                    String name = p.path("name").asString();
                    JsonNode schema = p.path("schema");
                    if (name.equals("headers")) {
                        headers.add(where);
                    }
                    if ((name.equals("month") || schema.path("description").asString().contains("YYYY-MM"))
                            && !schema.path("pattern").asString().equals("^[0-9]{4}-(0[1-9]|1[0-2])$")) {
                        months.add(where + " " + name);
                    }
                    if ((name.equals("id") || name.endsWith("Id")) && !schema.path("type").asString().equals("integer")) {
                        ids.add(where + " " + name);
                    }
                }
                for (String status : new String[] {"400", "401", "403", "404", "503"}) {
                    if (!operation.getValue().path("responses").has(status)) {
                        undocumented.add(where + " " + status);
                    }
                }
            }
        }

        assertThat(headers).as("no phantom headers parameter").isEmpty();
        assertThat(months).as("months are YYYY-MM").isEmpty();
        assertThat(ids).as("ids are integers").isEmpty();
        assertThat(undocumented).as("problem responses documented").isEmpty();
        JsonNode from = java.util.stream.StreamSupport.stream(document.path("paths").path("/api/v1/reports/compliance")
                .path("get").path("parameters").spliterator(), false).filter(p -> p.path("name").asString().equals("from"))
                .findFirst().orElseThrow();
        assertThat(from.path("schema").path("example").asString()).isEqualTo("2026-11");
        assertThat(document.path("components").path("schemas").path("Problem").path("properties").has("limit"))
                .as(document.path("components").path("schemas").path("Problem").toString()).isTrue();
    }

    @Test
    void servesTheUi() {
        Answer answer = api.exchange("GET", "/swagger-ui/index.html", null, BodyPublishers.noBody(), null,
                "Accept", "text/html");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("swagger-ui");
    }
}
