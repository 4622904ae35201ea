package org.atende.sla;

import tools.jackson.databind.JsonNode;

/** The answer to a preview of business time: the operation's result, or why it has none. */
public sealed interface CalendarPreview {

    /** {@code result} as the business-time command writes it: a boolean, an instant, or seconds. */
    record Answer(JsonNode result) implements CalendarPreview {
    }

    /** The calendar cannot describe business time; {@code problem} names what and where. */
    record InvalidCalendar(String problem) implements CalendarPreview {
    }

    /** The operation or its arguments are wrong. */
    record InvalidRequest(String problem) implements CalendarPreview {
    }

    /** {@code calendarId} names no stored calendar. */
    record UnknownCalendar(long calendarId) implements CalendarPreview {
    }
}
