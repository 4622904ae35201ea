package org.atende.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atende.tickets.TicketStatus.CLOSED;
import static org.atende.tickets.TicketStatus.NEW;
import static org.atende.tickets.TicketStatus.ON_HOLD;
import static org.atende.tickets.TicketStatus.OPEN;
import static org.atende.tickets.TicketStatus.RESOLVED;
import static org.atende.tickets.TicketStatus.WAITING_ON_CUSTOMER;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The whole transition table, pair by pair. */
class TransitionsUnitTests {

    static final Map<TicketStatus, Set<TicketStatus>> EXPECTED = Map.of(
            NEW, EnumSet.of(OPEN, WAITING_ON_CUSTOMER, ON_HOLD, RESOLVED),
            OPEN, EnumSet.of(WAITING_ON_CUSTOMER, ON_HOLD, RESOLVED),
            WAITING_ON_CUSTOMER, EnumSet.of(OPEN, ON_HOLD, RESOLVED),
            ON_HOLD, EnumSet.of(OPEN, WAITING_ON_CUSTOMER, RESOLVED),
            RESOLVED, EnumSet.of(OPEN, CLOSED),
            CLOSED, EnumSet.noneOf(TicketStatus.class));

    @Test
    void allowsExactlyTheTransitionsOfTheTable() {
        for (TicketStatus from : TicketStatus.values()) {
            for (TicketStatus to : TicketStatus.values()) {
                assertThat(Transitions.allows(from, to)).as(from + " -> " + to).isEqualTo(EXPECTED.get(from).contains(to));
            }
            assertThat(Transitions.from(from)).isEqualTo(EXPECTED.get(from));
        }
    }

    @Test
    void neverReturnsToNewAndNeverLeavesClosed() {
        for (TicketStatus s : TicketStatus.values()) {
            assertThat(Transitions.allows(s, NEW)).isFalse();
            assertThat(Transitions.allows(CLOSED, s)).isFalse();
        }
    }
}
