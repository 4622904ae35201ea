package org.atende.reporting;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Business times (whole seconds) of one group, for its median and 90th percentile, interpolated as
 * SQL's {@code percentile_cont} does. While it holds only the times themselves the percentiles are
 * exact; once a stored histogram is merged in they are read from the histogram, within 1 % of the exact
 * figure.
 * <p>
 * The histogram has logarithmic buckets: bucket {@code i >= 1} holds the times in
 * {@code [GAMMA^(i-1), GAMMA^i)} (bucket 0 holds zero), and is read as the point whose relative distance
 * to both ends is {@code (GAMMA - 1) / (GAMMA + 1)}, under 1 % for {@code GAMMA = 1.02}; a bucket that
 * holds a single whole second (times under about a minute) is read exactly. Each order statistic is thus
 * within 1 %, and so is any interpolation between two of them. Buckets add and subtract exactly, so
 * months, organisations and groups merge without further loss.
 */
final class Times {

    static final double GAMMA = 1.02;
    private static final double LN_GAMMA = Math.log(GAMMA);
    /** Bucket 2,047 starts past 10^17 seconds: every business time fits. */
    private static final int BUCKETS = 2048;

    /** Made at the first time counted: most groups' paused times, and many a report's groups, stay empty. */
    private long @Nullable [] buckets;
    private final List<Long> exact = new ArrayList<>();
    private boolean isExact = true;
    private long count;

    void add(long seconds) {
        buckets()[bucket(seconds)]++;
        if (isExact) {
            exact.add(seconds);
        }
        count++;
    }

    /** Takes one time out (a ticket whose stored figure is replaced by its live one). */
    void remove(long seconds) {
        int b = bucket(seconds);
        if (buckets == null || buckets[b] == 0) {
            throw new IllegalStateException("no time " + seconds + " to take out");
        }
        buckets[b]--;
        if (isExact) {
            exact.remove(Long.valueOf(seconds));
        }
        count--;
    }

    /** Merges a stored histogram (see {@link #encode}), or takes one out ({@code sign} -1): from then on the percentiles are approximate. */
    void addEncoded(String encoded, int sign) {
        if (encoded.isEmpty()) {
            return;
        }
        isExact = false;
        exact.clear();
        long[] buckets = buckets();
        int bucket = 0;
        int i = 0;
        int length = encoded.length();
        while (i < length) {
            int step = 0;
            char c;
            while (i < length && (c = encoded.charAt(i)) >= '0' && c <= '9') {
                step = step * 10 + (c - '0');
                i++;
            }
            long n = 1;
            if (i < length && encoded.charAt(i) == '*') {
                i++;
                n = 0;
                while (i < length && (c = encoded.charAt(i)) >= '0' && c <= '9') {
                    n = n * 10 + (c - '0');
                    i++;
                }
            }
            i++; // the comma
            bucket += step;
            buckets[bucket] += sign * n;
            count += sign * n;
        }
    }

    void addEncoded(String encoded) {
        addEncoded(encoded, 1);
    }

    /** Adds another group's times: exactly while both hold their times, else bucket by bucket. */
    void addAll(Times other) {
        addAll(other, 1);
    }

    /** Adds ({@code sign} 1) or takes out ({@code sign} -1) another group's times. */
    void addAll(Times other, int sign) {
        if (other.buckets != null) {
            long[] buckets = buckets();
            for (int b = 0; b < BUCKETS; b++) {
                buckets[b] += sign * other.buckets[b];
            }
        }
        count += sign * other.count;
        if (sign > 0 && isExact && other.isExact) {
            exact.addAll(other.exact);
        } else {
            isExact = false;
            exact.clear();
        }
    }

    boolean exact() {
        return isExact;
    }

    long count() {
        return count;
    }

    /** The {@code p} percentile ({@code 0 <= p <= 1}), interpolated between ranks; null when there is no time. */
    @Nullable Double percentile(double p) {
        if (count == 0) {
            return null;
        }
        if (isExact) {
            exact.sort(null);
        }
        double rank = p * (count - 1);
        long lo = (long) Math.floor(rank);
        long hi = (long) Math.ceil(rank);
        double low = at(lo);
        double high = hi == lo ? low : at(hi);
        return low + (rank - lo) * (high - low);
    }

    /** The histogram as stored: ascending buckets, each the step from the previous one, {@code *n} when it holds n > 1. */
    String encode() {
        if (buckets == null) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        int previous = 0;
        for (int b = 0; b < BUCKETS; b++) {
            if (buckets[b] == 0) {
                continue;
            }
            if (!s.isEmpty()) {
                s.append(',');
            }
            s.append(b - previous);
            if (buckets[b] != 1) {
                s.append('*').append(buckets[b]);
            }
            previous = b;
        }
        return s.toString();
    }

    private double at(long rank) {
        if (isExact) {
            return exact.get((int) rank);
        }
        long seen = 0;
        long[] buckets = buckets();
        for (int b = 0; b < BUCKETS; b++) {
            seen += buckets[b];
            if (rank < seen) {
                return value(b);
            }
        }
        throw new IllegalStateException("rank " + rank + " past " + count);
    }

    private long[] buckets() {
        if (buckets == null) {
            buckets = new long[BUCKETS];
        }
        return buckets;
    }

    static int bucket(long seconds) {
        return seconds <= 0 ? 0 : Math.min(BUCKETS - 1, 1 + (int) Math.floor(Math.log(seconds) / LN_GAMMA));
    }

    /** What a bucket is read as: its one whole second when it holds one, else the point within 1 % of both ends. */
    static double value(int bucket) {
        if (bucket == 0) {
            return 0;
        }
        double low = Math.exp((bucket - 1) * LN_GAMMA);
        double high = low * GAMMA;
        long first = (long) Math.ceil(low - 1e-9);
        if (first + 1 >= high && bucket(first) == bucket) {
            return first;
        }
        return 2 * low * high / (low + high);
    }
}
