package org.atende.calendar.internal;

import java.time.Instant;

import org.atende.calendar.BusinessTimeRangeException;

/**
 * The instants the engine answers for: 1900-01-01 to 2200-01-01 (UTC). Time is cut into fixed
 * windows of {@link #WINDOW} seconds (about 24 days) so that openings can be precomputed and
 * summed once per window, and long durations walk windows instead of days.
 */
public final class Range {

    public static final long WINDOW = 1L << 21;
    public static final long MIN = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
    public static final long MAX = Instant.parse("2200-01-01T00:00:00Z").getEpochSecond();
    static final long FIRST_WINDOW = Math.floorDiv(MIN, WINDOW);
    static final long LAST_WINDOW = Math.floorDiv(MAX - 1, WINDOW);

    private Range() {
    }

    public static long check(Instant instant) {
        long s = instant.getEpochSecond();
        if (s < MIN || s >= MAX) {
            throw new BusinessTimeRangeException("instant " + instant + " is outside the supported range "
                    + Instant.ofEpochSecond(MIN) + " to " + Instant.ofEpochSecond(MAX));
        }
        return s;
    }

    static long window(long epochSecond) {
        return Math.floorDiv(epochSecond, WINDOW);
    }

    static BusinessTimeRangeException beyond(String what) {
        return new BusinessTimeRangeException(what + " falls outside the supported range "
                + Instant.ofEpochSecond(MIN) + " to " + Instant.ofEpochSecond(MAX));
    }
}
