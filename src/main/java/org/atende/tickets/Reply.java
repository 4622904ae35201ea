package org.atende.tickets;

import org.jspecify.annotations.Nullable;

/** A message to add: public, or an internal note (staff only); staff may set the status with it. */
public record Reply(String body, boolean internal, @Nullable TicketStatus status, @Nullable Channel channel) {

    public static Reply publicly(String body) {
        return new Reply(body, false, null, null);
    }
}
