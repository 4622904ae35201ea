package org.atende.operations.internal;

import java.io.IOException;
import java.util.Locale;

import org.springframework.web.filter.OncePerRequestFilter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How long the desk takes to acknowledge a messaging platform's webhook call ({@code POST /webhooks/{channel}}):
 * from the request's arrival to its answer, as the platform waits for it. Platforms retry slow answers,
 * so this is the figure to watch. Meter {@code atende.webhook.acknowledgement} (Prometheus
 * {@code atende_webhook_acknowledgement_seconds}), tagged {@code channel} and {@code outcome} (the
 * status class: {@code 2xx}, {@code 4xx}, {@code 5xx}), with histogram buckets for quantiles.
 */
final class WebhookAcknowledgements extends OncePerRequestFilter {

    private static final String PREFIX = "/webhooks/";

    private final MeterRegistry registry;

    WebhookAcknowledgements(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith(PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            timer(channel(request.getRequestURI()), response.getStatus() / 100 + "xx")
                    .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private Timer timer(String channel, String outcome) {
        return Timer.builder("atende.webhook.acknowledgement")
                .description("Time from a webhook call's arrival to its answer")
                .tag("channel", channel).tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry);
    }

    /** The first path segment after {@code /webhooks/}; anything unexpected is "other", so that tags stay few. */
    static String channel(String uri) {
        String rest = uri.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        String name = (slash < 0 ? rest : rest.substring(0, slash)).toLowerCase(Locale.ROOT);
        return name.matches("[a-z]{1,20}") ? name : "other";
    }
}
