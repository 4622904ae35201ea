package org.atende.calendar.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Planned openings less a set of breaks; windows no break touches are the planned ones, unchanged. */
final class OpeningsWithBreaks implements Openings {

    private final Openings planned;
    private final long[] breakFrom;
    private final long[] breakTo;
    private final Map<Long, WindowOpenings> cut = new ConcurrentHashMap<>();

    /** {@code from} and {@code to} sorted, disjoint and non-touching, as {@link BreakSet} makes them. */
    OpeningsWithBreaks(Openings planned, long[] breakFrom, long[] breakTo) {
        this.planned = planned;
        this.breakFrom = breakFrom;
        this.breakTo = breakTo;
    }

    @Override
    public WindowOpenings window(long k) {
        WindowOpenings base = planned.window(k);
        int first = firstEndingAfter(base.from);
        if (first == breakFrom.length || breakFrom[first] >= base.to) {
            return base;
        }
        return cut.computeIfAbsent(k, key -> base.without(breakFrom, breakTo));
    }

    private int firstEndingAfter(long t) {
        int r = Arrays.binarySearch(breakTo, t);
        return r >= 0 ? r + 1 : -r - 1;
    }
}
