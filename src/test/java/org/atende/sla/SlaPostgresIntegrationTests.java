package org.atende.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.atende.customers.OrganisationId;
import org.atende.support.PostgresSchema;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Clocks and the sweep on the real PostgreSQL 15, in a schema of this class's own: rows and times
 * survive the round trip, and sweepers running at once mark every clock exactly once.
 */
@DirtiesContext
class SlaPostgresIntegrationTests extends SlaIntegrationSupport {

    @RegisterExtension
    static final PostgresSchema schema = PostgresSchema.createFor(SlaPostgresIntegrationTests.class);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        schema.registerDataSource(registry);
        registry.add("atende.sla.sweep-batch-size", () -> "10");
    }

    static final int TICKETS = 250; // two clocks each: 500 clocks

    @Autowired
    SlaClocks clocks;

    @Autowired
    SlaSweep sweep;

    static Instant at(String utc) {
        return Instant.parse(utc);
    }

    @Test
    void keepsClocksPausesAndMarksAcrossTheRoundTrip() {
        TicketId ticket = desk.open(Priority.URGENT, "2026-11-26T10:00:00Z");
        clock.set("2026-11-26T11:00:00Z");
        desk.status(ticket, TicketStatus.OPEN, TicketStatus.WAITING_ON_CUSTOMER, "2026-11-26T11:00:00Z");
        clock.set("2026-11-26T12:30:00Z");
        desk.status(ticket, TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.OPEN, "2026-11-26T12:30:00Z");
        clock.set("2026-11-26T14:00:01Z");
        assertThat(sweep.runOnce().breached()).isEqualTo(1);
        clock.set("2026-11-26T15:00:00Z");
        desk.reply(ticket, "2026-11-26T15:00:00Z");

        TicketClocks read = clocks.clocksOf(List.of(ticket), clock.instant()).get(ticket);
        assertThat(read.firstResponse().state()).isEqualTo(ClockState.BREACHED);
        assertThat(read.firstResponse().elapsedSeconds()).isEqualTo(5 * 3600);
        assertThat(read.resolution().state()).isEqualTo(ClockState.RUNNING);
        assertThat(read.resolution().elapsedSeconds()).isEqualTo(5 * 3600 - 5400);
        // 24 h from Thursday 10:00 with 1 h 30 min paused: Monday 11:30
        assertThat(read.resolution().dueAt()).isEqualTo(at("2026-11-30T11:30:00Z"));
        assertThat(desk.column(ticket, ClockKind.FIRST_RESPONSE, "started_at")).isEqualTo("2026-11-26T10:00:00Z");
        assertThat(desk.column(ticket, ClockKind.FIRST_RESPONSE, "stopped_at")).isEqualTo("2026-11-26T15:00:00Z");
        assertThat(desk.column(ticket, ClockKind.FIRST_RESPONSE, "breached_at")).isEqualTo("2026-11-26T14:00:00Z");
        assertThat(desk.column(ticket, ClockKind.FIRST_RESPONSE, "breach_noticed_at")).isEqualTo("2026-11-26T14:00:01Z");
        assertThat(desk.column(ticket, ClockKind.RESOLUTION, "due_at")).isEqualTo("2026-11-30T11:30:00Z");
        assertThat(jdbc.sql("SELECT paused_from, paused_to, reason FROM sla_clock_pause WHERE ticket_id = ?").param(ticket.value())
                .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant() + " "
                        + rs.getObject(2, java.time.OffsetDateTime.class).toInstant() + " " + rs.getString(3))
                .list()).containsExactly("2026-11-26T11:00:00Z 2026-11-26T12:30:00Z WAITING_ON_CUSTOMER");
        assertThat(desk.nextDue(ticket)).isEqualTo(at("2026-11-30T11:30:00Z"));
        assertThat(desk.timeline(ticket)).extracting(Desk.Entry::kind)
                .containsExactly("SLA_PAUSED", "SLA_RESUMED", "SLA_BREACHED");
    }

    @Test
    void excludesClocksWhileTechnicalServiceAndRestartsThemFromTheReceipt() {
        TicketId ticket = desk.open(Priority.URGENT, "2026-11-26T10:00:00Z");
        clock.set("2026-11-26T11:00:00Z");
        desk.status(ticket, TicketStatus.OPEN, TicketStatus.WAITING_ON_CUSTOMER, "2026-11-26T11:00:00Z");
        desk.status(ticket, TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.OPEN, "2026-11-26T11:30:00Z");
        clock.set("2026-11-26T12:00:00Z");
        desk.reclassify(ticket, Priority.URGENT, TicketType.TECHNICAL_SERVICE, "2026-11-26T12:00:00Z");

        clock.set("2026-11-27T18:00:00Z"); // long past the first response's four hours
        assertThat(sweep.runOnce()).isEqualTo(new SlaSweep.Result(0, 0));
        assertThat(desk.column(ticket, ClockKind.FIRST_RESPONSE, "excluded_since")).isEqualTo("2026-11-26T12:00:00Z");
        assertThat(desk.nextDue(ticket)).isNull();
        assertThat(clocks.excludedSince(ticket)).contains(at("2026-11-26T12:00:00Z"));
        TicketClocks excluded = clocks.clocksOf(List.of(ticket), clock.instant()).get(ticket);
        assertThat(excluded.firstResponse().elapsedSeconds()).isEqualTo(2 * 3600);
        assertThat(excluded.firstResponse().dueAt()).isNull();
        desk.status(ticket, TicketStatus.OPEN, TicketStatus.WAITING_ON_CUSTOMER, "2026-11-27T18:00:00Z");

        clock.set("2026-11-30T10:00:00Z");
        desk.reclassify(ticket, Priority.HIGH, TicketType.INCIDENT, "2026-11-30T10:00:00Z");

        TicketClocks back = clocks.clocksOf(List.of(ticket), clock.instant()).get(ticket);
        assertThat(back.firstResponse().excludedSince()).isNull();
        assertThat(back.firstResponse().targetSeconds()).isEqualTo(12 * 3600);
        assertThat(back.firstResponse().dueAt()).as("10 h left on Monday 10:00").isEqualTo(at("2026-11-30T20:00:00Z"));
        assertThat(back.resolution().state()).as("still waiting on the customer").isEqualTo(ClockState.PAUSED);
        assertThat(back.resolution().elapsedSeconds()).isEqualTo(5400);
        assertThat(desk.column(ticket, ClockKind.FIRST_RESPONSE, "excluded_since")).isNull();
        assertThat(desk.pauses(ticket, ClockKind.RESOLUTION)).containsExactly(
                "2026-11-26T11:00:00Z 2026-11-26T11:30:00Z WAITING_ON_CUSTOMER",
                "2026-11-26T12:00:00Z 2026-11-30T10:00:00Z TECHNICAL_SERVICE",
                "2026-11-30T10:00:00Z null WAITING_ON_CUSTOMER");
        assertThat(desk.nextDue(ticket)).isEqualTo(at("2026-11-30T20:00:00Z"));
        assertThat(desk.timeline(ticket)).extracting(Desk.Entry::kind)
                .containsExactly("SLA_PAUSED", "SLA_RESUMED", "SLA_EXCLUDED", "SLA_TARGET_CHANGED", "SLA_RESTARTED");
        assertThat(desk.timeline(ticket).getLast().detail()).isEqualTo("SLA clocks restarted from receipt "
                + "2026-11-26T10:00:00Z with 3 pauses: first response due 2026-11-30T20:00:00Z, resolution paused");

        clock.set("2026-11-30T20:00:01Z");
        assertThat(sweep.runOnce().breached()).isEqualTo(1);
    }

    @Test
    void onePassWorksOnBatchesInSeveralLanesAndMarksEveryClockOnce() {
        OrganisationId organisation = desk.customer();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
            ids.add(desk.open(organisation, Priority.URGENT, TicketType.INCIDENT, "2026-11-26T10:00:00Z").value());
        }
        clock.set("2026-12-10T12:00:00Z");
        published.clear();

        assertThat(sweep.runOnce().breached()).isEqualTo(2 * TICKETS);

        assertThat(published.threads).as("the first 10-clock batch on the caller's thread, then two lanes over the rest of 500 clocks")
                .containsExactlyInAnyOrder(Thread.currentThread().getName(), "sla-sweep-lane-1", "sla-sweep-lane-2");
        assertThat(published.breaches.stream().map(e -> e.ticketId() + "/" + e.kind()).distinct()).hasSize(2 * TICKETS);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM timeline_event WHERE kind = 'SLA_BREACHED' AND ticket_id IN (:ids)").param("ids", ids)
                .query(Integer.class).single()).isEqualTo(2 * TICKETS);
        assertThat(sweep.runOnce()).isEqualTo(new SlaSweep.Result(0, 0));
    }

    @Test
    void twoSweepersAtOnceMarkEveryClockExactlyOnce() throws Exception {
        OrganisationId organisation = desk.customer();
        List<TicketId> tickets = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
            tickets.add(desk.open(organisation, Priority.URGENT, TicketType.INCIDENT, "2026-11-26T10:00:00Z"));
        }
        clock.set("2026-12-10T12:00:00Z"); // both clocks of every ticket are past due
        published.clear();

        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService sweepers = Executors.newFixedThreadPool(2);
        List<Future<SlaSweep.Result>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                results.add(sweepers.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return sweep.runOnce();
                }));
            }
            int breached = 0;
            for (Future<SlaSweep.Result> result : results) {
                breached += result.get(2, TimeUnit.MINUTES).breached();
            }
            assertThat(breached).isEqualTo(2 * TICKETS);
        } finally {
            sweepers.shutdownNow();
        }

        List<Long> ids = tickets.stream().map(TicketId::value).toList();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sla_clock WHERE (breached_at IS NULL OR state <> 'BREACHED') AND ticket_id IN (:ids)")
                .param("ids", ids).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM (SELECT ticket_id, field FROM timeline_event WHERE kind = 'SLA_BREACHED' AND ticket_id IN (:ids)
                                      GROUP BY ticket_id, field HAVING COUNT(*) = 1) once""")
                .param("ids", ids).query(Integer.class).single()).isEqualTo(2 * TICKETS);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM timeline_event WHERE kind = 'SLA_BREACHED' AND ticket_id IN (:ids)").param("ids", ids)
                .query(Integer.class).single()).isEqualTo(2 * TICKETS);
        assertThat(published.breaches).hasSize(2 * TICKETS);
        assertThat(published.breaches.stream().map(e -> e.ticketId() + "/" + e.kind()).distinct()).hasSize(2 * TICKETS);
        assertThat(published.warnings).isEmpty();
        assertThat(sweep.runOnce()).isEqualTo(new SlaSweep.Result(0, 0));
        assertThat(clocks.clocksOf(tickets, clock.instant()).values())
                .allSatisfy(c -> assertThat(c.resolution().breached()).isTrue());
    }

    @Test
    void theSweepsClaimsCanUseTheirIndexes() {
        String plan = transactions(tx -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            return String.join("\n", jdbc.sql("""
                    EXPLAIN SELECT ticket_id, kind FROM sla_clock
                    WHERE state = 'RUNNING' AND excluded_since IS NULL AND breached_at IS NULL AND due_at < TIMESTAMP WITH TIME ZONE '2026-12-01 00:00:00+00'
                    ORDER BY due_at LIMIT 200 FOR UPDATE SKIP LOCKED""").query(String.class).list())
                    + "\n" + String.join("\n", jdbc.sql("""
                    EXPLAIN SELECT ticket_id, kind FROM sla_clock
                    WHERE state = 'RUNNING' AND excluded_since IS NULL AND warned_at IS NULL AND warn_at <= TIMESTAMP WITH TIME ZONE '2026-12-01 00:00:00+00'
                      AND due_at >= TIMESTAMP WITH TIME ZONE '2026-12-01 00:00:00+00'
                    ORDER BY warn_at LIMIT 200 FOR UPDATE SKIP LOCKED""").query(String.class).list());
        });

        assertThat(plan).contains("sla_clock_to_breach").contains("sla_clock_to_warn");
    }

    <T> T transactions(org.springframework.transaction.support.TransactionCallback<T> work) {
        return new org.springframework.transaction.support.TransactionTemplate(transactions).execute(work);
    }
}
