package org.atende.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reads a calendar in the JSON form of the {@code business-time} command ({@code zone}, {@code week},
 * optional {@code holidays}, {@code holidayRules}, {@code overrides}, {@code breaks}) into the engine.
 * The command's own reader is private to it, so this is its twin: same fields, same messages. Every
 * refusal is an {@link InvalidCalendarException} that names the field and the problem.
 */
public final class CalendarJsonReader {

    private static final Map<String, DayOfWeek> DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY,
            "sat", DayOfWeek.SATURDAY, "sun", DayOfWeek.SUNDAY);
    private static final Set<String> KEYS = Set.of("zone", "week", "holidays", "holidayRules", "overrides", "breaks");

    private CalendarJsonReader() {
    }

    public static BusinessCalendar read(@Nullable JsonNode cal) {
        if (cal == null || !cal.isObject()) {
            throw new InvalidCalendarException("\"calendar\" must be an object with at least \"zone\" and \"week\"");
        }
        for (String key : cal.propertyNames()) {
            if (!KEYS.contains(key)) {
                throw new InvalidCalendarException("unknown calendar field \"" + key + "\"; expected one of " + KEYS);
            }
        }
        var builder = BusinessCalendar.builder(text(cal.get("zone"), "calendar.zone"));
        for (var day : object(cal.get("week"), "calendar.week").properties()) {
            DayOfWeek dow = DAYS.get(day.getKey());
            if (dow == null) {
                throw new InvalidCalendarException("unknown weekday \"" + day.getKey() + "\" in calendar.week: expected mon..sun");
            }
            for (JsonNode interval : array(day.getValue(), "calendar.week." + day.getKey())) {
                builder.open(dow, DailyInterval.parse(text(interval, "calendar.week." + day.getKey())));
            }
        }
        for (JsonNode date : optionalArray(cal.get("holidays"), "calendar.holidays")) {
            builder.holiday(date(text(date, "calendar.holidays"), "calendar.holidays"));
        }
        for (JsonNode rule : optionalArray(cal.get("holidayRules"), "calendar.holidayRules")) {
            object(rule, "calendar.holidayRules[]");
            JsonNode sub = rule.get("subdivision");
            builder.holidayRule(new HolidayRule(text(rule.get("country"), "calendar.holidayRules[].country"),
                    sub == null || sub.isNull() ? null : text(sub, "calendar.holidayRules[].subdivision")));
        }
        JsonNode overrides = cal.get("overrides");
        if (overrides != null) {
            for (var o : object(overrides, "calendar.overrides").properties()) {
                LocalDate date = date(o.getKey(), "calendar.overrides");
                builder.override(date, array(o.getValue(), "calendar.overrides." + o.getKey()).valueStream()
                        .map(i -> DailyInterval.parse(text(i, "calendar.overrides." + o.getKey()))).toList());
            }
        }
        for (JsonNode b : optionalArray(cal.get("breaks"), "calendar.breaks")) {
            object(b, "calendar.breaks[]");
            builder.addBreak(new Break(breakInstant(b.get("from"), "calendar.breaks[].from"),
                    breakInstant(b.get("to"), "calendar.breaks[].to")));
        }
        return builder.build();
    }

    /** An ISO-8601 instant ({@code 2026-11-27T17:00:00Z}, an offset accepted); refuses with an {@link IllegalArgumentException}. */
    public static Instant instant(@Nullable JsonNode node, String field) {
        if (node == null || !node.isString()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a string");
        }
        String s = node.asString();
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException("malformed instant '" + s + "' in \"" + field
                        + "\": expected e.g. 2026-11-27T17:00:00Z");
            }
        }
    }

    private static Instant breakInstant(@Nullable JsonNode node, String field) {
        try {
            return instant(node, field);
        } catch (IllegalArgumentException e) {
            throw e instanceof InvalidCalendarException ice ? ice : new InvalidCalendarException(e.getMessage());
        }
    }

    private static String text(@Nullable JsonNode node, String field) {
        if (node == null || !node.isString()) {
            throw new InvalidCalendarException("\"" + field + "\" must be a string");
        }
        return node.asString();
    }

    private static LocalDate date(String s, String field) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new InvalidCalendarException("malformed date '" + s + "' in \"" + field + "\": expected YYYY-MM-DD");
        }
    }

    private static JsonNode object(@Nullable JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw new InvalidCalendarException("\"" + field + "\" must be an object");
        }
        return node;
    }

    private static JsonNode array(@Nullable JsonNode node, String field) {
        if (node == null || !node.isArray()) {
            throw new InvalidCalendarException("\"" + field + "\" must be an array");
        }
        return node;
    }

    private static JsonNode optionalArray(@Nullable JsonNode node, String field) {
        return node == null ? JsonNodeFactory.instance.arrayNode() : array(node, field);
    }
}
