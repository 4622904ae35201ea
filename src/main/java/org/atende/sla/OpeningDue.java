package org.atende.sla;

import java.time.Clock;
import java.time.Instant;

import org.atende.customers.OrganisationId;
import org.atende.tickets.OpeningDueTimes;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A new ticket's first due time, read as {@link TicketClockListener} will start its clocks (same terms, same start to
 * the second, same reading), so that the ticket's row is written with it and the clocks find nothing to change.
 */
@Component
class OpeningDue implements OpeningDueTimes {

    private final ClockTerms terms;
    private final ClockBook book;
    private final Clock clock;

    OpeningDue(ClockTerms terms, ClockBook book, Clock clock) {
        this.terms = terms;
        this.book = book;
        this.clock = clock;
    }

    @Override
    public @Nullable Instant firstDue(OrganisationId organisation, Priority priority, TicketType type, Instant receivedAt) {
        if (!type.isSupport()) {
            return null; // technical service is quoted, not measured: no clock
        }
        return book.firstDue(priority, terms.inForce(organisation), ClockBook.second(receivedAt), clock.instant());
    }
}
