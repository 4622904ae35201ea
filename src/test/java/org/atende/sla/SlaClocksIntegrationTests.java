package org.atende.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;

import org.atende.sla.Desk.Entry;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A ticket's clocks as its events move them, on the support terms' calendar (Lisbon, weekdays
 * 09:00–21:00, Portuguese holidays; UTC+0 in November and December 2026) and the default policy.
 */
class SlaClocksIntegrationTests extends SlaIntegrationSupport {

    @Autowired
    SlaClocks clocks;

    @Autowired
    SlaSweep sweep;

    static Instant at(String utc) {
        return Instant.parse(utc);
    }

    TicketClocks now(TicketId ticket) {
        return clocks.clocksOf(ticket, clock.instant());
    }

    List<String> kinds(TicketId ticket) {
        return desk.timeline(ticket).stream().map(Entry::kind).toList();
    }

    @Nested
    class Opening {
        @Test
        void aTicketReceivedOnSaturdayNightIsDueOnMondayAndSkipsTheHoliday() {
            clock.set("2026-11-28T23:10:00Z");
            TicketId ticket = desk.open(Priority.URGENT, "2026-11-28T23:10:00Z");

            clock.set("2026-11-29T10:00:00Z");
            TicketClocks read = now(ticket);
            assertThat(read.firstResponse().dueAt()).isEqualTo(at("2026-11-30T13:00:00Z"));
            assertThat(read.firstResponse().elapsedSeconds()).isZero();
            assertThat(read.firstResponse().remainingSeconds()).isEqualTo(4 * 3600);
            assertThat(read.firstResponse().state()).isEqualTo(ClockState.RUNNING);
            // 12 h on Monday, Tuesday 1 December closed, 12 h on Wednesday fill the target: due at Thursday's opening
            assertThat(read.resolution().dueAt()).isEqualTo(at("2026-12-03T09:00:00Z"));
            assertThat(read.resolution().targetSeconds()).isEqualTo(24 * 3600);
            assertThat(desk.nextDue(ticket)).isEqualTo(at("2026-11-30T13:00:00Z"));
        }

        @Test
        void countsNothingOnTheFirstOfDecember() {
            clock.set("2026-11-30T19:00:00Z");
            TicketId ticket = desk.open(Priority.HIGH, "2026-11-30T19:00:00Z");

            clock.set("2026-12-01T15:00:00Z");
            ClockView first = now(ticket).firstResponse();
            // 2 h on Monday, Tuesday 1 December closed, 10 h on Wednesday
            assertThat(first.dueAt()).isEqualTo(at("2026-12-02T19:00:00Z"));
            assertThat(first.elapsedSeconds()).isEqualTo(2 * 3600);
            assertThat(first.remainingSeconds()).isEqualTo(10 * 3600);
        }

        @Test
        void storesBothClocksWithTheirDueAndWarningTimes() {
            clock.set("2026-11-26T10:00:00Z");
            TicketId ticket = desk.open(Priority.URGENT, "2026-11-26T10:00:00Z");

            assertThat(desk.clockRows(ticket)).isEqualTo(2);
            assertThat(desk.column(ticket, ClockKind.FIRST_RESPONSE, "state")).isEqualTo("RUNNING");
            assertThat(desk.column(ticket, ClockKind.FIRST_RESPONSE, "due_at")).isEqualTo("2026-11-26T14:00:00Z");
            assertThat(desk.column(ticket, ClockKind.FIRST_RESPONSE, "warn_at")).isEqualTo("2026-11-26T13:00:00Z");
            assertThat(desk.column(ticket, ClockKind.RESOLUTION, "target_amount")).isEqualTo("24");
            assertThat(desk.column(ticket, ClockKind.RESOLUTION, "target_unit")).isEqualTo("HOURS");
        }

        @Test
        void technicalServiceTicketsGetNoClocks() {
            TicketId ticket = desk.open(desk.customer(), Priority.URGENT, TicketType.TECHNICAL_SERVICE, "2026-11-26T10:00:00Z");
            desk.status(ticket, TicketStatus.NEW, TicketStatus.WAITING_ON_CUSTOMER, "2026-11-26T11:00:00Z");

            assertThat(desk.clockRows(ticket)).isZero();
            assertThat(now(ticket)).isEqualTo(TicketClocks.NONE);
            assertThat(desk.nextDue(ticket)).isNull();
            assertThat(desk.timeline(ticket)).isEmpty();
        }

        @Test
        void readsTheClocksOfManyTicketsAtOnce() {
            TicketId urgent = desk.open(Priority.URGENT, "2026-11-26T10:00:00Z");
            TicketId high = desk.open(Priority.HIGH, "2026-11-26T10:00:00Z");
            TicketId quote = desk.open(desk.customer(), Priority.LOW, TicketType.TECHNICAL_SERVICE, "2026-11-26T10:00:00Z");

            var read = clocks.clocksOf(List.of(urgent, high, quote), at("2026-11-26T11:00:00Z"));

            assertThat(read).containsOnlyKeys(urgent, high, quote);
            assertThat(read.get(urgent).firstResponse().dueAt()).isEqualTo(at("2026-11-26T14:00:00Z"));
            assertThat(read.get(high).firstResponse().dueAt()).isEqualTo(at("2026-11-27T10:00:00Z"));
            assertThat(read.get(quote).hasClocks()).isFalse();
        }
    }

    @Nested
    class FirstResponse {
        @Test
        void stopsAtTheFirstAgentReplyOnly() {
            TicketId ticket = desk.open(Priority.URGENT, "2026-11-26T10:00:00Z");

            clock.set("2026-11-26T11:00:00Z");
            desk.reply(ticket, "2026-11-26T11:00:00Z");
            clock.set("2026-11-26T12:00:00Z");
            desk.reply(ticket, "2026-11-26T12:00:00Z");

            clock.set("2026-11-26T15:00:00Z"); // past the due time: a stopped clock stays met
            ClockView first = now(ticket).firstResponse();
            assertThat(first.state()).isEqualTo(ClockState.MET);
            assertThat(first.elapsedSeconds()).isEqualTo(3600);
            assertThat(desk.column(ticket, ClockKind.FIRST_RESPONSE, "stopped_at")).isEqualTo("2026-11-26T11:00:00Z");
            assertThat(desk.column(ticket, ClockKind.FIRST_RESPONSE, "state")).isEqualTo("MET");
            assertThat(now(ticket).resolution().state()).isEqualTo(ClockState.RUNNING);
            assertThat(desk.nextDue(ticket)).as("only the resolution clock counts now").isEqualTo(at("2026-11-30T10:00:00Z"));
        }

        @Test
        void aLateFirstReplyMarksTheBreachOnceEvenBeforeAnySweep() {
            TicketId ticket = desk.open(Priority.URGENT, "2026-11-26T10:00:00Z");

            clock.set("2026-11-26T14:30:00Z");
            desk.reply(ticket, "2026-11-26T14:30:00Z");

            assertThat(now(ticket).firstResponse().state()).isEqualTo(ClockState.BREACHED);
            assertThat(desk.column(ticket, ClockKind.FIRST_RESPONSE, "breached_at")).as("the due time it passed").isEqualTo("2026-11-26T14:00:00Z");
            assertThat(desk.column(ticket, ClockKind.FIRST_RESPONSE, "breach_noticed_at")).as("the late reply").isEqualTo("2026-11-26T14:30:00Z");
            assertThat(published.breaches).extracting(SlaBreached::kind).containsExactly(ClockKind.FIRST_RESPONSE);
            assertThat(sweep.runOnce().breached()).isZero();
            assertThat(kinds(ticket)).containsOnlyOnce(ClockBook.BREACHED);
        }
    }

    @Nested
    class Pauses {
        @Test
        void waitingOnTheCustomerPausesTheResolutionClockAndAnswerResumesIt() {
            TicketId ticket = desk.open(Priority.MEDIUM, "2026-11-26T10:00:00Z");
            clock.set("2026-11-26T10:30:00Z");
            desk.reply(ticket, "2026-11-26T10:30:00Z");
            clock.set("2026-11-26T11:00:00Z");
            desk.status(ticket, TicketStatus.OPEN, TicketStatus.WAITING_ON_CUSTOMER, "2026-11-26T11:00:00Z");

            clock.set("2026-11-27T11:00:00Z");
            ClockView paused = now(ticket).resolution();
            assertThat(paused.state()).isEqualTo(ClockState.PAUSED);
            assertThat(paused.elapsedSeconds()).isEqualTo(3600);
            assertThat(desk.column(ticket, ClockKind.RESOLUTION, "state")).isEqualTo("PAUSED");
            assertThat(desk.nextDue(ticket)).as("nothing counts while the customer has the ball").isNull();

            desk.status(ticket, TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.OPEN, "2026-11-27T11:00:00Z");

            ClockView resumed = now(ticket).resolution();
            assertThat(resumed.state()).isEqualTo(ClockState.RUNNING);
            // 23 h left from Friday 11:00: Friday 10 h, Monday 12 h, Tuesday a holiday, 1 h on Wednesday
            assertThat(resumed.dueAt()).isEqualTo(at("2026-12-02T10:00:00Z"));
            assertThat(desk.nextDue(ticket)).isEqualTo(at("2026-12-02T10:00:00Z"));
            assertThat(desk.timeline(ticket)).filteredOn(e -> e.kind().startsWith("SLA_PAUSED") || e.kind().startsWith("SLA_RESUMED"))
                    .extracting(Entry::kind, Entry::field)
                    .containsExactly(tuple("SLA_PAUSED", "RESOLUTION"),
                            tuple("SLA_RESUMED", "RESOLUTION"));
            assertThat(jdbc.sql("SELECT reason FROM sla_clock_pause WHERE ticket_id = ?").param(ticket.value())
                    .query(String.class).list()).containsExactly("WAITING_ON_CUSTOMER");
        }

        @Test
        void aStatusThatDoesNotPauseLeavesTheClockCounting() {
            TicketId ticket = desk.open(Priority.MEDIUM, "2026-11-26T10:00:00Z");
            clock.set("2026-11-26T11:00:00Z");
            desk.status(ticket, TicketStatus.NEW, TicketStatus.ON_HOLD, "2026-11-26T11:00:00Z");

            clock.set("2026-11-26T12:00:00Z");
            assertThat(now(ticket).resolution().state()).isEqualTo(ClockState.RUNNING);
            assertThat(now(ticket).resolution().elapsedSeconds()).isEqualTo(2 * 3600);
            assertThat(kinds(ticket)).doesNotContain(ClockBook.PAUSED);
        }

        @Test
        void reopeningAResolvedTicketResumesWithoutCountingTheResolvedTime() {
            TicketId ticket = desk.open(Priority.URGENT, "2026-11-26T10:00:00Z");
            clock.set("2026-11-26T12:00:00Z");
            desk.status(ticket, TicketStatus.OPEN, TicketStatus.RESOLVED, "2026-11-26T12:00:00Z");

            clock.set("2026-11-26T13:00:00Z");
            assertThat(now(ticket).resolution().state()).isEqualTo(ClockState.MET);
            assertThat(now(ticket).resolution().elapsedSeconds()).isEqualTo(2 * 3600);
            assertThat(now(ticket).firstResponse().state()).as("solving the ticket answered it").isEqualTo(ClockState.MET);
            assertThat(desk.nextDue(ticket)).isNull();

            clock.set("2026-11-26T16:00:00Z");
            desk.status(ticket, TicketStatus.RESOLVED, TicketStatus.OPEN, "2026-11-26T16:00:00Z");

            ClockView reopened = now(ticket).resolution();
            assertThat(reopened.state()).isEqualTo(ClockState.RUNNING);
            assertThat(reopened.elapsedSeconds()).isEqualTo(2 * 3600);
            // 22 h left from Thursday 16:00: 5 h Thursday, 12 h Friday, 5 h Monday
            assertThat(reopened.dueAt()).isEqualTo(at("2026-11-30T14:00:00Z"));
            assertThat(desk.column(ticket, ClockKind.RESOLUTION, "stopped_at")).isNull();
            assertThat(now(ticket).firstResponse().state()).as("a reopen does not restart the first response").isEqualTo(ClockState.MET);
            assertThat(jdbc.sql("SELECT reason FROM sla_clock_pause WHERE ticket_id = ?").param(ticket.value())
                    .query(String.class).list()).containsExactly("RESOLVED");
            assertThat(desk.timeline(ticket)).extracting(Entry::kind, Entry::detail).contains(tuple(
                    "SLA_RESUMED", "Resolution clock resumed on reopening: due 2026-11-30T14:00:00Z"));
        }

        @Test
        void resolvingWhileWaitingClosesThePauseAndStops() {
            TicketId ticket = desk.open(Priority.URGENT, "2026-11-26T10:00:00Z");
            clock.set("2026-11-26T11:00:00Z");
            desk.status(ticket, TicketStatus.OPEN, TicketStatus.WAITING_ON_CUSTOMER, "2026-11-26T11:00:00Z");
            clock.set("2026-11-26T15:00:00Z");
            desk.status(ticket, TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.RESOLVED, "2026-11-26T15:00:00Z");

            clock.set("2026-11-27T15:00:00Z");
            assertThat(now(ticket).resolution().state()).isEqualTo(ClockState.MET);
            assertThat(now(ticket).resolution().elapsedSeconds()).isEqualTo(3600);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM sla_clock_pause WHERE ticket_id = ? AND paused_to IS NULL")
                    .param(ticket.value()).query(Integer.class).single()).isZero();
        }
    }

    @Nested
    class Reclassification {
        @Test
        void aPriorityChangeRecomputesTheDueTimeFromTheSameStart() {
            TicketId ticket = desk.open(Priority.LOW, "2026-11-26T10:00:00Z");
            assertThat(now(ticket).firstResponse().dueAt()).as("two business days").isEqualTo(at("2026-11-30T10:00:00Z"));

            clock.set("2026-11-26T11:00:00Z");
            desk.reclassify(ticket, Priority.URGENT, TicketType.INCIDENT, "2026-11-26T11:00:00Z");

            ClockView first = now(ticket).firstResponse();
            assertThat(first.dueAt()).isEqualTo(at("2026-11-26T14:00:00Z"));
            assertThat(first.elapsedSeconds()).isEqualTo(3600);
            assertThat(first.targetSeconds()).isEqualTo(4 * 3600);
            assertThat(desk.column(ticket, ClockKind.FIRST_RESPONSE, "target_unit")).isEqualTo("HOURS");
            assertThat(desk.nextDue(ticket)).isEqualTo(at("2026-11-26T14:00:00Z"));
            assertThat(desk.timeline(ticket)).extracting(Entry::kind, Entry::field)
                    .containsExactly(tuple("SLA_TARGET_CHANGED", "FIRST_RESPONSE"));
        }

        @Test
        void aPriorityChangeKeepsThePauses() {
            TicketId ticket = desk.open(Priority.URGENT, "2026-11-26T10:00:00Z");
            clock.set("2026-11-26T10:10:00Z");
            desk.reply(ticket, "2026-11-26T10:10:00Z");
            clock.set("2026-11-26T12:00:00Z");
            desk.status(ticket, TicketStatus.OPEN, TicketStatus.WAITING_ON_CUSTOMER, "2026-11-26T12:00:00Z");
            clock.set("2026-11-26T13:00:00Z");
            desk.status(ticket, TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.OPEN, "2026-11-26T13:00:00Z");
            var before = now(ticket).resolution().dueAt();

            jdbc.sql("UPDATE sla_target SET resolution_amount = 12 WHERE priority = 'LOW' AND policy_id = ?")
                    .param(desk.defaultPolicy()).update();
            try {
                clock.set("2026-11-26T14:00:00Z");
                desk.reclassify(ticket, Priority.LOW, TicketType.INCIDENT, "2026-11-26T14:00:00Z");
                // 12 business hours from 10:00 with the hour 12:00–13:00 paused: 23:00, i.e. Friday 09:00 + 2 h
                assertThat(before).isEqualTo(at("2026-11-30T11:00:00Z"));
                assertThat(now(ticket).resolution().dueAt()).isEqualTo(at("2026-11-27T11:00:00Z"));
                assertThat(now(ticket).resolution().elapsedSeconds()).isEqualTo(3 * 3600);
            } finally {
                jdbc.sql("UPDATE sla_target SET resolution_amount = 24 WHERE priority = 'LOW' AND policy_id = ?")
                        .param(desk.defaultPolicy()).update();
            }
        }

        @Test
        void aLongerTargetLiftsABreachTheSweepMarked() {
            TicketId ticket = desk.open(Priority.URGENT, "2026-11-26T10:00:00Z");
            clock.set("2026-11-26T13:00:00Z");
            assertThat(sweep.runOnce().warned()).isEqualTo(1);
            clock.set("2026-11-26T14:00:01Z");
            assertThat(sweep.runOnce().breached()).isEqualTo(1);

            clock.set("2026-11-26T15:00:00Z");
            desk.reclassify(ticket, Priority.LOW, TicketType.INCIDENT, "2026-11-26T15:00:00Z");

            assertThat(now(ticket).firstResponse().state()).isEqualTo(ClockState.RUNNING);
            assertThat(desk.column(ticket, ClockKind.FIRST_RESPONSE, "state")).isEqualTo("RUNNING");
            assertThat(desk.column(ticket, ClockKind.FIRST_RESPONSE, "breached_at")).isNull();
            assertThat(desk.column(ticket, ClockKind.FIRST_RESPONSE, "warned_at")).as("warns again on the new target").isNull();
        }

        @Test
        void becomingTechnicalServiceStopsTheClocksAndLeavesThemOutOfTheSla() {
            TicketId ticket = desk.open(Priority.URGENT, "2026-11-26T10:00:00Z");
            clock.set("2026-11-26T11:00:00Z");
            desk.reclassify(ticket, Priority.LOW, TicketType.TECHNICAL_SERVICE, "2026-11-26T11:00:00Z");

            clock.set("2026-11-26T15:00:00Z");
            assertThat(now(ticket).firstResponse().elapsedSeconds()).isEqualTo(3600);
            assertThat(now(ticket).firstResponse().excludedSince()).isEqualTo(at("2026-11-26T11:00:00Z"));
            assertThat(now(ticket).firstResponse().dueAt()).isNull();
            assertThat(desk.nextDue(ticket)).isNull();
            assertThat(desk.timeline(ticket)).extracting(Entry::kind).endsWith(ClockBook.EXCLUDED);
        }
    }
}
