package org.atende.identity.internal;

import org.atende.identity.Identity;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Two ways in. {@code /api/**}: stateless, an {@code Authorization: Bearer <token>} on every request,
 * resolved by {@link Identity#authenticate} into an {@link org.atende.identity.Actor} principal with
 * authority {@code ROLE_<role>}; failures answer problem details (401 with {@code WWW-Authenticate: Bearer},
 * 403); no CSRF, since no cookie authenticates. Everything else (the pages to come): form login, HTTP
 * sessions kept in the database by Spring Session JDBC, CSRF on; health, info and the OpenAPI document
 * are public. Controllers check roles themselves, after hiding what the caller may not see.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, Identity identity,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) throws Exception {
        ProblemResponses responses = new ProblemResponses(problems);
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(responses).accessDeniedHandler(responses))
                .addFilterBefore(new BearerTokenFilter(identity, responses), AnonymousAuthenticationFilter.class)
                .build();
    }

    /**
     * Webhooks of messaging platforms: no session, no CSRF token, no user; each webhook proves its
     * caller itself (WhatsApp: an HMAC of the raw body with the app secret) before it reads anything.
     */
    @Bean
    @Order(0)
    SecurityFilterChain webhookSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher("/webhooks/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator", "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole("ADMIN")
                        .requestMatchers("/actuator/**").permitAll() // no endpoint there: answers 404
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/error", "/login").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .logout(Customizer.withDefaults())
                .build();
    }
}
