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
    void servesTheUi() {
        Answer answer = api.exchange("GET", "/swagger-ui/index.html", null, BodyPublishers.noBody(), null,
                "Accept", "text/html");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("swagger-ui");
    }
}
