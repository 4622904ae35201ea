package org.atende.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.atende.sla.Desk.Entry;
import org.atende.sla.internal.ClockStore;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The sweep on H2: warnings and breaches found on time, each recorded and published once. */
@RecordApplicationEvents
class SlaSweepIntegrationTests extends SlaIntegrationSupport {

    @Autowired
    EscalationSweep escalations;

    @Autowired
    SlaMeters meters;

    @Autowired
    org.atende.tickets.Tickets tickets;

    @Autowired
    SlaSweep sweep;

    @Autowired
    SlaClocks clocks;

    @Autowired
    ApplicationEvents events;

    @Autowired
    ClockStore sweepStore;

    @Autowired
    ClockBook sweepBook;

    static Instant at(String utc) {
        return Instant.parse(utc);
    }

    long timeline(TicketId ticket, String kind) {
        return desk.timeline(ticket).stream().map(Entry::kind).filter(kind::equals).count();
    }

    @Test
    void doesNotBreachAtTheDueSecondButOneSecondLater() {
        TicketId ticket = desk.open(Priority.URGENT, "2026-11-26T10:00:00Z");

        clock.set("2026-11-26T14:00:00Z");
        assertThat(clocks.clocksOf(ticket, clock.instant()).firstResponse().breached()).isFalse();
        assertThat(clocks.clocksOf(ticket, clock.instant()).firstResponse().remainingSeconds()).isZero();
        assertThat(sweep.runOnce().breached()).isZero();
        assertThat(desk.column(ticket, ClockKind.FIRST_RESPONSE, "breached_at")).isNull();

        clock.set("2026-11-26T14:00:01Z");
        assertThat(sweep.runOnce().breached()).isEqualTo(1);

        ClockView first = clocks.clocksOf(ticket, clock.instant()).firstResponse();
        assertThat(first.state()).isEqualTo(ClockState.BREACHED);
        assertThat(first.remainingSeconds()).isEqualTo(-1);
        assertThat(desk.column(ticket, ClockKind.FIRST_RESPONSE, "state")).isEqualTo("BREACHED");
        assertThat(desk.column(ticket, ClockKind.FIRST_RESPONSE, "breached_at")).as("its due time").isEqualTo("2026-11-26T14:00:00Z");
        assertThat(desk.column(ticket, ClockKind.FIRST_RESPONSE, "breach_noticed_at")).isEqualTo("2026-11-26T14:00:01Z");
        assertThat(desk.column(ticket, ClockKind.RESOLUTION, "breached_at")).isNull();
    }

    @Test
    void warnsThenBreachesEachOnceOnTheTimelineAndAsEvents() {
        TicketId ticket = desk.open(Priority.URGENT, "2026-11-26T10:00:00Z");

        clock.set("2026-11-26T12:59:59Z");
        assertThat(sweep.runOnce()).isEqualTo(new SlaSweep.Result(0, 0));
        clock.set("2026-11-26T13:00:00Z"); // 75 % of 4 business hours
        assertThat(sweep.runOnce()).isEqualTo(new SlaSweep.Result(1, 0));
        clock.set("2026-11-26T13:30:00Z");
        assertThat(sweep.runOnce()).isEqualTo(new SlaSweep.Result(0, 0));
        clock.set("2026-11-26T14:00:01Z");
        assertThat(sweep.runOnce()).isEqualTo(new SlaSweep.Result(0, 1));
        clock.set("2026-11-26T15:00:00Z");
        assertThat(sweep.runOnce()).isEqualTo(new SlaSweep.Result(0, 0));

        assertThat(timeline(ticket, ClockBook.WARNING)).isEqualTo(1);
        assertThat(timeline(ticket, ClockBook.BREACHED)).isEqualTo(1);
        assertThat(desk.timeline(ticket)).filteredOn(e -> e.kind().equals(ClockBook.BREACHED)).singleElement()
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("FIRST_RESPONSE");
                    assertThat(e.at()).as("the breach is at the due time, not when the sweep saw it").isEqualTo(at("2026-11-26T14:00:00Z"));
                    assertThat(e.detail()).isEqualTo("First response target (4 business hours) missed at its due time "
                            + "2026-11-26T14:00:00Z (noticed 2026-11-26T14:00:01Z)");
                });
        assertThat(events.stream(SlaWarning.class)).as("with the business time left as the sweep read it").containsExactly(
                new SlaWarning(ticket, ClockKind.FIRST_RESPONSE, at("2026-11-26T14:00:00Z"), at("2026-11-26T13:00:00Z"), 3_600L));
        assertThat(events.stream(SlaBreached.class)).containsExactly(
                new SlaBreached(ticket, ClockKind.FIRST_RESPONSE, at("2026-11-26T14:00:00Z"), at("2026-11-26T14:00:00Z"),
                        at("2026-11-26T14:00:01Z"), -1L));
    }

    @Test
    void aPassWithLessThanABatchToMarkMarksItAllInOneTransaction() {
        desk.open(Priority.URGENT, "2026-11-26T09:00:00Z");
        desk.open(Priority.URGENT, "2026-11-26T10:00:00Z");
        clock.set("2026-11-26T13:30:00Z"); // the first past its 13:00 due time, the second past its 13:00 warning
        published.clear();

        assertThat(sweep.runOnce()).isEqualTo(new SlaSweep.Result(1, 1));

        assertThat(published.transactions).as("the lanes wait for a full first batch").hasValue(1);
        assertThat(published.threads).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void aPausedClockIsNeitherWarnedNorBreachedWhileItWaits() {
        TicketId ticket = desk.open(Priority.URGENT, "2026-11-26T10:00:00Z");
        clock.set("2026-11-26T10:30:00Z");
        desk.reply(ticket, "2026-11-26T10:30:00Z");
        clock.set("2026-11-26T11:00:00Z");
        desk.status(ticket, TicketStatus.OPEN, TicketStatus.WAITING_ON_CUSTOMER, "2026-11-26T11:00:00Z");

        clock.set("2026-12-10T11:00:00Z");
        assertThat(sweep.runOnce()).isEqualTo(new SlaSweep.Result(0, 0));
        assertThat(clocks.clocksOf(ticket, clock.instant()).resolution().state()).isEqualTo(ClockState.PAUSED);
    }

    @Test
    void readsTheClockAgainBeforeMarkingIt() {
        TicketId ticket = desk.open(Priority.URGENT, "2026-11-26T10:00:00Z");
        // the stored times say breached, but the pauses (written behind the listener's back) moved the due time
        jdbc.sql("INSERT INTO sla_clock_pause (ticket_id, kind, paused_from, paused_to, reason) VALUES (?, 'FIRST_RESPONSE', ?, ?, 'ON_HOLD')")
                .params(ticket.value(), Desk.utc(at("2026-11-26T11:00:00Z")), Desk.utc(at("2026-11-26T16:00:00Z"))).update();

        clock.set("2026-11-26T14:30:00Z");
        assertThat(sweep.runOnce()).isEqualTo(new SlaSweep.Result(0, 0));
        assertThat(desk.column(ticket, ClockKind.FIRST_RESPONSE, "due_at")).isEqualTo("2026-11-26T19:00:00Z");
        assertThat(desk.column(ticket, ClockKind.FIRST_RESPONSE, "warn_at")).isEqualTo("2026-11-26T18:00:00Z");
    }

    @Test
    void sweepsEveryOverdueClockInBatchesMarkingEachOnceOnItsTimelineAndInTheReport() {
        List<TicketId> opened = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            opened.add(desk.open(Priority.URGENT, "2026-11-26T10:00:00Z"));
        }
        clock.set("2026-11-27T20:00:00Z"); // every first response breached, every resolution warned
        SlaSweep small = new SlaSweep(sweepStore, sweepBook, transactions, clock,
                new SlaSweepProperties(java.time.Duration.ofMinutes(1), 3, true, 2), escalations, meters);

        assertThat(small.runOnce()).isEqualTo(new SlaSweep.Result(7, 7));
        assertThat(small.runOnce()).isEqualTo(new SlaSweep.Result(0, 0));
        for (TicketId ticket : opened) {
            assertThat(jdbc.sql("SELECT kind || ':' || field FROM timeline_event WHERE ticket_id = ? AND kind IN ('SLA_WARNING', 'SLA_BREACHED') ORDER BY id")
                    .param(ticket.value()).query(String.class).list())
                    // each once; the two lanes may mark a ticket's two clocks in either order
                    .as("ticket %s", ticket.value()).containsExactlyInAnyOrder("SLA_BREACHED:FIRST_RESPONSE", "SLA_WARNING:RESOLUTION");
            assertThat(desk.column(ticket, ClockKind.FIRST_RESPONSE, "state")).isEqualTo("BREACHED");
            assertThat(desk.column(ticket, ClockKind.RESOLUTION, "warned_at")).isNotNull();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM report_breach WHERE clock_kind = 'FIRST_RESPONSE' AND ticket_id IN (:ids)")
                .param("ids", opened.stream().map(TicketId::value).toList()).query(Long.class).single()).isEqualTo(7);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM report_ticket_event WHERE kind = 'SLA_WARNING' AND ticket_id IN (:ids)")
                .param("ids", opened.stream().map(TicketId::value).toList()).query(Long.class).single()).isEqualTo(7);
    }
}
