package org.atende.reporting.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.atende.reporting.Breach;
import org.atende.reporting.ComplianceRow;
import org.atende.reporting.FlowPeriod;
import org.atende.reporting.MonthlyOrganisationReport;
import org.atende.reporting.QuotaUse;
import org.atende.reporting.QuoteSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Every report table as CSV, one column set per report, shared by the REST API and the report pages'
 * downloads so that both give the same file.
 */
public final class ReportTables {

    public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private ReportTables() {
    }

    /** The CSV as a download named {@code name.csv}. */
    public static ResponseEntity<String> download(String name, ReportCsv csv) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + ".csv").build().toString())
                .body(csv.toString());
    }

    private static final List<String> COMPLIANCE = List.of("key", "label", "tickets", "first_response_met", "first_response_breached",
            "first_response_open", "first_response_met_share", "resolution_met", "resolution_breached", "resolution_open",
            "resolution_met_share", "first_response_median_seconds", "first_response_p90_seconds",
            "resolution_median_seconds", "resolution_p90_seconds", "paused_tickets", "paused_median_seconds",
            "paused_total_seconds", "reopened");

    public static ReportCsv compliance(List<ComplianceRow> rows) {
        ReportCsv csv = new ReportCsv(COMPLIANCE);
        rows.forEach(r -> csv.row(compliance(r)));
        return csv;
    }

    /**
     * The monthly report of an organisation: compliance per priority, then the overall row, which also
     * carries the tickets still open and those that waited on the customer.
     */
    public static ReportCsv monthly(MonthlyOrganisationReport report) {
        List<String> header = new ArrayList<>(COMPLIANCE);
        header.addAll(List.of("tickets_still_open", "tickets_that_waited"));
        ReportCsv csv = new ReportCsv(header);
        report.keptByPriority().forEach(r -> {
            List<@Nullable Object> row = compliance(r);
            row.addAll(Arrays.asList(null, null));
            csv.row(row);
        });
        List<@Nullable Object> all = compliance(report.kept());
        all.addAll(List.of(report.ticketsStillOpen(), report.ticketsThatWaited()));
        return csv.row(all);
    }

    private static List<@Nullable Object> compliance(ComplianceRow r) {
        return new ArrayList<>(list(r.key(), r.label(), r.tickets(), r.firstResponseMet(), r.firstResponseBreached(),
                r.firstResponseOpen(), r.firstResponseMetShare(), r.resolutionMet(), r.resolutionBreached(), r.resolutionOpen(),
                r.resolutionMetShare(), r.firstResponseMedianSeconds(), r.firstResponseP90Seconds(), r.resolutionMedianSeconds(),
                r.resolutionP90Seconds(), r.pausedTickets(), r.pausedMedianSeconds(), r.pausedTotalSeconds(), r.reopened()));
    }

    public static ReportCsv quotaUse(List<QuotaUse> rows) {
        ReportCsv csv = new ReportCsv(List.of("organisation_id", "organisation", "month", "allowance", "used", "over_quota"));
        rows.forEach(r -> csv.row(list(r.organisationId().value(), r.organisation(), r.month(), r.allowance(), r.used(), r.overQuota())));
        return csv;
    }

    public static ReportCsv quotes(List<QuoteSummary> rows) {
        ReportCsv csv = new ReportCsv(List.of("month", "sent", "accepted", "rejected", "expired", "sent_cents", "accepted_cents"));
        rows.forEach(r -> csv.row(list(r.month(), r.sent(), r.accepted(), r.rejected(), r.expired(), r.sentCents(), r.acceptedCents())));
        return csv;
    }

    public static ReportCsv flow(List<FlowPeriod> rows) {
        ReportCsv csv = new ReportCsv(List.of("period", "first_day", "last_day", "opened", "resolved", "reopened",
                "waiting_on_customer", "backlog"));
        rows.forEach(r -> csv.row(list(r.period(), r.firstDay(), r.lastDay(), r.opened(), r.resolved(), r.reopened(),
                r.waitingOnCustomer(), r.backlog())));
        return csv;
    }

    public static ReportCsv breaches(List<Breach> rows) {
        ReportCsv csv = new ReportCsv(List.of("ticket_id", "ticket_number", "organisation_id", "priority", "clock", "due_at",
                "breached_at", "noticed_at", "causes"));
        rows.forEach(r -> csv.row(list(r.ticketId().value(), r.ticketNumber(), r.organisationId().value(), r.priority(), r.clock(),
                r.dueAt(), r.breachedAt(), r.noticedAt(), r.causes().stream().map(ReportTables::cause).collect(Collectors.joining(" | ")))));
        return csv;
    }

    private static String cause(Breach.Cause c) {
        return c.at() + " " + c.kind() + (c.from() == null && c.to() == null ? "" : " " + (c.from() == null ? "" : c.from()) + " -> "
                + (c.to() == null ? "" : c.to())) + (c.detail() == null || c.detail().isEmpty() ? "" : ": " + c.detail());
    }

    private static List<@Nullable Object> list(@Nullable Object... values) {
        return Arrays.asList(values);
    }
}
