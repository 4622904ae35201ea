package org.atende.calendar.internal;

/**
 * The walks over windows of openings that answer every operation. Positions are epoch seconds.
 * Each operation costs two binary searches plus one step per window it crosses (about 24 days),
 * so a 2,000-hour target walks a dozen windows, never hours or days.
 */
final class Timeline {

    private final Openings openings;

    Timeline(Openings openings) {
        this.openings = openings;
    }

    boolean isOpen(long t) {
        return window(Range.window(t)).isOpen(t);
    }

    long nextOpen(long t) {
        long k = Range.window(t);
        WindowOpenings w = window(k);
        if (w.isOpen(t)) {
            return t;
        }
        int i = w.firstStartAfter(t);
        while (i < 0) {
            w = window(++k);
            i = w.count() > 0 ? 0 : -1;
        }
        return w.start(i);
    }

    /** The end of the last opening at or before {@code t}; meaningful for a closed {@code t}. */
    long lastClose(long t) {
        long k = Range.window(t);
        WindowOpenings w = window(k);
        int i = w.lastEndAtOrBefore(t);
        while (i < 0) {
            w = window(--k);
            i = w.count() - 1;
        }
        return w.end(i);
    }

    long elapsed(long a, long b) {
        if (b <= a) {
            return 0;
        }
        long ka = Range.window(a);
        long kb = Range.window(b);
        if (ka == kb) {
            WindowOpenings w = window(ka);
            return w.before(b) - w.before(a);
        }
        WindowOpenings first = window(ka);
        long sum = first.total() - first.before(a);
        for (long k = ka + 1; k < kb; k++) {
            sum += window(k).total();
        }
        return sum + window(kb).before(b);
    }

    /** The latest {@code u >= t} with {@code elapsed(t, u) == d}. */
    long add(long t, long d) {
        long k = Range.window(t);
        WindowOpenings w = window(k);
        long target = w.before(t) + d;
        while (target >= w.total()) {
            target -= w.total();
            w = window(++k);
        }
        return w.latestAt(target);
    }

    /**
     * The latest {@code u <= t'} with {@code elapsed(u, t') == d}, where {@code t'} is {@code t}
     * when open, else the end of the last opening before it.
     */
    long subtract(long t, long d) {
        long end = isOpen(t) ? t : lastClose(t);
        if (d == 0) {
            return end;
        }
        long k = Range.window(end);
        WindowOpenings w = window(k);
        long target = w.before(end) - d;
        while (target < 0) {
            w = window(--k);
            target += w.total();
        }
        return w.latestAt(target);
    }

    private WindowOpenings window(long k) {
        if (k < Range.FIRST_WINDOW || k > Range.LAST_WINDOW) {
            throw Range.beyond("the result");
        }
        return openings.window(k);
    }
}
