package org.atende.sla;

import static org.assertj.core.api.Assertions.assertThat;

import org.atende.tickets.Priority;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What each clock counted and what its pauses took out, in business time, as reports read it. */
class ClockMeasureIntegrationTests extends SlaIntegrationSupport {

    @Autowired
    SlaClocks clocks;

    @Test
    void measuresCountedAndPausedBusinessTimeOfEachClock() {
        TicketId ticket = desk.open(Priority.HIGH, "2026-11-26T10:00:00Z");
        clock.set("2026-11-26T10:30:00Z");
        desk.reply(ticket, "2026-11-26T10:30:00Z");
        desk.status(ticket, TicketStatus.NEW, TicketStatus.WAITING_ON_CUSTOMER, "2026-11-26T10:30:00Z");
        // paused over the night: 10:30-21:00 Thursday and 09:00-10:00 Friday are business time, the night is not
        clock.set("2026-11-27T10:00:00Z");
        desk.status(ticket, TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.OPEN, "2026-11-27T10:00:00Z");
        clock.set("2026-11-27T11:00:00Z");

        var measures = clocks.measure(ticket, clock.instant());
        assertThat(measures).extracting(ClockMeasure::kind).containsExactly(ClockKind.FIRST_RESPONSE, ClockKind.RESOLUTION);
        ClockMeasure first = measures.get(0);
        assertThat(first.stopped()).isTrue();
        assertThat(first.state()).isEqualTo(ClockState.MET);
        assertThat(first.elapsedSeconds()).isEqualTo(1_800);
        assertThat(first.pausedSeconds()).isZero();
        ClockMeasure resolution = measures.get(1);
        assertThat(resolution.stopped()).isFalse();
        assertThat(resolution.state()).isEqualTo(ClockState.RUNNING);
        assertThat(resolution.pausedSeconds()).isEqualTo(10 * 3_600 + 1_800 + 3_600);
        assertThat(resolution.elapsedSeconds()).isEqualTo(1_800 + 3_600);
        assertThat(clocks.measure(new TicketId(-1), clock.instant())).isEmpty();
    }
}
