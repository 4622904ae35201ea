package org.atende.techservice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Runs the expiry sweep every {@code atende.techservice.expiry-interval} (default five minutes) after the
 * previous pass ends. Every instance may run it: the database decides which quotes each one expires. Off
 * with {@code atende.techservice.expiry-enabled=false}.
 */
@Component
@ConditionalOnBooleanProperty(name = "atende.techservice.expiry-enabled", matchIfMissing = true)
class QuoteExpirySchedule {

    private static final Logger log = LoggerFactory.getLogger(QuoteExpirySchedule.class);

    private final QuoteExpiry expiry;
    private final Timer duration;

    QuoteExpirySchedule(QuoteExpiry expiry, MeterRegistry registry) {
        this.expiry = expiry;
        this.duration = Timer.builder("atende.sweep.duration").description("One pass of a sweep").tag("sweep", "quote-expiry")
                .register(registry);
    }

    /** The interval is read by its name here ({@code @Scheduled} takes no bean); its default is {@link TechServiceProperties}'s. */
    @Scheduled(fixedDelayString = "${atende.techservice.expiry-interval:PT5M}")
    void sweep() {
        int expired = java.util.Objects.requireNonNull(duration.record(() -> expiry.runOnce()));
        if (expired > 0) {
            log.info("Quote expiry sweep: {} quote(s) expired", expired);
        }
    }
}
