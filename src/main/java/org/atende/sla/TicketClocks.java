package org.atende.sla;

import org.jspecify.annotations.Nullable;

/** A ticket's clocks read live; both are null for a ticket without clocks (technical service). */
public record TicketClocks(@Nullable ClockView firstResponse, @Nullable ClockView resolution) {

    public static final TicketClocks NONE = new TicketClocks(null, null);

    public boolean hasClocks() {
        return firstResponse != null || resolution != null;
    }
}
