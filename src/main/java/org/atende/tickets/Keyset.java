package org.atende.tickets;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Keyset paging: a page's {@code next} cursor is the sort key of its last row, and the next page starts
 * after it, so a deep page costs what the first does (an index walk from the key), not a scan of every
 * row before it. Results ranked by relevance have no stored key: their cursor is a position.
 * The cursor is opaque to callers (base64url of {@code sort|key…|id}).
 */
final class Keyset {

    static final String PRIORITY_RANK = "CASE t.priority WHEN 'URGENT' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 ELSE 3 END";

    private Keyset() {
    }

    /** The cursor after {@code last}; {@code position}: how many rows the list has given up to and with it. */
    static String after(TicketQuery.Sort sort, TicketView last, int position) {
        String key = switch (sort) {
            case DUE -> instant(last.nextDueAt()) + "|" + last.id().value();
            case CREATED, CREATED_DESC -> last.receivedAt() + "|" + last.id().value();
            case UPDATED_DESC -> last.updatedAt() + "|" + last.id().value();
            case PRIORITY -> rank(last.priority()) + "|" + instant(last.nextDueAt()) + "|" + last.id().value();
            case RELEVANCE -> Integer.toString(position);
        };
        return Base64.getUrlEncoder().withoutPadding().encodeToString((sort.name() + "|" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a relevance cursor holds. */
    static int position(String cursor) {
        String[] p = parts(cursor, TicketQuery.Sort.RELEVANCE, 2);
        return number(p[1]);
    }

    /** The condition "after the cursor" for a list in {@code sort}, its parameters appended to {@code params}. */
    static String where(TicketQuery.Sort sort, String cursor, List<Object> params) {
        return switch (sort) {
            case DUE -> {
                String[] p = parts(cursor, sort, 3);
                yield due(p[1], id(p[2]), params);
            }
            case CREATED -> ascending("t.received_at", parts(cursor, sort, 3), params, ">");
            case CREATED_DESC -> ascending("t.received_at", parts(cursor, sort, 3), params, "<");
            case UPDATED_DESC -> ascending("t.updated_at", parts(cursor, sort, 3), params, "<");
            case PRIORITY -> {
                String[] p = parts(cursor, sort, 4);
                int rank = number(p[1]);
                params.add(rank);
                params.add(rank);
                yield "(" + PRIORITY_RANK + " > ? OR (" + PRIORITY_RANK + " = ? AND " + due(p[2], id(p[3]), params) + "))";
            }
            case RELEVANCE -> throw new IllegalArgumentException("relevance pages by position");
        };
    }

    /** {@code next_due_at ASC NULLS LAST, id ASC} after (due, id). */
    private static String due(String due, long id, List<Object> params) {
        if (due.equals("-")) {
            params.add(id);
            return "(t.next_due_at IS NULL AND t.id > ?)";
        }
        Timestamp at = Timestamp.from(parseInstant(due));
        params.add(at);
        params.add(at);
        params.add(id);
        return "(t.next_due_at > ? OR (t.next_due_at = ? AND t.id > ?) OR t.next_due_at IS NULL)";
    }

    private static String ascending(String column, String[] p, List<Object> params, String op) {
        Timestamp at = Timestamp.from(parseInstant(p[1]));
        params.add(at);
        params.add(at);
        params.add(id(p[2]));
        return "(" + column + " " + op + " ? OR (" + column + " = ? AND t.id " + op + " ?))";
    }

    private static String[] parts(String cursor, TicketQuery.Sort sort, int n) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw TicketProblems.invalid("after is not a cursor this list gave");
        }
        String[] p = decoded.split("\\|");
        if (p.length != n || !p[0].equals(sort.name())) {
            throw TicketProblems.invalid("after is a cursor of another sort or list; start again without it");
        }
        return p;
    }

    private static int rank(Priority p) {
        return switch (p) {
            case URGENT -> 0;
            case HIGH -> 1;
            case MEDIUM -> 2;
            default -> 3;
        };
    }

    private static String instant(@Nullable Instant i) {
        return i == null ? "-" : i.toString();
    }

    private static Instant parseInstant(String s) {
        try {
            return Instant.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            throw TicketProblems.invalid("after is not a cursor this list gave");
        }
    }

    private static long id(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw TicketProblems.invalid("after is not a cursor this list gave");
        }
    }

    private static int number(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw TicketProblems.invalid("after is not a cursor this list gave");
        }
    }
}
