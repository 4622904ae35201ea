package org.atende.calendar.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.atende.calendar.BusinessCalendar;
import org.atende.calendar.cli.CalendarJson.BadRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code java -jar atende.jar business-time}: reads one JSON request a line on standard input and
 * writes one JSON answer a line, in order. A bad line gets an error line; the command goes on.
 */
public final class BusinessTimeCommand {

    public static final String NAME = "business-time";
    private static final int CACHED_CALENDARS = 64;

    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, BusinessCalendar> calendars = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, BusinessCalendar> eldest) {
            return size() > CACHED_CALENDARS;
        }
    };

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        new BusinessTimeCommand().run(new InputStreamReader(System.in, StandardCharsets.UTF_8), out);
        out.flush();
    }

    public void run(Reader input, PrintStream out) throws IOException {
        BufferedReader lines = new BufferedReader(input);
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (!line.isBlank()) {
                out.println(answer(line));
            }
        }
    }

    /** The answer line for one request line. */
    public String answer(String line) {
        ObjectNode response = json.createObjectNode();
        JsonNode request;
        try {
            request = json.readTree(line);
        } catch (JacksonException e) {
            response.putNull("id");
            response.put("error", "not a JSON object: " + e.getOriginalMessage());
            return json.writeValueAsString(response);
        }
        JsonNode id = request.isObject() ? request.get("id") : null;
        response.set("id", id == null ? json.nullNode() : id);
        try {
            if (!request.isObject()) {
                throw new BadRequest("a request must be a JSON object");
            }
            answer(request, response);
        } catch (BadRequest | IllegalArgumentException e) {
            response.put("error", e.getMessage());
        }
        return json.writeValueAsString(response);
    }

    private void answer(JsonNode request, ObjectNode response) {
        BusinessCalendar cal = calendar(request.get("calendar"));
        String op = CalendarJson.text(request.get("op"), "op");
        switch (op) {
            case "isOpen" -> response.put("result", cal.isOpen(at(request)));
            case "nextOpen" -> response.put("result", format(cal.nextOpen(at(request))));
            case "add" -> response.put("result", format(cal.add(at(request), seconds(request))));
            case "subtract" -> response.put("result", format(cal.subtract(at(request), seconds(request))));
            case "addDays" -> response.put("result", format(cal.addDays(at(request), days(request))));
            case "subtractDays" -> response.put("result", format(cal.subtractDays(at(request), days(request))));
            case "elapsed" -> response.put("result", cal.elapsed(CalendarJson.instant(request.get("from"), "from"),
                    CalendarJson.instant(request.get("to"), "to")).getSeconds());
            default -> throw new BadRequest("unknown op '" + op
                    + "': expected isOpen, nextOpen, add, subtract, addDays, subtractDays or elapsed");
        }
    }

    private BusinessCalendar calendar(JsonNode node) {
        if (node == null) {
            throw new BadRequest("\"calendar\" is required");
        }
        String key = node.toString();
        BusinessCalendar cal = calendars.get(key);
        if (cal == null) {
            cal = CalendarJson.calendar(node);
            calendars.put(key, cal);
        }
        return cal;
    }

    private static Instant at(JsonNode request) {
        return CalendarJson.instant(request.get("at"), "at");
    }

    private static Duration seconds(JsonNode request) {
        return Duration.ofSeconds(CalendarJson.nonNegative(request.get("seconds"), "seconds"));
    }

    private static int days(JsonNode request) {
        long days = CalendarJson.nonNegative(request.get("days"), "days");
        if (days > Integer.MAX_VALUE) {
            throw new BadRequest("\"days\" is too large: " + days);
        }
        return (int) days;
    }

    private static String format(Instant instant) {
        return instant.toString();
    }
}
