package org.atende.notifications;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code atende.digest.*}: the leads' daily digest.
 *
 * @param time the Lisbon time of day from which the day's digest goes ({@code ATENDE_DIGEST_TIME}, default
 *        08:00); never from 01:00 to 02:00, the hour that is skipped or repeated when the clocks change
 * @param checkInterval how often an instance looks whether the day's digest is due (default 5 minutes)
 * @param scheduleEnabled whether this instance looks at all; every instance may, one sends the day's digests
 */
@ConfigurationProperties("atende.digest")
public record DigestProperties(@DefaultValue("08:00") LocalTime time, @DefaultValue("PT5M") Duration checkInterval,
        @DefaultValue("true") boolean scheduleEnabled) {

    public DigestProperties {
        if (!time.isBefore(LocalTime.of(1, 0)) && time.isBefore(LocalTime.of(2, 0))) {
            throw new IllegalArgumentException("atende.digest.time must not be from 01:00 to 02:00 (Lisbon's clock change): " + time);
        }
        if (checkInterval.isNegative() || checkInterval.isZero()) {
            throw new IllegalArgumentException("atende.digest.check-interval must be positive: " + checkInterval);
        }
    }
}
