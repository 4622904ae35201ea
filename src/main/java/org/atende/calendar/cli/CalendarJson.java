package org.atende.calendar.cli;

import java.time.Instant;

import org.atende.calendar.BusinessCalendar;
import org.atende.calendar.CalendarJsonReader;
import tools.jackson.databind.JsonNode;

/** Reads the values of a request; calendars and instants are read by {@link CalendarJsonReader}. */
final class CalendarJson {

    private CalendarJson() {
    }

    static BusinessCalendar calendar(JsonNode cal) {
        return CalendarJsonReader.read(cal);
    }

    static Instant instant(JsonNode node, String field) {
        return CalendarJsonReader.instant(node, field);
    }

    static long nonNegative(JsonNode node, String field) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new BadRequest("\"" + field + "\" must be a whole number");
        }
        long v = node.longValue();
        if (v < 0) {
            throw new BadRequest("\"" + field + "\" must not be negative: " + v);
        }
        return v;
    }

    static String text(JsonNode node, String field) {
        if (node == null || !node.isString()) {
            throw new BadRequest("\"" + field + "\" must be a string");
        }
        return node.asString();
    }

    /** A request the command cannot answer; its message becomes the error line. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
