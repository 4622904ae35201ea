package org.atende.calendar.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.atende.calendar.DailyInterval;

/**
 * Openings from the week, overrides and holidays, built once per window on first use and shared
 * by every calendar derived from the same definition (a clock's pauses only add breaks on top).
 */
final class PlannedOpenings implements Openings {

    private final DayPlan plan;
    private final WallClock clock;
    private final AtomicReferenceArray<WindowOpenings> windows =
            new AtomicReferenceArray<>((int) (Range.LAST_WINDOW - Range.FIRST_WINDOW + 1));

    PlannedOpenings(DayPlan plan, WallClock clock) {
        this.plan = plan;
        this.clock = clock;
    }

    @Override
    public WindowOpenings window(long k) {
        int slot = (int) (k - Range.FIRST_WINDOW);
        WindowOpenings w = windows.get(slot);
        if (w == null) {
            w = build(k);
            windows.compareAndSet(slot, null, w);
        }
        return w;
    }

    private WindowOpenings build(long k) {
        long from = k * Range.WINDOW;
        long to = from + Range.WINDOW;
        // a date's intervals end at most a day after it starts: one date of margin each side
        LocalDate first = clock.local(from).toLocalDate().minusDays(1);
        LocalDate last = clock.local(to - 1).toLocalDate().plusDays(1);
        List<long[]> ranges = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            for (DailyInterval interval : plan.intervalsOn(d)) {
                long s = Math.max(from, clock.instant(d, interval.startSecond()));
                long e = Math.min(to, clock.instant(d, interval.endSecond()));
                if (s < e) { // empty when cut by the window, or swallowed by a DST gap
                    ranges.add(new long[] {s, e});
                }
            }
        }
        ranges.sort(Comparator.comparingLong(r -> r[0]));
        long[] starts = new long[ranges.size()];
        long[] ends = new long[ranges.size()];
        int n = 0;
        for (long[] r : ranges) {
            if (n > 0 && r[0] <= ends[n - 1]) { // touching or overlapping: one opening
                ends[n - 1] = Math.max(ends[n - 1], r[1]);
            } else {
                starts[n] = r[0];
                ends[n++] = r[1];
            }
        }
        return new WindowOpenings(from, to, Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
    }
}
