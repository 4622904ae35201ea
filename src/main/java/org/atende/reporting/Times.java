package org.atende.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    private final TreeMap<Integer, Long> buckets = new TreeMap<>();
    private final List<Long> exact = new ArrayList<>();
    private boolean isExact = true;
    private long count;

    void add(long seconds) {
        buckets.merge(bucket(seconds), 1L, Long::sum);
        if (isExact) {
            exact.add(seconds);
        }
        count++;
    }

    /** Takes one time out (a ticket whose stored figure is replaced by its live one). */
    void remove(long seconds) {
        int b = bucket(seconds);
        Long n = buckets.get(b);
        if (n == null) {
            throw new IllegalStateException("no time " + seconds + " to take out");
        }
        if (n == 1) {
            buckets.remove(b);
        } else {
            buckets.put(b, n - 1);
        }
        if (isExact) {
            exact.remove(Long.valueOf(seconds));
        }
        count--;
    }

    /** Merges a stored histogram (see {@link #encode}): from then on the percentiles are approximate. */
    void addEncoded(String encoded) {
        if (encoded.isEmpty()) {
            return;
        }
        isExact = false;
        exact.clear();
        int bucket = 0;
        for (String entry : encoded.split(",")) {
            int star = entry.indexOf('*');
            bucket += Integer.parseInt(star < 0 ? entry : entry.substring(0, star));
            long n = star < 0 ? 1 : Long.parseLong(entry.substring(star + 1));
            buckets.merge(bucket, n, Long::sum);
            count += n;
        }
    }

    /** Adds another group's times: exactly while both hold their times, else bucket by bucket. */
    void addAll(Times other) {
        other.buckets.forEach((b, n) -> buckets.merge(b, n, Long::sum));
        count += other.count;
        if (isExact && other.isExact) {
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
        double rank = p * (count - 1);
        long lo = (long) Math.floor(rank);
        long hi = (long) Math.ceil(rank);
        double low = at(lo);
        double high = hi == lo ? low : at(hi);
        return low + (rank - lo) * (high - low);
    }

    /** The histogram as stored: ascending buckets, each the step from the previous one, {@code *n} when it holds n > 1. */
    String encode() {
        StringBuilder s = new StringBuilder();
        int previous = 0;
        for (Map.Entry<Integer, Long> e : buckets.entrySet()) {
            if (!s.isEmpty()) {
                s.append(',');
            }
            s.append(e.getKey() - previous);
            if (e.getValue() != 1) {
                s.append('*').append(e.getValue());
            }
            previous = e.getKey();
        }
        return s.toString();
    }

    private double at(long rank) {
        if (isExact) {
            List<Long> sorted = new ArrayList<>(exact);
            sorted.sort(null);
            exact.clear();
            exact.addAll(sorted);
            return exact.get((int) rank);
        }
        long seen = 0;
        for (Map.Entry<Integer, Long> e : buckets.entrySet()) {
            seen += e.getValue();
            if (rank < seen) {
                return value(e.getKey());
            }
        }
        throw new IllegalStateException("rank " + rank + " past " + count);
    }

    static int bucket(long seconds) {
        return seconds <= 0 ? 0 : 1 + (int) Math.floor(Math.log(seconds) / LN_GAMMA);
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
