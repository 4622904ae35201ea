package org.atende.satisfaction.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.atende.satisfaction.SatisfactionFigures;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The satisfaction table as RFC 4180 CSV, like the other reports': a header row, CRLF, quoted fields where needed,
 * and a cell that a spreadsheet would run as a formula ({@code = + - @}, tab, CR first) prefixed with {@code '}.
 */
final class SatisfactionCsv {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private SatisfactionCsv() {
    }

    static String of(String groupHeader, List<SatisfactionFigures> rows) {
        StringBuilder csv = new StringBuilder();
        line(csv, List.of(groupHeader, "name", "rated", "good", "bad", "comments", "good_share"));
        for (SatisfactionFigures r : rows) {
            line(csv, List.of(r.key(), r.label(), Long.toString(r.rated()), Long.toString(r.good()), Long.toString(r.bad()),
                    Long.toString(r.comments()), r.goodShare() == null ? "" : r.goodShare().toString()));
        }
        return csv.toString();
    }

    static ResponseEntity<String> download(String name, String csv) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + ".csv").build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(csv);
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String field = fields.get(i);
            if (!field.isEmpty() && "=+-@\t\r".indexOf(field.charAt(0)) >= 0 && !field.matches("-?\\d+(\\.\\d+)?")) {
                field = "'" + field;
            }
            csv.append(field.matches("(?s).*[,\"\r\n].*") ? '"' + field.replace("\"", "\"\"") + '"' : field);
        }
        csv.append("\r\n");
    }
}
