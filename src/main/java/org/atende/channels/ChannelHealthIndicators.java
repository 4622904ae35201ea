package org.atende.channels;

import java.util.function.Supplier;

import org.atende.outage.DatabaseAvailability;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /actuator/health}'s {@code email}, {@code mailbox} and {@code whatsapp}: UP while the channel works,
 * UNKNOWN ("not configured") when it is not set up, and DEGRADED with the cause while it fails.
 * <p>
 * Why DEGRADED and not DOWN or OUT_OF_SERVICE: a load balancer reads the aggregate status (and its HTTP
 * code, 503 for DOWN and OUT_OF_SERVICE). An SMTP relay or WhatsApp being down is the same for every
 * instance, so a DOWN here would take every instance out of the pool at once, and the desk, its portal and
 * its API with them, while they work fine without mail (messages wait HELD in the outbox). DEGRADED is
 * ordered after UP ({@code management.endpoint.health.status.order}) and answered with 200 (it has no HTTP mapping), so the
 * aggregate stays UP while monitoring still sees the channel's own state and cause. UNKNOWN comes last in
 * the order too: a desk without WhatsApp is healthy.
 */
@Configuration(proxyBeanMethods = false)
class ChannelHealthIndicators {

    /** A channel that is configured but failing; see the class comment for why it is not DOWN. */
    static final Status DEGRADED = new Status("DEGRADED", "the channel is configured but failing");

    @Bean
    HealthIndicator emailHealthIndicator(ChannelStates states, DatabaseAvailability database) {
        return () -> health(states::email, database);
    }

    @Bean
    HealthIndicator mailboxHealthIndicator(ChannelStates states, DatabaseAvailability database) {
        return () -> health(states::mailbox, database);
    }

    @Bean
    HealthIndicator whatsappHealthIndicator(ChannelStates states, DatabaseAvailability database) {
        return () -> health(states::whatsapp, database);
    }

    /** Without a database the channels' shared state cannot be read: UNKNOWN at once, the {@code db} says DOWN. */
    private static Health health(Supplier<ChannelStates.ChannelState> read, DatabaseAvailability database) {
        if (database.isDown()) {
            return Health.unknown().withDetail("state", "database unavailable").build();
        }
        ChannelStates.ChannelState s = read.get();
        Health.Builder health = switch (s.condition()) {
            case WORKING -> Health.up();
            case NOT_CONFIGURED -> Health.unknown().withDetail("state", "not configured");
            case FAILING -> Health.status(DEGRADED).withDetail("state", "failing");
        };
        if (s.cause() != null) {
            health.withDetail("cause", s.cause());
        }
        if (s.since() != null) {
            health.withDetail("failingSince", s.since().toString());
        }
        if (s.name() != ChannelStates.Name.MAILBOX) {
            health.withDetail("held", s.held());
        }
        return health.build();
    }
}
