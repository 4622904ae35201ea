package org.atende.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI document at {@code /v3/api-docs} (UI at {@code /swagger-ui/index.html}): every operation takes a bearer token. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearer";

    @Bean
    OpenAPI atendeOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Atende API").version("v1")
                        .description("The service desk's REST API. Send `Authorization: Bearer <token>`; an admin issues "
                                + "tokens with POST /api/v1/users/{id}/tokens. Errors are RFC 9457 problem details whose "
                                + "`type` is https://atende.example/problems/<slug>."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("opaque (atd_…)")
                        .description("An API token issued by an admin; shown once at creation.")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
