package org.atende.routing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Takes up routings that failed (or whose instance stopped halfway) again: every {@code atende.routing.retry-interval},
 * the routing listener's publications still incomplete after {@code atende.routing.retry-after} are resubmitted. Two
 * instances resubmitting the same one at once route the ticket once: the assignment is conditional.
 */
@Component
@ConditionalOnBooleanProperty(name = "atende.routing.retry-enabled", matchIfMissing = true)
public class RoutingRetries {

    private final IncompleteEventPublications incomplete;
    private final Duration after;
    private final Clock clock;

    RoutingRetries(IncompleteEventPublications incomplete, @Value("${atende.routing.retry-after:PT1M}") Duration after, Clock clock) {
        this.incomplete = incomplete;
        this.after = after;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${atende.routing.retry-interval:PT1M}", initialDelayString = "${atende.routing.retry-interval:PT1M}")
    void scheduled() {
        resubmit(after);
    }

    /** Resubmits the routing publications incomplete for at least {@code age}. */
    public void resubmit(Duration age) {
        Instant before = clock.instant().minus(age);
        incomplete.resubmitIncompletePublications(p -> isRouting(p) && !p.getPublicationDate().isAfter(before));
    }

    static boolean isRouting(EventPublication p) {
        return p instanceof TargetEventPublication t && t.getTargetIdentifier().getValue().startsWith(RoutingListener.class.getName());
    }
}
