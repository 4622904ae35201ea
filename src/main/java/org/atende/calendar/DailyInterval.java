package org.atende.calendar;

import java.util.regex.Pattern;

/**
 * An opening interval in local wall time, {@code [start, end)}, as seconds of the day.
 * {@code end} may be 86400 ({@code 24:00}); {@code start < end} always holds.
 */
public record DailyInterval(int startSecond, int endSecond) implements Comparable<DailyInterval> {

    static final int DAY = 86_400;
    private static final Pattern FORM = Pattern.compile("(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");

    public DailyInterval {
        if (startSecond < 0 || startSecond >= DAY || endSecond <= 0 || endSecond > DAY) {
            throw new InvalidCalendarException("interval " + format(startSecond, endSecond)
                    + " lies outside the day (00:00 to 24:00)");
        }
        if (startSecond >= endSecond) {
            throw new InvalidCalendarException("interval '" + format(startSecond, endSecond)
                    + "' must start before it ends (write a shift across midnight as two intervals)");
        }
    }

    /** Parses {@code HH:MM-HH:MM}, with {@code 24:00} allowed as an end. */
    public static DailyInterval parse(String text) {
        var m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new InvalidCalendarException("malformed interval '" + text + "': expected HH:MM-HH:MM, e.g. 09:00-21:00");
        }
        int start = clock(text, m.group(1), m.group(2), false);
        int end = clock(text, m.group(3), m.group(4), true);
        return new DailyInterval(start, end);
    }

    private static int clock(String text, String hh, String mm, boolean end) {
        int h = Integer.parseInt(hh), min = Integer.parseInt(mm);
        boolean midnightEnd = end && h == 24 && min == 0;
        if (!midnightEnd && (h > 23 || min > 59)) {
            throw new InvalidCalendarException("malformed interval '" + text + "': " + hh + ":" + mm + " is not a time of day");
        }
        return h * 3600 + min * 60;
    }

    public boolean overlaps(DailyInterval other) {
        return startSecond < other.endSecond && other.startSecond < endSecond;
    }

    @Override
    public int compareTo(DailyInterval o) {
        return Integer.compare(startSecond, o.startSecond);
    }

    @Override
    public String toString() {
        return format(startSecond, endSecond);
    }

    private static String format(int start, int end) {
        return hhmm(start) + "-" + hhmm(end);
    }

    private static String hhmm(int seconds) {
        int s = seconds % 60;
        String base = String.format("%02d:%02d", seconds / 3600, (seconds % 3600) / 60);
        return s == 0 ? base : base + String.format(":%02d", s);
    }
}
