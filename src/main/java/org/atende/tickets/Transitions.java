package org.atende.tickets;

import static org.atende.tickets.TicketStatus.CLOSED;
import static org.atende.tickets.TicketStatus.NEW;
import static org.atende.tickets.TicketStatus.ON_HOLD;
import static org.atende.tickets.TicketStatus.OPEN;
import static org.atende.tickets.TicketStatus.RESOLVED;
import static org.atende.tickets.TicketStatus.WAITING_ON_CUSTOMER;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which status may follow which. A resolved ticket reopens to OPEN or closes; a closed ticket is
 * final (a later message starts a follow-up). Nothing returns to NEW.
 */
final class Transitions {

    private static final Map<TicketStatus, Set<TicketStatus>> ALLOWED = new EnumMap<>(Map.of(
            NEW, EnumSet.of(OPEN, WAITING_ON_CUSTOMER, ON_HOLD, RESOLVED),
            OPEN, EnumSet.of(WAITING_ON_CUSTOMER, ON_HOLD, RESOLVED),
            WAITING_ON_CUSTOMER, EnumSet.of(OPEN, ON_HOLD, RESOLVED),
            ON_HOLD, EnumSet.of(OPEN, WAITING_ON_CUSTOMER, RESOLVED),
            RESOLVED, EnumSet.of(OPEN, CLOSED),
            CLOSED, EnumSet.noneOf(TicketStatus.class)));

    private Transitions() {
    }

    static Set<TicketStatus> from(TicketStatus status) {
        return Set.copyOf(ALLOWED.get(status));
    }

    static boolean allows(TicketStatus from, TicketStatus to) {
        return ALLOWED.get(from).contains(to);
    }
}
