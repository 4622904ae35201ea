package org.atende.web.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A calendar as the form shows it: the time zone, each weekday's opening intervals
 * ({@code 09:00-13:00, 14:00-18:00}), one holiday rule a line ({@code PT}, {@code ES/MD}) and one extra
 * closed date a line. Overrides and breaks, which the form does not edit, travel unchanged in
 * {@code kept} (JSON). {@link #toJson()} writes the business-time command's form, which the sla
 * module validates.
 */
record CalendarForm(@Nullable Long id, String name, String zone, Map<String, String> week, String holidayRules,
        String holidays, String kept) {

    static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A new calendar: the desk's own hours, Lisbon, Portuguese holidays. */
    static CalendarForm blank() {
        Map<String, String> week = new LinkedHashMap<>();
        DAYS.forEach(d -> week.put(d, d.equals("sat") || d.equals("sun") ? "" : "09:00-21:00"));
        return new CalendarForm(null, "", "Europe/Lisbon", week, "PT", "", "{}");
    }

    static CalendarForm of(long id, String name, JsonNode cal) {
        Map<String, String> week = new LinkedHashMap<>();
        JsonNode w = cal.path("week");
        for (String d : DAYS) {
            List<String> intervals = new ArrayList<>();
            w.path(d).forEach(i -> intervals.add(i.asString()));
            week.put(d, String.join(", ", intervals));
        }
        List<String> rules = new ArrayList<>();
        cal.path("holidayRules").forEach(r -> rules.add(r.path("country").asString()
                + (r.path("subdivision").isString() ? "/" + r.path("subdivision").asString() : "")));
        List<String> dates = new ArrayList<>();
        cal.path("holidays").forEach(h -> dates.add(h.asString()));
        ObjectNode kept = JSON.createObjectNode();
        if (cal.has("overrides")) {
            kept.set("overrides", cal.get("overrides"));
        }
        if (cal.has("breaks")) {
            kept.set("breaks", cal.get("breaks"));
        }
        return new CalendarForm(id, name, cal.path("zone").asString(""), week, String.join("\n", rules), String.join("\n", dates),
                JSON.writeValueAsString(kept));
    }

    static CalendarForm read(@Nullable Long id, MultiValueMap<String, String> params) {
        Map<String, String> week = new LinkedHashMap<>();
        DAYS.forEach(d -> week.put(d, value(params, "week." + d)));
        String kept = value(params, "kept");
        return new CalendarForm(id, value(params, "name"), value(params, "zone").strip(), week, value(params, "holidayRules"),
                value(params, "holidays"), kept.isBlank() ? "{}" : kept);
    }

    /** The calendar in the business-time command's form; what it means is for the engine to judge. */
    JsonNode toJson() {
        ObjectNode cal = JSON.createObjectNode();
        cal.put("zone", zone);
        ObjectNode w = cal.putObject("week");
        week.forEach((day, text) -> {
            ArrayNode intervals = w.putArray(day);
            for (String i : text.split("[,;\\s]+")) {
                if (!i.isBlank()) {
                    intervals.add(i.strip());
                }
            }
        });
        ArrayNode rules = cal.putArray("holidayRules");
        for (String line : holidayRules.split("[\\r\\n,]+")) {
            if (!line.isBlank()) {
                String[] parts = line.strip().split("/", 2);
                ObjectNode rule = rules.addObject().put("country", parts[0].strip());
                if (parts.length > 1) {
                    rule.put("subdivision", parts[1].strip());
                }
            }
        }
        ArrayNode dates = cal.putArray("holidays");
        for (String line : holidays.split("[\\r\\n,\\s]+")) {
            if (!line.isBlank()) {
                dates.add(line.strip());
            }
        }
        try {
            JsonNode extra = JSON.readTree(kept);
            if (extra.has("overrides")) {
                cal.set("overrides", extra.get("overrides"));
            }
            if (extra.has("breaks")) {
                cal.set("breaks", extra.get("breaks"));
            }
        } catch (RuntimeException e) { // a tampered hidden field: the calendar goes without them
        }
        return cal;
    }

    private static String value(MultiValueMap<String, String> params, String key) {
        String v = params.getFirst(key);
        return v == null ? "" : v;
    }
}
