package org.atende.outage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

/**
 * The answer while the database is unreachable: {@code 503} with {@code Retry-After}; a problem document of
 * type {@code …/problems/service-unavailable} for the API, webhooks and anything that does not ask for HTML,
 * a "temporarily unavailable" page in the browser's language (es, pt, else en) for people. Nothing in it
 * needs the database: not the session, not the user's language setting.
 */
@Component
public class UnavailableAnswer {

    static final String TYPE = "https://atende.example/problems/service-unavailable";

    private final DatabaseAvailability availability;
    private final ITemplateEngine pages;
    private final AcceptHeaderLocaleResolver languages = new AcceptHeaderLocaleResolver();
    private final JsonMapper json = JsonMapper.builder().build();

    UnavailableAnswer(DatabaseAvailability availability, ITemplateEngine pages) {
        this.availability = availability;
        this.pages = pages;
        languages.setSupportedLocales(List.of(Locale.ENGLISH, Locale.of("es"), Locale.of("pt")));
        languages.setDefaultLocale(Locale.ENGLISH);
    }

    /**
     * Renders the page once at start: the first rendering readies the template engine, which can take a second
     * or two; an outage is not the time for it (and a broken template shows at start, not in an outage).
     */
    @EventListener(ApplicationReadyEvent.class)
    void prepare() {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.of("es"), Locale.of("pt"))) {
            pages.process("unavailable", new Context(locale, Map.of("retryAfter", 5L)));
        }
    }

    /** Writes the 503 on a response that has not been committed yet (whatever it held is discarded). */
    public void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long seconds = Math.max(1, availability.retryAfter().toSeconds());
        response.resetBuffer();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (wantsPage(request)) {
            Locale locale = languages.resolveLocale(request);
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage());
            response.getWriter().write(pages.process("unavailable", new Context(locale, Map.of("retryAfter", seconds))));
        } else {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(json.writeValueAsString(problem(request, seconds)));
        }
        response.flushBuffer();
    }

    /** The problem document (also what the API's error handling answers). */
    public Map<String, Object> problem(HttpServletRequest request, long seconds) {
        return Map.of("type", TYPE, "title", "Service unavailable", "status", 503,
                "detail", "The desk cannot reach its database just now; nothing was changed. Try again in " + seconds
                        + " seconds.",
                "instance", request.getRequestURI(), "retryAfterSeconds", seconds);
    }

    /** A browser asking for a page: not the API, not a webhook, and HTML accepted. */
    static boolean wantsPage(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/api/") && !path.startsWith("/webhooks/") && !path.startsWith("/actuator")
                && java.util.Collections.list(request.getHeaders(HttpHeaders.ACCEPT)).stream().anyMatch(a -> a.contains("text/html"));
    }
}
