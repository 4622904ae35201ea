package org.atende.reporting.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

import org.atende.customers.Customers;
import org.atende.customers.OrganisationId;
import org.atende.customers.OrganisationSummary;
import org.atende.customers.Quotas;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.reporting.ComplianceRow;
import org.atende.reporting.Dimension;
import org.atende.reporting.FlowPeriod;
import org.atende.reporting.MonthlyOrganisationReport;
import org.atende.reporting.QuoteSummary;
import org.atende.reporting.Reports;
import org.atende.reporting.internal.ReportTables;
import org.jspecify.annotations.Nullable;
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
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.ObjectMapper;

/**
 * The report pages of leads and administrators: compliance by a dimension, quota use, quotes, backlog
 * and flow, breaches with their causes, and any organisation's monthly report. Every table has a CSV
 * download here, on the session (the API's CSV needs a bearer token), with the API's columns.
 */
@Controller
@Transactional(readOnly = true) // Quotas, for the support month and zone, runs only inside a transaction
@RequestMapping("/reports")
class ReportPages {

    static final int DEFAULT_MONTHS = 6;
    static final int DEFAULT_DAYS = 28;

    private final Reports reports;
    private final Customers customers;
    private final Quotas quotas;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final Clock clock;
    private final MonthlyReportPdf pdf;

    ReportPages(Reports reports, Customers customers, Quotas quotas, MessageSource messages, ObjectMapper json, Clock clock,
            MonthlyReportPdf pdf) {
        this.pdf = pdf;
        this.reports = reports;
        this.customers = customers;
        this.quotas = quotas;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    /** The months a page covers and the organisation it is narrowed to, from the query or the defaults. */
    record Period(YearMonth from, YearMonth to, @Nullable Long organisationId) {
    }

    /** The query parameters every report page takes, as written: months (days on the flow page) and an organisation. */
    record PeriodQuery(@Nullable String from, @Nullable String to, @Nullable String organisationId) {
    }

    @GetMapping
    String compliance(@RequestParam(defaultValue = "MONTH") String by, PeriodQuery query,
            @AuthenticationPrincipal Actor actor, Model model) {
        lead(actor);
        Dimension dimension = dimension(by);
        Period period = period(query);
        List<ComplianceRow> rows = reports.compliance(dimension, period.from(), period.to(), org(period));
        ReportFormat fmt = format();
        ChartData chart = dimension == Dimension.MONTH ? ChartData.lines("%") : ChartData.bars("%");
        String firstResponse = message("reports.firstResponseMet");
        String resolution = message("reports.resolutionMet");
        for (ComplianceRow r : rows) {
            chart.category(fmt.group(dimension, r))
                    .value(firstResponse, percent(r.firstResponseMetShare()))
                    .value(resolution, percent(r.resolutionMetShare()));
        }
        common(model, "compliance", period, fmt);
        model.addAttribute("by", dimension);
        model.addAttribute("dimensions", Dimension.values());
        model.addAttribute("rows", rows);
        model.addAttribute("overall", reports.complianceOverall(period.from(), period.to(), org(period)));
        model.addAttribute("chart", chart.json(json));
        return "reports/compliance";
    }

    @GetMapping("/compliance.csv")
    ResponseEntity<String> complianceCsv(@RequestParam(defaultValue = "MONTH") String by,
            PeriodQuery query, @AuthenticationPrincipal Actor actor) {
        lead(actor);
        Dimension dimension = dimension(by);
        Period p = period(query);
        return ReportTables.download("compliance-" + dimension.name().toLowerCase(Locale.ROOT) + "-" + p.from() + "-" + p.to(),
                ReportTables.compliance(reports.compliance(dimension, p.from(), p.to(), org(p))));
    }

    @GetMapping("/quotas")
    String quotaUse(PeriodQuery query, @AuthenticationPrincipal Actor actor, Model model) {
        lead(actor);
        Period period = period(query);
        common(model, "quotas", period, format());
        model.addAttribute("rows", reports.quotaUse(period.from(), period.to(), org(period)));
        return "reports/quotas";
    }

    @GetMapping("/quota-use.csv")
    ResponseEntity<String> quotaUseCsv(PeriodQuery query,
            @AuthenticationPrincipal Actor actor) {
        lead(actor);
        Period p = period(query);
        return ReportTables.download("quota-use-" + p.from() + "-" + p.to(), ReportTables.quotaUse(reports.quotaUse(p.from(), p.to(), org(p))));
    }

    @GetMapping("/quotes")
    String quotes(PeriodQuery query, @AuthenticationPrincipal Actor actor, Model model) {
        lead(actor);
        Period period = period(query);
        List<QuoteSummary> rows = reports.quotes(period.from(), period.to(), org(period));
        ChartData chart = ChartData.bars("");
        String sent = message("reports.quotes.sent");
        String accepted = message("reports.quotes.accepted");
        rows.forEach(q -> chart.category(q.month().toString()).value(sent, q.sent()).value(accepted, q.accepted()));
        common(model, "quotes", period, format());
        model.addAttribute("rows", rows);
        model.addAttribute("chart", chart.json(json));
        return "reports/quotes";
    }

    @GetMapping("/quotes.csv")
    ResponseEntity<String> quotesCsv(PeriodQuery query,
            @AuthenticationPrincipal Actor actor) {
        lead(actor);
        Period p = period(query);
        return ReportTables.download("quotes-" + p.from() + "-" + p.to(), ReportTables.quotes(reports.quotes(p.from(), p.to(), org(p))));
    }

    @GetMapping("/flow")
    String flow(PeriodQuery query, @RequestParam(defaultValue = "day") String per,
            @AuthenticationPrincipal Actor actor, Model model) {
        lead(actor);
        LocalDate[] days = days(query.from(), query.to());
        boolean weekly = weekly(per);
        Period period = new Period(YearMonth.from(days[0]), YearMonth.from(days[1]), organisation(query.organisationId()));
        List<FlowPeriod> rows = flowRows(days, weekly, period);
        ChartData chart = ChartData.lines("");
        String opened = message("reports.flow.opened");
        String resolved = message("reports.flow.resolved");
        String reopened = message("reports.flow.reopened");
        String waiting = message("reports.flow.waiting");
        rows.forEach(r -> chart.category(r.period()).value(opened, r.opened()).value(resolved, r.resolved())
                .value(reopened, r.reopened()).value(waiting, r.waitingOnCustomer()));
        common(model, "flow", period, format());
        model.addAttribute("fromDay", days[0]);
        model.addAttribute("toDay", days[1]);
        model.addAttribute("per", weekly ? "week" : "day");
        model.addAttribute("rows", rows);
        model.addAttribute("chart", chart.json(json));
        return "reports/flow";
    }

    @GetMapping("/flow.csv")
    ResponseEntity<String> flowCsv(PeriodQuery query, @RequestParam(defaultValue = "day") String per,
            @AuthenticationPrincipal Actor actor) {
        lead(actor);
        LocalDate[] days = days(query.from(), query.to());
        boolean weekly = weekly(per);
        Period period = new Period(YearMonth.from(days[0]), YearMonth.from(days[1]), organisation(query.organisationId()));
        return ReportTables.download("flow-" + (weekly ? "week" : "day") + "-" + days[0] + "-" + days[1],
                ReportTables.flow(flowRows(days, weekly, period)));
    }

    @GetMapping("/breaches")
    String breaches(PeriodQuery query, @AuthenticationPrincipal Actor actor, Model model) {
        lead(actor);
        Period period = period(query);
        common(model, "breaches", period, format());
        model.addAttribute("rows", reports.breaches(period.from(), period.to(), org(period), 1_000));
        return "reports/breaches";
    }

    @GetMapping("/breaches.csv")
    ResponseEntity<String> breachesCsv(PeriodQuery query,
            @AuthenticationPrincipal Actor actor) {
        lead(actor);
        Period p = period(query);
        return ReportTables.download("breaches-" + p.from() + "-" + p.to(), ReportTables.breaches(reports.breaches(p.from(), p.to(), org(p), 10_000)));
    }

    /** Any organisation's monthly report, as its customers read it in the portal. */
    @GetMapping("/organisations/{organisationId}/{month}")
    String monthly(@PathVariable long organisationId, @PathVariable String month, @AuthenticationPrincipal Actor actor, Model model) {
        lead(actor);
        MonthlyOrganisationReport report = reports.monthlyOrganisationReport(new OrganisationId(organisationId), MonthlyPage.month(month))
                .orElseThrow(NoSuchElementException::new);
        MonthlyPage.fill(model, report, format(), true);
        model.addAttribute("csvUrl", "/reports/organisations/" + organisationId + "/" + report.month() + ".csv");
        model.addAttribute("pdfUrl", "/reports/organisations/" + organisationId + "/" + report.month() + ".pdf");
        return "reports/monthly";
    }

    @GetMapping("/organisations/{organisationId}/{month}.pdf")
    ResponseEntity<byte[]> monthlyPdf(@PathVariable long organisationId, @PathVariable String month, @AuthenticationPrincipal Actor actor) {
        lead(actor);
        OrganisationId id = new OrganisationId(organisationId);
        MonthlyOrganisationReport report = reports.monthlyOrganisationReport(id, MonthlyPage.month(month))
                .orElseThrow(NoSuchElementException::new);
        return pdf.download(report, customers.organisation(id).orElseThrow().language(), quotas.zone());
    }

    @GetMapping("/organisations/{organisationId}/{month}.csv")
    ResponseEntity<String> monthlyCsv(@PathVariable long organisationId, @PathVariable String month, @AuthenticationPrincipal Actor actor) {
        lead(actor);
        MonthlyOrganisationReport report = reports.monthlyOrganisationReport(new OrganisationId(organisationId), MonthlyPage.month(month))
                .orElseThrow(NoSuchElementException::new);
        return MonthlyPage.csv(report);
    }

    private List<FlowPeriod> flowRows(LocalDate[] days, boolean weekly, Period period) {
        return weekly ? reports.flowByWeek(days[0], days[1], org(period)) : reports.flowByDay(days[0], days[1], org(period));
    }

    void common(Model model, String tab, Period period, ReportFormat fmt) {
        List<OrganisationSummary> organisations = new ArrayList<>(customers.organisations(0, 500));
        model.addAttribute("tab", tab);
        model.addAttribute("period", period);
        model.addAttribute("organisations", organisations);
        model.addAttribute("organisationNames", organisations.stream()
                .collect(Collectors.toMap(o -> o.id().value(), OrganisationSummary::name, (a, b) -> a)));
        model.addAttribute("fmt", fmt);
        model.addAttribute("currentMonth", currentMonth());
    }

    ReportFormat format() {
        return new ReportFormat(messages, LocaleContextHolder.getLocale(), quotas.zone());
    }

    private String message(String code) {
        return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
    }

    private YearMonth currentMonth() {
        return quotas.monthOf(clock.instant());
    }

    /** The months asked for, by default the last six up to this one. */
    Period period(PeriodQuery query) {
        String from = query.from();
        String to = query.to();
        YearMonth last = blank(to) ? currentMonth() : month("to", to);
        YearMonth first = blank(from) ? last.minusMonths(DEFAULT_MONTHS - 1) : month("from", from);
        if (last.isBefore(first) || first.plusMonths(Reports.MAX_MONTHS).isBefore(last)) {
            throw new IllegalArgumentException("The period runs forward over at most " + Reports.MAX_MONTHS + " months.");
        }
        return new Period(first, last, organisation(query.organisationId()));
    }

    private LocalDate[] days(@Nullable String from, @Nullable String to) {
        LocalDate last = blank(to) ? clock.instant().atZone(quotas.zone()).toLocalDate() : day("to", to);
        LocalDate first = blank(from) ? last.minusDays(DEFAULT_DAYS - 1) : day("from", from);
        if (last.isBefore(first) || first.plusDays(Reports.MAX_DAYS).isBefore(last)) {
            throw new IllegalArgumentException("The days run forward over at most " + Reports.MAX_DAYS + " days.");
        }
        return new LocalDate[] {first, last};
    }

    private static boolean weekly(String per) {
        return switch (per.strip().toLowerCase(Locale.ROOT)) {
            case "day" -> false;
            case "week" -> true;
            default -> throw new IllegalArgumentException("per must be day or week");
        };
    }

    private static @Nullable Long organisation(@Nullable String id) {
        if (blank(id)) {
            return null;
        }
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("organisationId must be a number");
        }
    }

    static @Nullable OrganisationId org(Period period) {
        return period.organisationId() == null ? null : new OrganisationId(period.organisationId());
    }

    private static YearMonth month(String name, String value) {
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a month like 2026-11");
        }
    }

    private static LocalDate day(String name, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a day like 2026-11-26");
        }
    }

    private static Dimension dimension(String by) {
        try {
            return Dimension.valueOf(by.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("by must be one of " + Arrays.toString(Dimension.values()));
        }
    }

    private static @Nullable Double percent(@Nullable Double share) {
        return share == null ? null : Math.round(share * 1000) / 10.0;
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    /** Defence in depth: the security chain lets only leads and administrators reach {@code /reports}. */
    static void lead(@Nullable Actor actor) {
        if (actor == null || !actor.hasAtLeast(Role.LEAD)) {
            throw new AccessDeniedException("Reports are for team leads and administrators.");
        }
    }
}
