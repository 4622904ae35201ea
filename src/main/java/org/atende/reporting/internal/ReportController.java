package org.atende.reporting.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.atende.customers.Customers;
import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.problems.Problem;
import org.atende.reporting.Breach;
import org.atende.reporting.ComplianceRow;
import org.atende.reporting.Dimension;
import org.atende.reporting.FlowPeriod;
import org.atende.reporting.MonthlyOrganisationReport;
import org.atende.reporting.QuotaUse;
import org.atende.reporting.QuoteSummary;
import org.atende.reporting.Reports;
import org.atende.reporting.web.MonthlyReportPdf;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reports under {@code /api/v1/reports}, for leads and admins; an organisation's monthly report also
 * for that organisation's customers (another organisation's is not found). Every table is JSON, or
 * CSV when asked with {@code format=csv}, a {@code .csv} path, or {@code text/csv} preferred in {@code Accept}.
 */
@RestController
class ReportController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Reports reports;
    private final MonthlyReportPdf pdf;
    private final Customers customers;

    ReportController(Reports reports, MonthlyReportPdf pdf, Customers customers) {
        this.reports = reports;
        this.pdf = pdf;
        this.customers = customers;
    }

    @GetMapping({"/api/v1/reports/compliance", "/api/v1/reports/compliance.csv"})
    ResponseEntity<?> compliance(@RequestParam(defaultValue = "MONTH") String by, @RequestParam YearMonth from,
            @RequestParam YearMonth to, @RequestParam(required = false) @Nullable Long organisationId,
            @RequestParam(required = false) @Nullable String format, @RequestHeader HttpHeaders headers,
            HttpServletRequest request, @AuthenticationPrincipal @Nullable Actor actor) {
        lead(actor);
        Dimension dimension = parse(Dimension.class, "by", by);
        List<ComplianceRow> rows = run(() -> reports.compliance(dimension, from, to, org(organisationId)));
        if (wantsCsv(format, headers, request)) {
            return csv("compliance-" + dimension.name().toLowerCase(Locale.ROOT) + "-" + from + "-" + to, ReportTables.compliance(rows));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(rows);
    }

    @GetMapping({"/api/v1/reports/quota-use", "/api/v1/reports/quota-use.csv"})
    ResponseEntity<?> quotaUse(@RequestParam YearMonth from, @RequestParam YearMonth to,
            @RequestParam(required = false) @Nullable Long organisationId, @RequestParam(required = false) @Nullable String format,
            @RequestHeader HttpHeaders headers, HttpServletRequest request, @AuthenticationPrincipal @Nullable Actor actor) {
        lead(actor);
        List<QuotaUse> rows = run(() -> reports.quotaUse(from, to, org(organisationId)));
        if (wantsCsv(format, headers, request)) {
            return csv("quota-use-" + from + "-" + to, ReportTables.quotaUse(rows));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(rows);
    }

    @GetMapping({"/api/v1/reports/quotes", "/api/v1/reports/quotes.csv"})
    ResponseEntity<?> quotes(@RequestParam YearMonth from, @RequestParam YearMonth to,
            @RequestParam(required = false) @Nullable Long organisationId, @RequestParam(required = false) @Nullable String format,
            @RequestHeader HttpHeaders headers, HttpServletRequest request, @AuthenticationPrincipal @Nullable Actor actor) {
        lead(actor);
        List<QuoteSummary> rows = run(() -> reports.quotes(from, to, org(organisationId)));
        if (wantsCsv(format, headers, request)) {
            return csv("quotes-" + from + "-" + to, ReportTables.quotes(rows));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(rows);
    }

    @GetMapping({"/api/v1/reports/flow", "/api/v1/reports/flow.csv"})
    ResponseEntity<?> flow(@RequestParam LocalDate from, @RequestParam LocalDate to, @RequestParam(defaultValue = "day") String per,
            @RequestParam(required = false) @Nullable Long organisationId, @RequestParam(required = false) @Nullable String format,
            @RequestHeader HttpHeaders headers, HttpServletRequest request, @AuthenticationPrincipal @Nullable Actor actor) {
        lead(actor);
        boolean weekly = switch (per.strip().toLowerCase(Locale.ROOT)) {
            case "day" -> false;
            case "week" -> true;
            default -> throw Problem.badRequest("per must be day or week");
        };
        List<FlowPeriod> rows = run(() -> weekly ? reports.flowByWeek(from, to, org(organisationId))
                : reports.flowByDay(from, to, org(organisationId)));
        if (wantsCsv(format, headers, request)) {
            return csv("flow-" + per + "-" + from + "-" + to, ReportTables.flow(rows));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(rows);
    }

    @GetMapping({"/api/v1/reports/breaches", "/api/v1/reports/breaches.csv"})
    ResponseEntity<?> breaches(@RequestParam YearMonth from, @RequestParam YearMonth to,
            @RequestParam(required = false) @Nullable Long organisationId, @RequestParam(defaultValue = "1000") int limit,
            @RequestParam(required = false) @Nullable String format, @RequestHeader HttpHeaders headers,
            HttpServletRequest request, @AuthenticationPrincipal @Nullable Actor actor) {
        lead(actor);
        if (limit < 1 || limit > 10_000) {
            throw Problem.badRequest("limit must be between 1 and 10000");
        }
        List<Breach> rows = run(() -> reports.breaches(from, to, org(organisationId), limit));
        if (wantsCsv(format, headers, request)) {
            return csv("breaches-" + from + "-" + to, ReportTables.breaches(rows));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(rows);
    }

    /** The monthly report of one organisation; its CSV is the compliance per priority, the overall row last. */
    @GetMapping({"/api/v1/reports/organisations/{organisationId}/monthly/{month}",
            "/api/v1/reports/organisations/{organisationId}/monthly/{month}.csv",
            "/api/v1/reports/organisations/{organisationId}/monthly/{month}.pdf"})
    ResponseEntity<?> monthly(@PathVariable long organisationId, @PathVariable String month,
            @RequestParam(required = false) @Nullable String format, @RequestHeader HttpHeaders headers,
            HttpServletRequest request, java.util.Locale locale, @AuthenticationPrincipal @Nullable Actor actor) {
        if (actor == null) {
            throw Problem.unauthorized();
        }
        OrganisationId organisation = new OrganisationId(organisationId);
        if (actor.role() == Role.CUSTOMER) {
            if (!organisation.equals(actor.organisationId())) {
                throw Problem.notFound("no organisation " + organisationId);
            }
        } else {
            lead(actor);
        }
        YearMonth m;
        try {
            m = YearMonth.parse(month.endsWith(".csv") || month.endsWith(".pdf") ? month.substring(0, month.length() - 4) : month);
        } catch (java.time.format.DateTimeParseException e) {
            throw Problem.badRequest("month must be like 2026-11");
        }
        MonthlyOrganisationReport report = reports.monthlyOrganisationReport(organisation, m)
                .orElseThrow(() -> Problem.notFound("no organisation " + organisationId));
        if (request.getRequestURI().endsWith(".pdf") || "pdf".equalsIgnoreCase(format)
                || headers.getAccept().stream().anyMatch(t -> t.getQualityValue() > 0 && !t.isWildcardType() && t.includes(MediaType.APPLICATION_PDF))) {
            return pdf.download(report, customers.organisation(organisation).orElseThrow().language(), reports.zone());
        }
        if (wantsCsv(format, headers, request)) {
            return csv("monthly-" + organisationId + "-" + m, ReportTables.monthly(report));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body((actor.role() == Role.CUSTOMER ? report.forCustomers() : report).wordedIn(locale));
    }

    static void lead(@Nullable Actor actor) {
        if (actor == null) {
            throw Problem.unauthorized();
        }
        if (!actor.hasAtLeast(Role.LEAD)) {
            throw Problem.forbidden("reports are for leads and admins");
        }
    }

    private static @Nullable OrganisationId org(@Nullable Long id) {
        return id == null ? null : new OrganisationId(id);
    }

    static <T> T run(Supplier<T> report) {
        try {
            return report.get();
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(e.getMessage() == null ? "invalid range" : e.getMessage());
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(name + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static ResponseEntity<String> csv(String name, ReportCsv csv) {
        return ReportTables.download(name, csv);
    }

    /** A {@code .csv} path or {@code format} decides; else the first type in {@code Accept}, by quality, that names CSV or JSON. */
    static boolean wantsCsv(@Nullable String format, HttpHeaders headers, HttpServletRequest request) {
        if (request.getRequestURI().endsWith(".csv")) {
            return true;
        }
        if (format != null) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw Problem.badRequest("format must be csv or json");
            };
        }
        for (MediaType type : headers.getAccept().stream().sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed()).toList()) {
            if (type.getQualityValue() == 0 || type.isWildcardType()) {
                continue;
            }
            if (type.includes(MediaType.APPLICATION_JSON)) {
                return false;
            }
            if (type.includes(CSV)) {
                return true;
            }
        }
        return false;
    }
}
