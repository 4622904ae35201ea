package org.atende.techservice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.atende.customers.OrganisationId;
import org.atende.tickets.TicketId;
import org.jspecify.annotations.Nullable;

/**
 * The technical-service work to bill for a month: every quote accepted in that month (support time zone)
 * that is now accepted, done or invoiced, in order of acceptance, and their total. {@code zone} is the
 * time zone the month is counted in.
 */
public record BillingReport(YearMonth month, ZoneId zone, @Nullable OrganisationId organisationId, List<Line> lines) {

    public BillingReport {
        lines = List.copyOf(lines);
    }

    public long totalCents() {
        return lines.stream().mapToLong(Line::amountCents).sum();
    }

    public String totalEuros() {
        return Euros.format(totalCents());
    }

    /** One quote to bill. */
    public record Line(QuoteId quoteId, TicketId ticketId, long ticketNumber, OrganisationId organisationId,
            String organisationName, @Nullable String category, String description, BigDecimal estimatedHours,
            long amountCents, QuoteState state, Instant acceptedAt, @Nullable Instant doneAt,
            @Nullable String invoiceReference) {

        public String amountEuros() {
            return Euros.format(amountCents);
        }
    }
}
