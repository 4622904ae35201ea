package org.atende.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.TeamId;
import org.atende.identity.UserId;
import org.atende.support.MovingTime;
import org.atende.support.MutableClock;
import org.atende.techservice.QuoteAccepted;
import org.atende.techservice.QuoteId;
import org.atende.techservice.QuoteSent;
import org.atende.tickets.Channel;
import org.atende.tickets.OpenTicket;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketChanges;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketType;
import org.atende.tickets.Tickets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reports against a hand-computed fixture, on each database by its subclasses. One organisation per
 * test, on a plan whose tickets are High by default (first response 12 business hours, resolution 24),
 * on the support calendar (Lisbon, Monday to Friday 09:00-21:00; in November Lisbon is on UTC). From
 * Thursday 26 November 2026, 10:00, with the clock moved along:
 * <pre>
 * ticket  first response            resolution                         paused   note
 * A       11:00  3,600 s  met       Thu 13:00  10,800 s  met           0
 * B       10:30  1,800 s  met       Thu 14:30   9,000 s  met           7,200    waiting on customer 10:30-12:30
 * C       12:00  7,200 s  met       Thu 16:00  14,400 s  met           7,200    resolved 13:00, reopened 15:00
 * D (mail) Fri 11:00 46,800 s breached (due Fri 10:00)  Fri 12:00 50,400 s met  0  escalated Thu 12:00
 * E       technical service: left out
 * F       opened Fri 09:00, answered 10:00 (3,600 s, met) waiting on the customer since; resolution open
 * </pre>
 * First response: 1,800 3,600 3,600 7,200 46,800: median 3,600, p90 7,200 + 0.6 x 39,600 = 30,960.
 * Resolution: 9,000 10,800 14,400 50,400: median 12,600, p90 14,400 + 0.7 x 36,000 = 39,600.
 */
@SpringBootTest(properties = "atende.sla.sweep-enabled=false")
@Import(MovingTime.class)
abstract class ReportsContract {

    static final MutableClock CLOCK = MovingTime.CLOCK;
    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @Autowired Reports reports;
    @Autowired Tickets tickets;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactionManager;

    OrganisationId org;
    Actor lead;
    Actor customer;
    TeamId secondLine;
    TicketId a, b, c, d, e, f;

    @BeforeEach
    void fixture() {
        ReportFixture fixture = new ReportFixture(jdbc, tickets, "Reported");
        org = fixture.org;
        customer = fixture.customer;
        lead = fixture.lead;
        secondLine = fixture.secondLine;
        a = fixture.a;
        b = fixture.b;
        c = fixture.c;
        d = fixture.d;
        e = fixture.e;
        f = fixture.f;
    }

    void at(String utc) {
        CLOCK.set(utc);
    }

    ComplianceRow overall() {
        return reports.complianceOverall(NOVEMBER, NOVEMBER, org);
    }

    @Test
    void twoTransactionsOpeningTicketsOfOneOrganisationAtOnceDoNotWaitOnItsDayOfFlow() throws Exception {
        at("2026-11-30T10:00:00Z");
        LocalDate day = LocalDate.of(2026, 11, 30);
        long before = reports.flowByDay(day, day, org).getFirst().opened();
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var first = pool.submit(() -> tx.executeWithoutResult(s -> {
                open("held until the second commits");
                // after the report rows are written, just before commit: the first holds whatever rows it wrote
                TransactionSynchronizationManager.registerSynchronization(
                        new TransactionSynchronization() {
                            @Override
                            public void beforeCommit(boolean readOnly) {
                                written.countDown();
                                await(release);
                            }
                        });
            }));
            assertThat(written.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            var second = pool.submit(() -> tx.executeWithoutResult(s -> open("not kept waiting")));
            try {
                second.get(5, java.util.concurrent.TimeUnit.SECONDS);
            } finally {
                release.countDown();
            }
            first.get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(reports.flowByDay(day, day, org).getFirst().opened()).isEqualTo(before + 2);
    }

    private void open(String subject) {
        tickets.open(new OpenTicket(org, null, Channel.PORTAL, subject, "…", TicketType.QUESTION, null, null, java.util.Set.of()), lead);
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void countsSharesAndTimesOfTheSupportTicketsLeavingTechnicalServiceOut() {
        ComplianceRow all = overall();
        assertThat(all.tickets()).isEqualTo(5);
        assertThat(all.firstResponseMet()).isEqualTo(4);
        assertThat(all.firstResponseBreached()).isEqualTo(1);
        assertThat(all.firstResponseOpen()).isZero();
        assertThat(all.firstResponseMetShare()).isCloseTo(0.8, within(1e-9));
        assertThat(all.resolutionMet()).isEqualTo(4);
        assertThat(all.resolutionBreached()).isZero();
        assertThat(all.resolutionOpen()).isEqualTo(1);
        assertThat(all.resolutionMetShare()).isCloseTo(1.0, within(1e-9));
        assertThat(all.firstResponseMedianSeconds()).isCloseTo(3_600.0, within(1e-6));
        assertThat(all.firstResponseP90Seconds()).isCloseTo(30_960.0, within(1e-6));
        assertThat(all.resolutionMedianSeconds()).isCloseTo(12_600.0, within(1e-6));
        assertThat(all.resolutionP90Seconds()).isCloseTo(39_600.0, within(1e-6));
        assertThat(all.reopened()).isEqualTo(1);
    }

    @Test
    void showsPausedTimeApartFromResolutionTime() {
        ComplianceRow all = overall();
        // B and C, and F, which has waited on the customer since Friday 10:00: two hours by 12:00, and counting
        assertThat(all.pausedTickets()).isEqualTo(3);
        assertThat(all.pausedMedianSeconds()).isCloseTo(7_200.0, within(1e-6));
        assertThat(all.pausedTotalSeconds()).isEqualTo(21_600);
        at("2026-11-27T12:30:00Z");
        assertThat(overall().pausedTotalSeconds()).as("F's pause runs on without any event").isEqualTo(23_400);
        assertThat(jdbc.sql("SELECT paused_seconds, resolution_seconds, reopen_count FROM report_ticket WHERE ticket_id = ?")
                .param(c.value()).query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single())
                .containsExactly(7_200L, 14_400L, 1L);
        assertThat(jdbc.sql("SELECT technical_service FROM report_ticket WHERE ticket_id = ?").param(e.value())
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void groupsByChannelMonthAndPriority() {
        List<ComplianceRow> byChannel = reports.compliance(Dimension.CHANNEL, NOVEMBER, NOVEMBER, org);
        assertThat(byChannel).extracting(ComplianceRow::key).containsExactly("EMAIL", "PORTAL");
        assertThat(byChannel.getFirst().tickets()).isEqualTo(1);
        assertThat(byChannel.getFirst().firstResponseMetShare()).isZero();
        assertThat(byChannel.getFirst().firstResponseMedianSeconds()).isCloseTo(46_800.0, within(1e-6));
        assertThat(byChannel.get(1).tickets()).isEqualTo(4);
        assertThat(byChannel.get(1).firstResponseMetShare()).isCloseTo(1.0, within(1e-9));

        assertThat(reports.compliance(Dimension.MONTH, NOVEMBER.minusMonths(1), NOVEMBER, org))
                .singleElement().satisfies(r -> {
                    assertThat(r.key()).isEqualTo("2026-11");
                    assertThat(r.tickets()).isEqualTo(5);
                });
        assertThat(reports.compliance(Dimension.PRIORITY, NOVEMBER, NOVEMBER, org)).extracting(ComplianceRow::key)
                .containsExactly("HIGH");
        assertThat(reports.compliance(Dimension.ORGANISATION, NOVEMBER, NOVEMBER, org)).singleElement()
                .satisfies(r -> assertThat(r.label()).startsWith("Reported"));
        assertThat(reports.compliance(Dimension.AGENT, NOVEMBER, NOVEMBER, org)).singleElement()
                .satisfies(r -> assertThat(r.label()).isEqualTo("Unassigned"));
    }

    @Test
    void listsTheBreachWithWhatHappenedBefore() {
        assertThat(reports.breaches(NOVEMBER, NOVEMBER, org, 100)).singleElement().satisfies(br -> {
            assertThat(br.ticketId()).isEqualTo(d);
            assertThat(br.clock()).isEqualTo("FIRST_RESPONSE");
            assertThat(br.dueAt()).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
            assertThat(br.breachedAt()).as("at its due time").isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
            assertThat(br.noticedAt()).as("the late reply").isEqualTo(Instant.parse("2026-11-27T11:00:00Z"));
            assertThat(br.causes()).singleElement().satisfies(cause -> {
                assertThat(cause.kind()).isEqualTo("ESCALATED");
                assertThat(cause.to()).startsWith("Second line");
                assertThat(cause.detail()).isEqualTo("needs the database team");
                assertThat(cause.at()).isEqualTo(Instant.parse("2026-11-26T12:00:00Z"));
            });
        });
    }

    @Test
    void filesAReassignedTicketUnderItsNewAgentAtOnce() {
        tickets.update(a, new TicketChanges(null, null, null, null, lead.userId(), false, secondLine, null), lead);

        assertThat(reports.compliance(Dimension.AGENT, NOVEMBER, NOVEMBER, org))
                .filteredOn(row -> row.label().equals("Lia Lead")).singleElement()
                .extracting(ComplianceRow::tickets).isEqualTo(1L);
        assertThat(reports.compliance(Dimension.TEAM, NOVEMBER, NOVEMBER, org))
                .filteredOn(row -> row.key().equals(String.valueOf(secondLine.value()))).singleElement()
                .extracting(ComplianceRow::tickets).as("D, escalated there on Thursday, and now A").isEqualTo(2L);
    }

    @Test
    void countsTheFlowPerDayAndWeek() {
        List<FlowPeriod> days = reports.flowByDay(LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 28), org);
        assertThat(days).extracting(FlowPeriod::period).containsExactly("2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28");
        assertThat(days.get(0)).extracting(FlowPeriod::opened, FlowPeriod::backlog).containsExactly(0L, 0L);
        // Thursday: A-E opened; A, B, C, and C again resolved; C reopened; B waited 10:30-12:30; D and E still open
        assertThat(days.get(1)).extracting(FlowPeriod::opened, FlowPeriod::resolved, FlowPeriod::reopened,
                FlowPeriod::waitingOnCustomer, FlowPeriod::backlog).containsExactly(5L, 4L, 1L, 0L, 2L);
        // Friday: F opened and waiting; D and E resolved
        assertThat(days.get(2)).extracting(FlowPeriod::opened, FlowPeriod::resolved, FlowPeriod::reopened,
                FlowPeriod::waitingOnCustomer, FlowPeriod::backlog).containsExactly(1L, 2L, 0L, 1L, 1L);
        assertThat(days.get(3)).extracting(FlowPeriod::opened, FlowPeriod::waitingOnCustomer, FlowPeriod::backlog)
                .containsExactly(0L, 1L, 1L);

        assertThat(reports.flowByWeek(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 12, 6), org))
                .extracting(FlowPeriod::period, FlowPeriod::opened, FlowPeriod::resolved, FlowPeriod::reopened,
                        FlowPeriod::waitingOnCustomer, FlowPeriod::backlog)
                .containsExactly(tuple("2026-W48", 6L, 6L, 1L, 1L, 1L),
                        tuple("2026-W49", 0L, 0L, 0L, 1L, 1L));
    }

    @Test
    void summarisesQuotesFromTheirEvents() {
        var tx = new TransactionTemplate(transactionManager);
        tx.executeWithoutResult(s -> {
            events.publishEvent(new QuoteSent(new QuoteId(1), e, org, 1, 12_000, LocalDate.of(2026, 12, 10), Instant.parse("2026-11-27T12:00:00Z")));
            events.publishEvent(new QuoteSent(new QuoteId(2), e, org, 1, 5_000, LocalDate.of(2026, 12, 10), Instant.parse("2026-11-27T12:00:00Z")));
            events.publishEvent(new QuoteAccepted(new QuoteId(1), e, org, 1, 12_000, customer.userId(), Instant.parse("2026-11-30T09:00:00Z")));
        });
        assertThat(reports.quotes(NOVEMBER, NOVEMBER.plusMonths(1), org))
                .extracting(QuoteSummary::sent, QuoteSummary::accepted, QuoteSummary::rejected, QuoteSummary::sentCents,
                        QuoteSummary::acceptedCents)
                .containsExactly(tuple(2L, 1L, 0L, 17_000L, 12_000L),
                        tuple(0L, 0L, 0L, 0L, 0L));
    }

    @Test
    void theMonthlyReportSaysWhatWasPromisedAndWhatWasKept() {
        MonthlyOrganisationReport report = reports.monthlyOrganisationReport(org, NOVEMBER).orElseThrow();
        assertThat(report.promised()).extracting(MonthlyOrganisationReport.Promise::priority,
                MonthlyOrganisationReport.Promise::firstResponse, MonthlyOrganisationReport.Promise::resolution)
                .contains(tuple("HIGH", "12 business hours", "24 business hours"),
                        tuple("URGENT", "4 business hours", "24 business hours"));
        assertThat(report.kept().tickets()).isEqualTo(5);
        assertThat(report.kept().firstResponseBreached()).isEqualTo(1);
        assertThat(report.keptByPriority()).extracting(ComplianceRow::key).containsExactly("HIGH");
        assertThat(report.quota().used()).isEqualTo(5); // the technical-service ticket takes no unit
        assertThat(report.breaches()).hasSize(1);
        assertThat(report.ticketsStillOpen()).as("F, waiting on the customer").isEqualTo(1);
        assertThat(report.ticketsThatWaited()).as("B, then resolved, and F, waiting now").isEqualTo(2);
        assertThat(report.kept().pausedTotalSeconds()).isEqualTo(21_600);
    }

    @Test
    void aClockPastItsDueTimeIsBreachedAtThatTimeBeforeAnySweepNoticesIt() {
        // F's first response was met; its resolution clock waits. Once the customer answers it runs again: 24 business
        // hours from Friday 09:00, less the wait (10:00 to Monday 09:00, none of it business time but Friday 10:00-21:00).
        at("2026-11-30T09:00:00Z");
        tickets.update(f, TicketChanges.status(TicketStatus.OPEN), lead);
        Instant due = jdbc.sql("SELECT due_at FROM sla_clock WHERE ticket_id = ? AND kind = 'RESOLUTION'").param(f.value())
                .query(java.time.OffsetDateTime.class).single().toInstant();
        at(due.plusSeconds(1).toString());
        assertThat(overall().resolutionBreached()).as("no sweep ran").isEqualTo(1);
        assertThat(reports.breaches(NOVEMBER, NOVEMBER, org, 100)).filteredOn(b -> b.ticketId().equals(f)).singleElement()
                .satisfies(b -> {
                    assertThat(b.breachedAt()).isEqualTo(due);
                    assertThat(b.noticedAt()).isNull();
                });
    }

    @Test
    void readsTheReadModelNotTheTickets() {
        // a change that bypasses the desk (no event) does not reach the report ...
        jdbc.sql("UPDATE ticket SET priority = 'LOW', channel = 'API' WHERE organisation_id = ?").param(org.value()).update();
        assertThat(reports.compliance(Dimension.PRIORITY, NOVEMBER, NOVEMBER, org)).extracting(ComplianceRow::key).containsExactly("HIGH");
        assertThat(reports.compliance(Dimension.CHANNEL, NOVEMBER, NOVEMBER, org)).extracting(ComplianceRow::key)
                .containsExactly("EMAIL", "PORTAL");
        // ... an event does: F's next change refreshes its row, assignee and waiting time included
        at("2026-11-27T13:00:00Z");
        tickets.update(f, new TicketChanges(Priority.URGENT, null, null, TicketStatus.OPEN, lead.userId(), false, null, null), lead);
        assertThat(jdbc.sql("SELECT priority, assignee_id, paused_seconds FROM report_ticket WHERE ticket_id = ?").param(f.value())
                .query((rs, n) -> List.of(rs.getString(1), rs.getLong(2), rs.getLong(3))).single())
                .containsExactly("URGENT", lead.userId().value(), 3 * 3_600L);
        assertThat(reports.compliance(Dimension.AGENT, NOVEMBER, NOVEMBER, org)).extracting(ComplianceRow::label)
                .containsExactly("Lia Lead", "Unassigned");
    }

    static UserId user(long id) {
        return new UserId(id);
    }
}
