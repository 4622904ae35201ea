package org.atende.sla;

import java.time.Duration;
import java.time.Instant;

import org.atende.calendar.BusinessCalendar;
import org.atende.calendar.CalendarJsonReader;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The engine's operations as the business-time command answers them: {@code op} with {@code at},
 * {@code seconds}, {@code days}, {@code from}, {@code to}; a result that is a boolean, a UTC instant
 * at whole seconds, or a number of seconds. Refusals are {@link IllegalArgumentException}s whose
 * message is the command's.
 */
final class CalendarOperations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CalendarOperations() {
    }

    static JsonNode answer(BusinessCalendar cal, JsonNode request) {
        String op = text(request.get("op"), "op");
        return switch (op) {
            case "isOpen" -> NODES.booleanNode(cal.isOpen(at(request)));
            case "nextOpen" -> instant(cal.nextOpen(at(request)));
            case "add" -> instant(cal.add(at(request), Duration.ofSeconds(nonNegative(request.get("seconds"), "seconds"))));
            case "subtract" -> instant(cal.subtract(at(request), Duration.ofSeconds(nonNegative(request.get("seconds"), "seconds"))));
            case "addDays" -> instant(cal.addDays(at(request), days(request)));
            case "subtractDays" -> instant(cal.subtractDays(at(request), days(request)));
            case "elapsed" -> NODES.numberNode(cal.elapsed(CalendarJsonReader.instant(request.get("from"), "from"),
                    CalendarJsonReader.instant(request.get("to"), "to")).getSeconds());
            default -> throw new IllegalArgumentException("unknown op '" + op
                    + "': expected isOpen, nextOpen, add, subtract, addDays, subtractDays or elapsed");
        };
    }

    private static JsonNode instant(Instant t) {
        return NODES.stringNode(t.toString());
    }

    private static Instant at(JsonNode request) {
        return CalendarJsonReader.instant(request.get("at"), "at");
    }

    private static int days(JsonNode request) {
        long days = nonNegative(request.get("days"), "days");
        if (days > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("\"days\" is too large: " + days);
        }
        return (int) days;
    }

    private static long nonNegative(@Nullable JsonNode node, String field) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a whole number");
        }
        long v = node.longValue();
        if (v < 0) {
            throw new IllegalArgumentException("\"" + field + "\" must not be negative: " + v);
        }
        return v;
    }

    private static String text(@Nullable JsonNode node, String field) {
        if (node == null || !node.isString()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a string");
        }
        return node.asString();
    }
}
