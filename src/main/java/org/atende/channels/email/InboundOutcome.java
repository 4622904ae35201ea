package org.atende.channels.email;

import org.atende.tickets.TicketId;
import org.jspecify.annotations.Nullable;

/** What became of one inbound mail. {@code DUPLICATE}: it had been read before; nothing was done again. */
record InboundOutcome(Kind kind, @Nullable TicketId ticket, @Nullable String detail) {

    enum Kind {
        TICKET_OPENED, MESSAGE_ADDED, AUTO_REPLY, BOUNCE, IGNORED, REFUSED, UNREADABLE, DUPLICATE
    }

    static InboundOutcome of(Kind kind, @Nullable TicketId ticket, @Nullable String detail) {
        return new InboundOutcome(kind, ticket, detail);
    }
}
