package org.atende.sla;

import org.jspecify.annotations.Nullable;

/**
 * A ticket's clocks read live; both are null for a ticket without clocks (opened as technical service).
 * A ticket reclassified as technical service keeps its clocks, excluded from the SLA: see {@link ClockView}.
 */
public record TicketClocks(@Nullable ClockView firstResponse, @Nullable ClockView resolution) {

    public static final TicketClocks NONE = new TicketClocks(null, null);

    public boolean hasClocks() {
        return firstResponse != null || resolution != null;
    }
}
