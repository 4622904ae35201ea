package org.atende.operations.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.atende.operations.MetricsProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * {@code /actuator/prometheus} is read by a scraper, not a person: no session, no sign-in page. It answers
 * to {@code Authorization: Bearer <atende.metrics.token>} (compared in constant time), else 401 with
 * {@code WWW-Authenticate: Bearer}; without a token set it answers 401 to everyone, unless
 * {@code atende.metrics.open=true} says a network rule guards it instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class MetricsSecurity {

    static final String ENDPOINT = "/actuator/prometheus";

    @Bean
    @Order(-1)
    SecurityFilterChain metricsScrapeChain(HttpSecurity http, MetricsProperties properties) throws Exception {
        AuthorizationManager<RequestAuthorizationContext> scraper = (authentication, context) ->
                new AuthorizationDecision(properties.open() || presents(context.getRequest().getHeader(HttpHeaders.AUTHORIZATION),
                        properties.token()));
        return http.securityMatcher(ENDPOINT, ENDPOINT + "/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().access(scraper))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> {
                    errors.authenticationEntryPoint((request, response, e) -> refuse(response));
                    errors.accessDeniedHandler((request, response, e) -> refuse(response));
                })
                .build();
    }

    private static void refuse(jakarta.servlet.http.HttpServletResponse response) {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"metrics\"");
        response.setStatus(401);
    }

    /** True when the header is {@code Bearer <token>} for a token that is set. */
    static boolean presents(@Nullable String header, String token) {
        if (token.isEmpty() || header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8));
    }
}
