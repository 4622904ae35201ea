package org.atende.reporting.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A report table as RFC 4180 CSV: a header row, CRLF line ends, a field with a comma, a quote or a line
 * break quoted with its quotes doubled. A cell a spreadsheet would read as a formula ({@code =},
 * {@code +}, {@code -}, {@code @}, tab or carriage return first) is prefixed with {@code '}, so that it
 * is shown, never run. The report pages' downloads use it too ({@link ReportTables}).
 */
public final class ReportCsv {

    private final StringBuilder csv = new StringBuilder();

    public ReportCsv(List<String> header) {
        row(header);
    }

    public ReportCsv row(List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            Object field = fields.get(i);
            csv.append(quoted(safe(field == null ? "" : field.toString())));
        }
        csv.append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return csv.toString();
    }

    static String quoted(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    static String safe(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }
}
