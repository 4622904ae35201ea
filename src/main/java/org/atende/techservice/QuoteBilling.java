package org.atende.techservice;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.atende.customers.Customers;
import org.atende.customers.OrganisationId;
import org.atende.customers.OrganisationSummary;
import org.atende.identity.Actor;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The month's billable quotes: accepted from the month's first midnight in the support time zone up to
 * the next month's, and still accepted, done or invoiced. A quote belongs to the month it was accepted
 * in, whatever happened to it afterwards; ticket category and organisation name are read as they are now.
 */
@Component
class QuoteBilling {

    private final QuoteRepository quotes;
    private final QuoteStore store;
    private final Tickets tickets;
    private final Customers customers;
    private final SupportZone zone;

    QuoteBilling(QuoteRepository quotes, QuoteStore store, Tickets tickets, Customers customers, SupportZone zone) {
        this.quotes = quotes;
        this.store = store;
        this.tickets = tickets;
        this.customers = customers;
        this.zone = zone;
    }

    BillingReport report(YearMonth month, @Nullable OrganisationId organisation, Actor actor) {
        List<Quote> billable = quotes.findAllById(store.acceptedBetween(zone.startOf(month), zone.startOf(month.plusMonths(1)),
                organisation)).stream()
                .sorted(Comparator.comparing((Quote q) -> q.acceptedAt).thenComparing(q -> q.id)).toList();
        Map<TicketId, TicketView> ticketsSeen = new HashMap<>();
        Map<OrganisationId, String> names = new HashMap<>();
        List<BillingReport.Line> lines = billable.stream().map(q -> {
            TicketView ticket = ticketsSeen.computeIfAbsent(q.ticket(), id -> tickets.get(id, actor));
            String name = names.computeIfAbsent(q.organisation(),
                    id -> customers.organisation(id).map(OrganisationSummary::name).orElse("organisation " + id));
            return new BillingReport.Line(q.quoteId(), q.ticket(), q.ticketNumber, q.organisation(), name, ticket.category(),
                    q.description, q.estimatedHours, q.amountCents, q.state, Objects.requireNonNull(q.acceptedAt),
                    q.doneAt, q.invoiceReference);
        }).toList();
        return new BillingReport(month, zone.zone(), organisation, lines);
    }
}
