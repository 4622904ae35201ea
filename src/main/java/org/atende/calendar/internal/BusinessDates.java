package org.atende.calendar.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Business dates (local dates with some business time) indexed per month, so that stepping over
 * {@code n} of them costs one binary search plus one step per month.
 */
final class BusinessDates {

    private static final int FIRST_MONTH = 1900 * 12;
    private static final int LAST_MONTH = 2199 * 12 + 11;

    private final Timeline timeline;
    private final WallClock clock;
    private final Map<Integer, long[]> months = new ConcurrentHashMap<>();

    BusinessDates(Timeline timeline, WallClock clock) {
        this.timeline = timeline;
        this.clock = clock;
    }

    /**
     * Steps forward over {@code n} business dates after the date of {@code t}, keeping its time of
     * day. With {@code n = 0} that is {@code t} itself, even in a repeated (fall-back) hour.
     */
    long addDays(long t, int n) {
        if (n == 0) {
            return timeline.nextOpen(t);
        }
        LocalDateTime local = clock.local(t);
        LocalDate date = forward(local.toLocalDate(), n);
        return timeline.nextOpen(clock.instant(date, local.toLocalTime()));
    }

    /** Steps back over {@code n} business dates before the date of {@code t}, keeping its time of day. */
    long subtractDays(long t, int n) {
        long u = t;
        if (n > 0) {
            LocalDateTime local = clock.local(t);
            u = clock.instant(backward(local.toLocalDate(), n), local.toLocalTime());
        }
        return timeline.isOpen(u) ? u : timeline.lastClose(u);
    }

    /** The {@code n}-th business date after {@code date}, {@code n >= 1}. */
    private LocalDate forward(LocalDate date, int n) {
        int month = monthOf(date);
        long[] dates = month(month);
        int i = firstAfter(dates, date.toEpochDay());
        while (n > dates.length - i) {
            n -= dates.length - i;
            dates = month(++month);
            i = 0;
        }
        return LocalDate.ofEpochDay(dates[i + n - 1]);
    }

    /** The {@code n}-th business date before {@code date}, {@code n >= 1}. */
    private LocalDate backward(LocalDate date, int n) {
        int month = monthOf(date);
        long[] dates = month(month);
        int i = firstAfter(dates, date.toEpochDay() - 1) - 1; // the last business date before `date`
        while (n > i + 1) {
            n -= i + 1;
            dates = month(--month);
            i = dates.length - 1;
        }
        return LocalDate.ofEpochDay(dates[i - n + 1]);
    }

    private static int monthOf(LocalDate date) {
        return date.getYear() * 12 + date.getMonthValue() - 1;
    }

    private static int firstAfter(long[] dates, long epochDay) {
        int r = Arrays.binarySearch(dates, epochDay);
        return r >= 0 ? r + 1 : -r - 1;
    }

    private long[] month(int month) {
        if (month < FIRST_MONTH || month > LAST_MONTH) {
            throw Range.beyond("the business date");
        }
        return months.computeIfAbsent(month, this::scan);
    }

    private long[] scan(int month) {
        LocalDate day = LocalDate.of(month / 12, month % 12 + 1, 1);
        long[] found = new long[31];
        int n = 0;
        long start = clock.instant(day, 0);
        for (; day.getMonthValue() == month % 12 + 1; day = day.plusDays(1)) {
            long next = clock.instant(day.plusDays(1), 0);
            if (timeline.elapsed(Math.max(start, Range.MIN), Math.min(next, Range.MAX - 1)) > 0) {
                found[n++] = day.toEpochDay();
            }
            start = next;
        }
        return Arrays.copyOf(found, n);
    }
}
