package org.atende.calendar.internal;

import java.util.Arrays;

/**
 * The openings of one window {@code [from, to)}: sorted, disjoint, non-empty instant ranges
 * {@code [starts[i], ends[i])}, with {@code through[i]} the business seconds from {@code from}
 * to {@code ends[i]}. An opening that crosses a window edge is cut there; both pieces touch.
 */
final class WindowOpenings {

    final long from;
    final long to;
    private final long[] starts;
    private final long[] ends;
    private final long[] through;

    WindowOpenings(long from, long to, long[] starts, long[] ends) {
        this.from = from;
        this.to = to;
        this.starts = starts;
        this.ends = ends;
        this.through = new long[starts.length];
        long sum = 0;
        for (int i = 0; i < starts.length; i++) {
            sum += ends[i] - starts[i];
            through[i] = sum;
        }
    }

    int count() {
        return starts.length;
    }

    long start(int i) {
        return starts[i];
    }

    long end(int i) {
        return ends[i];
    }

    long total() {
        return starts.length == 0 ? 0 : through[starts.length - 1];
    }

    /** Business seconds in {@code [from, x)}, for {@code from <= x <= to}. */
    long before(long x) {
        int i = lastStartAtOrBefore(x);
        if (i < 0) {
            return 0;
        }
        return x < ends[i] ? through[i] - (ends[i] - x) : through[i];
    }

    /** The latest instant {@code u} with {@code before(u) == target}, for {@code 0 <= target < total()}. */
    long latestAt(long target) {
        int j = Arrays.binarySearch(through, target);
        j = j >= 0 ? j + 1 : -j - 1; // the first opening whose running total exceeds target
        return ends[j] - (through[j] - target);
    }

    boolean isOpen(long t) {
        int i = lastStartAtOrBefore(t);
        return i >= 0 && t < ends[i];
    }

    /** Index of the first opening starting after {@code t}, or -1. */
    int firstStartAfter(long t) {
        int i = lastStartAtOrBefore(t) + 1;
        return i < starts.length ? i : -1;
    }

    /** Index of the last opening ending at or before {@code t}, or -1. */
    int lastEndAtOrBefore(long t) {
        int r = Arrays.binarySearch(ends, t);
        return r >= 0 ? r : -r - 2;
    }

    private int lastStartAtOrBefore(long x) {
        int r = Arrays.binarySearch(starts, x);
        return r >= 0 ? r : -r - 2;
    }

    /** These openings less the given sorted, disjoint breaks. */
    WindowOpenings without(long[] breakFrom, long[] breakTo) {
        long[] s = new long[starts.length + breakFrom.length];
        long[] e = new long[s.length];
        int n = 0;
        int b = 0;
        for (int i = 0; i < starts.length; i++) {
            long cursor = starts[i];
            while (b < breakFrom.length && breakTo[b] <= cursor) {
                b++;
            }
            int k = b;
            while (cursor < ends[i] && k < breakFrom.length && breakFrom[k] < ends[i]) {
                if (breakFrom[k] > cursor) {
                    s[n] = cursor;
                    e[n++] = breakFrom[k];
                }
                cursor = Math.max(cursor, breakTo[k]);
                k++;
            }
            if (cursor < ends[i]) {
                s[n] = cursor;
                e[n++] = ends[i];
            }
        }
        return new WindowOpenings(from, to, Arrays.copyOf(s, n), Arrays.copyOf(e, n));
    }
}
