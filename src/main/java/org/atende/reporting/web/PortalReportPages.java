package org.atende.reporting.web;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import org.atende.customers.Customers;
import org.atende.customers.OrganisationId;
import org.atende.customers.Quotas;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.reporting.MonthlyOrganisationReport;
import org.atende.reporting.Reports;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The monthly report in the portal: a customer reads their own organisation's months, and only those.
 * The organisation is always the signed-in customer's, never one named in the address; a month that has
 * not begun answers 404, as an unknown page does.
 */
@Controller
@Transactional(readOnly = true) // Quotas, for the support month and zone, runs only inside a transaction
@RequestMapping("/portal/reports")
class PortalReportPages {

    static final int MONTHS_LISTED = 12;

    private final Reports reports;
    private final Quotas quotas;
    private final MessageSource messages;
    private final Clock clock;
    private final MonthlyReportPdf pdf;
    private final Customers customers;

    PortalReportPages(Reports reports, Quotas quotas, MessageSource messages, Clock clock, MonthlyReportPdf pdf, Customers customers) {
        this.pdf = pdf;
        this.customers = customers;
        this.reports = reports;
        this.quotas = quotas;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String months(@AuthenticationPrincipal Actor actor, Model model) {
        OrganisationId organisation = organisation(actor);
        YearMonth current = quotas.monthOf(clock.instant());
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < MONTHS_LISTED; i++) {
            months.add(current.minusMonths(i));
        }
        model.addAttribute("months", months);
        model.addAttribute("fmt", format());
        model.addAttribute("organisation", reports.monthlyOrganisationReport(organisation, current)
                .map(MonthlyOrganisationReport::organisation).orElseThrow(NoSuchElementException::new));
        return "reports/portal-months";
    }

    @GetMapping("/{month}")
    String month(@PathVariable String month, @AuthenticationPrincipal Actor actor, Model model) {
        MonthlyOrganisationReport report = report(actor, month);
        MonthlyPage.fill(model, report, format(), false);
        model.addAttribute("csvUrl", "/portal/reports/" + report.month() + ".csv");
        model.addAttribute("pdfUrl", "/portal/reports/" + report.month() + ".pdf");
        return "reports/monthly";
    }

    @GetMapping("/{month}.pdf")
    ResponseEntity<byte[]> monthPdf(@PathVariable String month, @AuthenticationPrincipal Actor actor) {
        MonthlyOrganisationReport report = report(actor, month);
        return pdf.download(report, customers.organisation(report.organisationId()).orElseThrow().language(), quotas.zone());
    }

    @GetMapping("/{month}.csv")
    ResponseEntity<String> monthCsv(@PathVariable String month, @AuthenticationPrincipal Actor actor) {
        return MonthlyPage.csv(report(actor, month));
    }

    private MonthlyOrganisationReport report(Actor actor, String month) {
        OrganisationId organisation = organisation(actor);
        YearMonth m = MonthlyPage.month(month);
        if (m.isAfter(quotas.monthOf(clock.instant()))) {
            throw new NoSuchElementException("no report for " + m + " yet");
        }
        return reports.monthlyOrganisationReport(organisation, m).orElseThrow(NoSuchElementException::new);
    }

    /** Defence in depth: the security chain lets only customers reach {@code /portal}. */
    private static OrganisationId organisation(Actor actor) {
        if (actor.role() != Role.CUSTOMER || actor.organisationId() == null) {
            throw new AccessDeniedException("The monthly report in the portal is for the organisation's customers.");
        }
        return actor.organisationId();
    }

    private ReportFormat format() {
        return new ReportFormat(messages, LocaleContextHolder.getLocale(), quotas.zone());
    }
}
