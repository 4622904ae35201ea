package org.atende.identity.internal;

import org.atende.identity.Identity;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Two ways in. {@code /api/**}: stateless, an {@code Authorization: Bearer <token>} on every request,
 * resolved by {@link Identity#authenticate} into an {@link org.atende.identity.Actor} principal with
 * authority {@code ROLE_<role>}; failures answer problem details (401 with {@code WWW-Authenticate: Bearer},
 * 403); no CSRF, since no cookie authenticates. Everything else (the pages to come): form login, HTTP
 * sessions kept in the database by Spring Session JDBC, CSRF on; health, info and the OpenAPI document
 * are public. Pages: the sign-in page is {@code /login}; {@code /desk} is for staff, {@code /admin} and
 * {@code /reports} for leads and administrators, {@code /portal} for customers; each request sees a fresh
 * {@link org.atende.identity.Actor} ({@link SignedInActors}); sign-in posts are throttled per address
 * ({@link SignInThrottle}) and accounts lock after repeated failures ({@link SignInAttempts}). Controllers
 * check roles themselves too, after hiding what the caller may not see.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    /**
     * No observation around each security filter, authentication and authorisation: nothing here traces them, and the
     * requests themselves are measured as {@code http.server.requests}; the wrapping was the largest single item of a
     * request's CPU profile outside the desk's own code (see BENCHMARKS.md).
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

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

    /**
     * Paths anyone may open: sign-in, invitations, password resets and satisfaction ratings (their links carry the proof), the
     * public help centre, and static files.
     */
    static final String[] PUBLIC_PAGES = {"/login", "/login/**", "/invitations/**", "/password-reset", "/password-reset/**",
        "/help", "/help/**", "/satisfaction/**", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/favicon.svg"};

    /**
     * Scripts and styles only from this origin (htmx and every page script are files here, none inline);
     * no framing, no plugins, forms post only here.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http, Identity identity, SignInProperties signIn, RecentActors recent) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator", "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole("ADMIN")
                        .requestMatchers("/actuator/**").permitAll() // no endpoint there: answers 404
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(PUBLIC_PAGES).permitAll()
                        .requestMatchers("/admin/**", "/reports/**").hasAnyRole("LEAD", "ADMIN")
                        .requestMatchers("/desk", "/desk/**").hasAnyRole("AGENT", "LEAD", "ADMIN")
                        .requestMatchers("/portal", "/portal/**").hasRole("CUSTOMER")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error"))
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .addFilterBefore(new SignInThrottle(signIn.attemptsPerMinute()), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new SignedInActors(identity, recent), AuthorizationFilter.class)
                .build();
    }
}
