package org.atende.support;

import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What one measured run asked of PostgreSQL, from its own statistics views: transactions committed and
 * rows written, read by index and by scan, per table, and the CPU time of the desk's process and of the
 * database's backends. The load runs print them per mail or message, to see where the statements go without a
 * proxy in the way of what is measured.
 */
public final class StatementCount {

    private static final String TABLES = """
            SELECT relname, n_tup_ins + n_tup_upd + n_tup_del AS written, COALESCE(idx_scan, 0) AS idx, seq_scan
            FROM pg_stat_user_tables ORDER BY relname""";

    private record Table(String name, long written, long idx, long seq) {
    }

    private final JdbcClient jdbc;
    private List<Table> before = List.of();
    private long commitsBefore;
    private long deskCpuBefore;
    private long databaseCpuBefore;

    public StatementCount(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void start() {
        snapshotClear();
        before = tables();
        commitsBefore = commits();
        deskCpuBefore = deskCpu();
        databaseCpuBefore = databaseCpu();
    }

    /** CPU per unit of work ({@code what}: "mail", "message") since {@link #start}, read before the statistics wait. */
    public void printCpu(int count, String what) {
        System.out.printf(Locale.ROOT, "CPU per %s: desk %.2f ms, PostgreSQL %.2f ms%n", what, (deskCpu() - deskCpuBefore) / 1e6 / count,
                (databaseCpu() - databaseCpuBefore) / 1e6 / count);
    }

    private static long deskCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The CPU time (ns) of the backends serving this database, from /proc (Linux). */
    private long databaseCpu() {
        long ticks = 0;
        for (Integer pid : jdbc.sql("SELECT pid FROM pg_stat_activity WHERE datname = current_database()").query(Integer.class).list()) {
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid.toString(), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
            } catch (java.io.IOException | RuntimeException e) {
                // a backend that ended in between
            }
        }
        return ticks * 10_000_000L; // 100 ticks a second
    }

    public void print(int count, String what) {
        snapshotClear();
        List<Table> after = tables();
        long commits = commits() - commitsBefore;
        System.out.printf(Locale.ROOT, "per %s: %.2f commits%n", what, commits / (double) count);
        long written = 0;
        long idx = 0;
        long seq = 0;
        for (Table a : after) {
            Table b = before.stream().filter(t -> t.name().equals(a.name())).findFirst().orElse(new Table(a.name(), 0, 0, 0));
            long w = a.written() - b.written();
            long i = a.idx() - b.idx();
            long s = a.seq() - b.seq();
            written += w;
            idx += i;
            seq += s;
            if (w + i + s > 0) {
                System.out.printf(Locale.ROOT, "  %-32s written %6.2f  index reads %6.2f  scans %6.2f%n", a.name(), w / (double) count,
                        i / (double) count, s / (double) count);
            }
        }
        System.out.printf(Locale.ROOT, "  %-32s written %6.2f  index reads %6.2f  scans %6.2f%n", "all tables", written / (double) count,
                idx / (double) count, seq / (double) count);
    }

    private List<Table> tables() {
        return jdbc.sql(TABLES).query((rs, n) -> new Table(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).list();
    }

    private long commits() {
        return jdbc.sql("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()").query(Long.class).single();
    }

    /**
     * The statistics views keep a snapshot per transaction; a fresh one is read after the run's own writes. A backend
     * reports its counts when it goes idle, but at most once a second, and one that is then left idle (a pooled
     * connection) only after 10 s: the wait covers that.
     */
    private void snapshotClear() {
        try {
            Thread.sleep(11_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        jdbc.sql("SELECT pg_stat_force_next_flush()").query().singleRow();
        jdbc.sql("SELECT pg_stat_clear_snapshot()").query().singleRow();
    }
}
