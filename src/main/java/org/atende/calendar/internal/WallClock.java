package org.atende.calendar.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The one place where local wall time and instants meet. A local time in a spring-forward gap
 * moves forward by the gap's length; an ambiguous one takes the earlier offset
 * ({@link ZonedDateTime#ofLocal} with no preferred offset).
 */
public record WallClock(ZoneId zone) {

    public long instant(LocalDate date, long secondOfDay) {
        LocalDateTime local = date.atStartOfDay().plusSeconds(secondOfDay);
        return ZonedDateTime.ofLocal(local, zone, null).toEpochSecond();
    }

    public long instant(LocalDate date, LocalTime time) {
        return ZonedDateTime.ofLocal(LocalDateTime.of(date, time), zone, null).toEpochSecond();
    }

    public LocalDateTime local(long epochSecond) {
        return LocalDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), zone);
    }
}
