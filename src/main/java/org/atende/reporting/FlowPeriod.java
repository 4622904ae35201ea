package org.atende.reporting;

import java.time.LocalDate;

/**
 * Backlog and flow over one day or ISO week (support time zone), all tickets: opened, resolved (or
 * closed unresolved) and reopened in the period; {@code waitingOnCustomer} and {@code backlog} (not
 * resolved or closed) as they stood at the end of it. {@code period} is {@code 2026-11-26} or {@code 2026-W48}.
 */
public record FlowPeriod(String period, LocalDate firstDay, LocalDate lastDay, long opened, long resolved, long reopened,
        long waitingOnCustomer, long backlog) {
}
