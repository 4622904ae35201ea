package org.atende.techservice.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.atende.techservice.BillingReport;
import org.jspecify.annotations.Nullable;

/**
 * The billing report as RFC 4180 CSV: a header, one row per quote, and a {@code TOTAL} row; CRLF line
 * ends; a field with a comma, a quote or a line break is quoted, its quotes doubled. Times are ISO-8601
 * in the report's time zone (the month's boundary is there). A text that a spreadsheet would read as a
 * formula ({@code =}, {@code +}, {@code -}, {@code @} first) is prefixed with {@code '}.
 */
final class BillingCsv {

    static final List<String> HEADER = List.of("quote_id", "ticket_number", "organisation_id", "organisation_name",
            "category", "description", "estimated_hours", "amount_cents", "amount_eur", "state", "accepted_at",
            "done_at", "invoice_reference");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME; // 2026-08-01T00:30:00+01:00

    private BillingCsv() {
    }

    static String of(BillingReport report) {
        StringBuilder csv = new StringBuilder();
        row(csv, HEADER);
        ZoneId zone = report.zone();
        for (BillingReport.Line l : report.lines()) {
            row(csv, List.of(Long.toString(l.quoteId().value()), Long.toString(l.ticketNumber()),
                    Long.toString(l.organisationId().value()), text(l.organisationName()), text(l.category()),
                    text(l.description()), l.estimatedHours().toPlainString(), Long.toString(l.amountCents()),
                    l.amountEuros(), l.state().name(), time(l.acceptedAt(), zone), time(l.doneAt(), zone),
                    text(l.invoiceReference())));
        }
        row(csv, List.of("TOTAL", "", "", "", "", report.lines().size() + " quotes", "", Long.toString(report.totalCents()),
                report.totalEuros(), "", "", "", ""));
        return csv.toString();
    }

    private static void row(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quoted(fields.get(i)));
        }
        csv.append("\r\n");
    }

    static String quoted(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /** Free text as a spreadsheet will show it, never run it. */
    static String text(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }

    private static String time(@Nullable Instant instant, ZoneId zone) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }
}
