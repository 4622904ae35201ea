package org.atende.notifications;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks every {@code atende.digest.check-interval} whether the day's digest is due; the database decides
 * which instance sends it (see {@link DailyDigest}). An instance started after the digest time sends a
 * day's digest that no instance sent.
 */
@Component
@ConditionalOnBooleanProperty(name = "atende.digest.schedule-enabled", matchIfMissing = true)
class DigestSchedule {

    private final DailyDigest digest;
    private final Clock clock;

    DigestSchedule(DailyDigest digest, Clock clock) {
        this.digest = digest;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${atende.digest.check-interval:PT5M}", initialDelayString = "PT1M")
    void check() {
        digest.runIfDue(clock.instant());
    }
}
