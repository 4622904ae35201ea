package org.atende.reporting;

import java.time.YearMonth;

/** Technical-service quotes of a month: how many were sent (each revision), accepted, rejected, expired, and their value. */
public record QuoteSummary(YearMonth month, long sent, long accepted, long rejected, long expired, long sentCents,
        long acceptedCents) {
}
