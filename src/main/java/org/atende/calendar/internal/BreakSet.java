package org.atende.calendar.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.atende.calendar.Break;

/** Breaks sorted, with overlapping and touching ones joined, as epoch seconds. */
record BreakSet(long[] from, long[] to) {

    static BreakSet of(Collection<Break> breaks) {
        List<Break> sorted = new ArrayList<>(breaks);
        sorted.sort(Comparator.comparing(Break::from));
        long[] from = new long[sorted.size()];
        long[] to = new long[sorted.size()];
        int n = 0;
        for (Break b : sorted) {
            long f = b.from().getEpochSecond();
            long t = b.to().getEpochSecond(); // both ends truncated to the second, like every input
            if (t <= f) {
                continue;
            }
            if (n > 0 && f <= to[n - 1]) {
                to[n - 1] = Math.max(to[n - 1], t);
            } else {
                from[n] = f;
                to[n++] = t;
            }
        }
        return new BreakSet(Arrays.copyOf(from, n), Arrays.copyOf(to, n));
    }

    boolean isEmpty() {
        return from.length == 0;
    }
}
