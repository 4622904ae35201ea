package org.atende.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.atende.tickets.Priority;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The desk's "breaching soon" queue as the SLA module answers it: tickets with a counting clock due
 * within the next business hours, warned of, or past due; never a paused or stopped clock. On the
 * support calendar (Lisbon, weekdays 09:00–21:00, UTC+0 in November 2026).
 */
class BreachingSoonIntegrationTests extends SlaIntegrationSupport {

    private static final Duration TWO_HOURS = Duration.ofHours(2);

    @Autowired
    SlaClocks clocks;

    @Autowired
    SlaSweep sweep;

    @Test
    void holdsTicketsDueWithinTheWindowWarnedOrPastDueButNotPausedOrAnswered() {
        TicketId urgent = desk.open(Priority.URGENT, "2026-11-26T10:00:00Z"); // first response due 14:00
        desk.open(Priority.LOW, "2026-11-26T10:00:00Z"); // resolution due Monday 10:00: never in the window
        TicketId waiting = desk.open(Priority.URGENT, "2026-11-26T10:00:00Z");
        clock.set("2026-11-26T10:10:00Z");
        desk.reply(waiting, "2026-11-26T10:10:00Z");
        desk.status(waiting, TicketStatus.OPEN, TicketStatus.WAITING_ON_CUSTOMER, "2026-11-26T10:10:00Z");

        clock.set("2026-11-26T11:00:00Z");
        assertThat(clocks.breachingWithin(clock.instant(), TWO_HOURS)).isEmpty();

        clock.set("2026-11-26T12:30:00Z");
        assertThat(clocks.breachingWithin(clock.instant(), TWO_HOURS)).containsExactly(urgent);
        assertThat(clocks.breachingWithin(clock.instant(), Duration.ofMinutes(30))).isEmpty();

        clock.set("2026-11-26T13:00:00Z");
        sweep.runOnce(); // warns the urgent first response: in the queue whatever the window
        assertThat(clocks.breachingWithin(clock.instant(), Duration.ZERO)).containsExactly(urgent);

        clock.set("2026-11-26T15:00:00Z");
        sweep.runOnce();
        assertThat(clocks.breachingWithin(clock.instant(), TWO_HOURS)).containsExactly(urgent);

        desk.reply(urgent, "2026-11-26T15:00:00Z"); // answered late: its resolution is due on Monday
        assertThat(clocks.breachingWithin(clock.instant(), TWO_HOURS)).isEmpty();
    }
}
