package org.atende.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.atende.tickets.TicketId;
import org.atende.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the whole read model from the tickets, their clocks and timelines: every ticket, those
 * older than the read model included, one ticket a transaction ({@link TicketReadModel}, which orders
 * itself with live changes of the same ticket by the ticket's row lock), then the monthly cells. Running
 * it twice writes the same rows. The desk goes on meanwhile: a ticket changed during the rebuild is
 * written by its change, before or after the rebuild's turn, and either way ends as the desk holds it.
 * <p>
 * A rebuild is a row of {@code report_rebuild}: asked for ({@code REQUESTED}, by an admin's button or by a
 * migration), then claimed by one instance ({@code RUNNING}, with a heartbeat), with the count done for
 * the page's progress bar, until {@code DONE} or {@code FAILED}. One runs at a time; one whose heartbeat
 * stopped for {@value #STALE_MINUTES} minutes (its instance died) may be claimed again.
 * Technical-service quotes are counted from their events and are not part of it.
 */
@Service
public class ReportRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReportRebuild.class);
    private static final int PAGE = 500;
    static final int STALE_MINUTES = 5;

    /** A rebuild as the page and the command show it. */
    public record Progress(long id, String state, String requestedBy, Instant requestedAt, @Nullable Instant startedAt,
            @Nullable Instant finishedAt, long total, long done, @Nullable String failure) {

        public int percent() {
            return total == 0 ? (state.equals("DONE") ? 100 : 0) : (int) Math.min(100, done * 100 / total);
        }

        public boolean running() {
            return state.equals("REQUESTED") || state.equals("RUNNING");
        }
    }

    private final Tickets tickets;
    private final TicketReadModel model;
    private final ReportCells cells;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final boolean atStart;

    ReportRebuild(Tickets tickets, TicketReadModel model, ReportCells cells, JdbcClient jdbc, PlatformTransactionManager transactions,
            Clock clock, @Value("${atende.reports.rebuild-at-start:true}") boolean atStart) {
        this.atStart = atStart;
        this.tickets = tickets;
        this.model = model;
        this.cells = cells;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Asks for a rebuild; empty when one is already asked for or running. */
    public Optional<Progress> request(String by) {
        return transactions.execute(tx -> {
            jdbc.sql("SELECT id FROM report_aggregation WHERE id = 1 FOR UPDATE").query(Integer.class).list(); // one asker at a time
            if (latest().filter(p -> p.running() && !stale(p)).isPresent()) {
                return Optional.<Progress>empty();
            }
            jdbc.sql("INSERT INTO report_rebuild (state, requested_by, requested_at, total, done) VALUES ('REQUESTED', ?, ?, 0, 0)")
                    .params(by, Sql.utc(clock.instant())).update();
            return latest();
        });
    }

    /** The latest rebuild, if any. */
    public Optional<Progress> latest() {
        return jdbc.sql("SELECT * FROM report_rebuild ORDER BY id DESC LIMIT 1")
                .query((rs, n) -> new Progress(rs.getLong("id"), rs.getString("state"), rs.getString("requested_by"),
                        Sql.instant(rs, "requested_at"), Sql.instant(rs, "started_at"), Sql.instant(rs, "finished_at"),
                        rs.getLong("total"), rs.getLong("done"), rs.getString("failure")))
                .optional();
    }

    /** A rebuild asked for by a migration (an upgrade) runs in the background once the desk is up. */
    @EventListener(ApplicationReadyEvent.class)
    void runRequestedAtStart() {
        if (atStart && latest().filter(p -> p.state().equals("REQUESTED")).isPresent()) {
            Thread.ofVirtual().name("report-rebuild").start(() -> runRequested(line -> log.info("Report rebuild: {}", line)));
        }
    }

    /**
     * Claims the rebuild asked for and runs it here, telling {@code progress} how far it got; false when
     * there is none to claim (another instance runs it).
     */
    public boolean runRequested(Consumer<String> progress) {
        Progress claimed = transactions.execute(tx -> {
            Progress p = jdbc.sql("SELECT id FROM report_rebuild WHERE state = 'REQUESTED' OR (state = 'RUNNING' AND heartbeat_at < ?) "
                            + "ORDER BY id DESC LIMIT 1 FOR UPDATE SKIP LOCKED")
                    .param(Sql.utc(clock.instant().minus(Duration.ofMinutes(STALE_MINUTES)))).query(Long.class).optional()
                    .flatMap(id -> latest().filter(l -> l.id() == id)).orElse(null);
            if (p == null) {
                return null;
            }
            jdbc.sql("UPDATE report_rebuild SET state = 'RUNNING', started_at = ?, heartbeat_at = ?, total = ?, done = 0 WHERE id = ?")
                    .params(Sql.utc(clock.instant()), Sql.utc(clock.instant()), tickets.count(), p.id()).update();
            return p;
        });
        if (claimed == null) {
            return false;
        }
        try {
            rebuild(claimed.id(), progress);
        } catch (RuntimeException e) {
            jdbc.sql("UPDATE report_rebuild SET state = 'FAILED', finished_at = ?, failure = ? WHERE id = ?")
                    .params(Sql.utc(clock.instant()), String.valueOf(e.getMessage()).substring(0, Math.min(1000, String.valueOf(e.getMessage()).length())),
                            claimed.id()).update();
            log.error("Report rebuild {} failed", claimed.id(), e);
            throw e;
        }
        return true;
    }

    private void rebuild(long id, Consumer<String> progress) {
        long total = tickets.count();
        long done = 0;
        long after = 0;
        progress.accept("%d tickets to rebuild".formatted(total));
        for (List<TicketId> page = tickets.idsAfter(after, PAGE); !page.isEmpty(); page = tickets.idsAfter(after, PAGE)) {
            for (TicketId ticket : page) {
                transactions.executeWithoutResult(tx -> model.refresh(List.of(ticket)));
                done++;
            }
            after = page.getLast().value();
            total = Math.max(total, done);
            jdbc.sql("UPDATE report_rebuild SET done = ?, total = ?, heartbeat_at = ? WHERE id = ?")
                    .params(done, total, Sql.utc(clock.instant()), id).update();
            progress.accept("%d of %d tickets (%d %%)".formatted(done, total, done * 100 / Math.max(1, total)));
        }
        int pairs = cells.aggregate();
        jdbc.sql("UPDATE report_rebuild SET state = 'DONE', done = ?, total = ?, finished_at = ? WHERE id = ?")
                .params(done, total, Sql.utc(clock.instant()), id).update();
        progress.accept("done: %d tickets, %d monthly cells of organisations recomputed".formatted(done, pairs));
    }

    private boolean stale(Progress p) {
        Instant heartbeat = jdbc.sql("SELECT heartbeat_at FROM report_rebuild WHERE id = ?").param(p.id())
                .query((rs, n) -> Sql.instant(rs, "heartbeat_at")).optional().orElse(null);
        return p.state().equals("RUNNING") && heartbeat != null
                && heartbeat.isBefore(clock.instant().minus(Duration.ofMinutes(STALE_MINUTES)));
    }
}
