package org.atende.customers;

import java.time.YearMonth;

/** The unit a ticket holds: the month it counts for, and whether it was taken past the allowance (billable). */
public record QuotaUnit(long ticketId, YearMonth month, boolean overQuota) {
}
