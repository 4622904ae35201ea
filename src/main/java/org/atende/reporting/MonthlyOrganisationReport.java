package org.atende.reporting;

import java.time.YearMonth;
import java.util.List;

import org.atende.customers.OrganisationId;

/**
 * One organisation's month, as its customers may read it: what was promised (plan and SLA targets per
 * priority) and what was kept (compliance per priority and overall), quota use, quotes and breaches.
 */
public record MonthlyOrganisationReport(OrganisationId organisationId, String organisation, YearMonth month, String plan,
        List<Promise> promised, List<ComplianceRow> keptByPriority, ComplianceRow kept, QuotaUse quota,
        QuoteSummary quotes, List<Breach> breaches) {

    public MonthlyOrganisationReport {
        promised = List.copyOf(promised);
        keptByPriority = List.copyOf(keptByPriority);
        breaches = List.copyOf(breaches);
    }

    /** The targets of one priority, in business time ("4 business hours"). */
    public record Promise(String priority, String firstResponse, String resolution) {
    }
}
