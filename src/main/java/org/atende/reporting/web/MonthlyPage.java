package org.atende.reporting.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.atende.reporting.MonthlyOrganisationReport;
import org.atende.reporting.internal.ReportTables;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;

/** What the monthly organisation report page needs, for staff and for the organisation's customers alike. */
final class MonthlyPage {

    private MonthlyPage() {
    }

    static YearMonth month(String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("The month must be written like 2026-11.");
        }
    }

    /** {@code staff}: the breaches show their causes (internal notes such as escalation reasons), customers see only the breach. */
    static void fill(Model model, MonthlyOrganisationReport report, ReportFormat fmt, boolean staff) {
        model.addAttribute("report", report);
        model.addAttribute("fmt", fmt);
        model.addAttribute("staff", staff);
    }

    /** The compliance per priority, the overall row last, as the API's monthly CSV. */
    static ResponseEntity<String> csv(MonthlyOrganisationReport report) {
        return ReportTables.download("monthly-" + report.organisationId().value() + "-" + report.month(), ReportTables.monthly(report));
    }
}
