package org.atende.operations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code atende.metrics.*}.
 *
 * @param token what a scraper sends as {@code Authorization: Bearer <token>} to read
 *        {@code /actuator/prometheus} ({@code ATENDE_METRICS_TOKEN}); unset, the endpoint answers 401 to
 *        everyone unless {@code open}
 * @param open no token needed ({@code ATENDE_METRICS_OPEN}): only where a network rule keeps the endpoint
 *        from anyone but the monitoring system
 * @param refreshInterval how long the gauges read from the database are kept before they are read again
 *        ({@code ATENDE_METRICS_REFRESHINTERVAL}, default 30 s)
 */
@ConfigurationProperties("atende.metrics")
public record MetricsProperties(String token, @DefaultValue("false") boolean open,
        @DefaultValue("PT30S") Duration refreshInterval) {

    public MetricsProperties {
        token = token == null ? "" : token.strip();
        if (refreshInterval.isNegative()) {
            throw new IllegalArgumentException("atende.metrics.refresh-interval must not be negative: " + refreshInterval);
        }
    }
}
