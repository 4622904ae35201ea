package org.atende.reporting;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.atende.customers.OrganisationId;

/**
 * One organisation's month, as its customers may read it: what was promised (plan and SLA targets per
 * priority) and what was kept (compliance per priority and overall), quota use, quotes and breaches, as
 * they stand at {@code generatedAt}. Of the month's support tickets, {@code ticketsStillOpen} are neither
 * resolved nor closed then, and {@code ticketsThatWaited} have waited on the customer at some time (now
 * included); paused time counts the pauses still running up to then.
 */
public record MonthlyOrganisationReport(OrganisationId organisationId, String organisation, YearMonth month, Instant generatedAt,
        String plan, List<Promise> promised, List<ComplianceRow> keptByPriority, ComplianceRow kept, long ticketsStillOpen,
        long ticketsThatWaited, QuotaUse quota, QuoteSummary quotes, List<Breach> breaches) {

    public MonthlyOrganisationReport {
        promised = List.copyOf(promised);
        keptByPriority = List.copyOf(keptByPriority);
        breaches = List.copyOf(breaches);
    }

    /** The report as customers read it: breaches without their causes, which hold the desk's internal notes (escalation reasons). */
    public MonthlyOrganisationReport forCustomers() {
        return new MonthlyOrganisationReport(organisationId, organisation, month, generatedAt, plan, promised, keptByPriority, kept,
                ticketsStillOpen, ticketsThatWaited, quota, quotes, breaches.stream().map(b -> b.withCauses(List.of())).toList());
    }

    /** The report with its targets also worded in the reader's language ("4 horas úteis"). */
    public MonthlyOrganisationReport wordedIn(java.util.Locale locale) {
        return new MonthlyOrganisationReport(organisationId, organisation, month, generatedAt, plan,
                promised.stream().map(p -> p.wordedIn(locale)).toList(), keptByPriority, kept, ticketsStillOpen,
                ticketsThatWaited, quota, quotes, breaches);
    }

    /**
     * The targets of one priority, in business time: {@code firstResponse} and {@code resolution} in the
     * API's fixed form ("4 business hours"), the {@code …Worded} twins in the reader's language
     * ("4 horas úteis", "4 horas hábiles"), as pages show them.
     */
    public record Promise(String priority, String firstResponse, String resolution, @org.jspecify.annotations.Nullable String firstResponseWorded,
            @org.jspecify.annotations.Nullable String resolutionWorded) {

        public Promise(String priority, String firstResponse, String resolution) {
            this(priority, firstResponse, resolution, null, null);
        }

        Promise wordedIn(java.util.Locale locale) {
            return new Promise(priority, firstResponse, resolution, org.atende.sla.PromiseWording.target(locale, firstResponse),
                    org.atende.sla.PromiseWording.target(locale, resolution));
        }
    }
}
