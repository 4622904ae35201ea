import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the closed-loop clients of one load run measured (shared by {@link TicketLoad} and {@link PortalLoad}, found
 * by the source launcher in this directory): each client's latencies, the failures and why; prints the run's line.
 */
final class LoadSummary {

    private final List<long[]> clients = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong failures = new AtomicLong();
    private final Map<String, AtomicLong> why = new ConcurrentSkipListMap<>();

    /** A client's latency slots, in nanoseconds; the client keeps its count in the last slot. */
    long[] client() {
        long[] mine = new long[2_000_000];
        clients.add(mine);
        return mine;
    }

    void failed(String reason) {
        failures.incrementAndGet();
        why.computeIfAbsent(reason, k -> new AtomicLong()).incrementAndGet();
    }

    /** Prints the run's line ({@code noun} names what was counted), and the failures' reasons on standard error. */
    void print(String noun, int clientCount, double seconds) {
        long total = clients.stream().mapToLong(l -> l[l.length - 1]).sum();
        long[] all = new long[(int) total];
        int i = 0;
        for (long[] l : clients) {
            int n = (int) l[l.length - 1];
            System.arraycopy(l, 0, all, i, n);
            i += n;
        }
        Arrays.sort(all);
        System.out.printf("clients=%d %s=%d failures=%d seconds=%.1f throughput=%.1f/s p50=%.2fms p99=%.2fms%n",
                clientCount, noun, total, failures.get(), seconds, total / seconds, pct(all, 50), pct(all, 99));
        if (!why.isEmpty()) {
            System.err.println("failures: " + why);
        }
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, idx)] / 1e6;
    }
}
