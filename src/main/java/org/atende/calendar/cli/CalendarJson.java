package org.atende.calendar.cli;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

import org.atende.calendar.Break;
import org.atende.calendar.BusinessCalendar;
import org.atende.calendar.DailyInterval;
import org.atende.calendar.HolidayRule;
import tools.jackson.databind.JsonNode;

/** Reads the JSON form of a calendar and of the values in a request; every refusal says what and where. */
final class CalendarJson {

    private static final Map<String, DayOfWeek> DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY,
            "sat", DayOfWeek.SATURDAY, "sun", DayOfWeek.SUNDAY);
    private static final Set<String> KEYS = Set.of("zone", "week", "holidays", "holidayRules", "overrides", "breaks");

    private CalendarJson() {
    }

    static BusinessCalendar calendar(JsonNode cal) {
        if (!cal.isObject()) {
            throw new BadRequest("\"calendar\" must be an object with at least \"zone\" and \"week\"");
        }
        for (String key : cal.propertyNames()) {
            if (!KEYS.contains(key)) {
                throw new BadRequest("unknown calendar field \"" + key + "\"; expected one of " + KEYS);
            }
        }
        var builder = BusinessCalendar.builder(text(cal.get("zone"), "calendar.zone"));
        JsonNode week = object(cal.get("week"), "calendar.week");
        for (var day : week.properties()) {
            DayOfWeek dow = DAYS.get(day.getKey());
            if (dow == null) {
                throw new BadRequest("unknown weekday \"" + day.getKey() + "\" in calendar.week: expected mon..sun");
            }
            for (JsonNode interval : array(day.getValue(), "calendar.week." + day.getKey())) {
                builder.open(dow, DailyInterval.parse(text(interval, "calendar.week." + day.getKey())));
            }
        }
        for (JsonNode date : optionalArray(cal.get("holidays"), "calendar.holidays")) {
            builder.holiday(date(date, "calendar.holidays"));
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
            builder.addBreak(new Break(instant(b.get("from"), "calendar.breaks[].from"),
                    instant(b.get("to"), "calendar.breaks[].to")));
        }
        return builder.build();
    }

    static Instant instant(JsonNode node, String field) {
        String s = text(node, field);
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException again) {
                throw new BadRequest("malformed instant '" + s + "' in \"" + field + "\": expected e.g. 2026-11-27T17:00:00Z");
            }
        }
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

    private static LocalDate date(JsonNode node, String field) {
        return date(text(node, field), field);
    }

    private static LocalDate date(String s, String field) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new BadRequest("malformed date '" + s + "' in \"" + field + "\": expected YYYY-MM-DD");
        }
    }

    private static JsonNode object(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw new BadRequest("\"" + field + "\" must be an object");
        }
        return node;
    }

    private static JsonNode array(JsonNode node, String field) {
        if (node == null || !node.isArray()) {
            throw new BadRequest("\"" + field + "\" must be an array");
        }
        return node;
    }

    private static JsonNode optionalArray(JsonNode node, String field) {
        return node == null ? tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode() : array(node, field);
    }

    /** A request the command cannot answer; its message becomes the error line. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
