package org.atende.reporting.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.ObjectMapper;

/**
 * What {@code static/js/reports.js} draws: a bar or line chart of named series over categories. It is
 * written into the page as a JSON data block ({@code <script type="application/json">}); the
 * Content-Security-Policy allows that, since nothing in it runs.
 */
final class ChartData {

    private final String type;
    private final String unit;
    private final List<String> categories = new ArrayList<>();
    private final Map<String, List<@Nullable Number>> series = new LinkedHashMap<>();

    private ChartData(String type, String unit) {
        this.type = type;
        this.unit = unit;
    }

    static ChartData bars(String unit) {
        return new ChartData("bar", unit);
    }

    static ChartData lines(String unit) {
        return new ChartData("line", unit);
    }

    ChartData category(String name) {
        categories.add(name);
        return this;
    }

    ChartData value(String serie, @Nullable Number value) {
        series.computeIfAbsent(serie, s -> new ArrayList<>()).add(value);
        return this;
    }

    /**
     * The chart as JSON safe inside a {@code <script>} element: {@code <}, {@code >} and {@code &} (only
     * ever inside JSON strings, e.g. an organisation's name) are written as {@code \}{@code u} escapes, so
     * no name can close the element; the page writes it unescaped for that reason.
     */
    String json(ObjectMapper mapper) {
        List<Map<String, Object>> list = new ArrayList<>();
        series.forEach((name, data) -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", name);
            s.put("data", data);
            list.add(s);
        });
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("type", type);
        chart.put("unit", unit);
        chart.put("categories", categories);
        chart.put("series", list);
        return mapper.writeValueAsString(chart).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
