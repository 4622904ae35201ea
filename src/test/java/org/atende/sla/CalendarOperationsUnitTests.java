package org.atende.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.atende.calendar.InvalidCalendarException;
import org.atende.calendar.cli.BusinessTimeCommand;
import org.atende.calendar.CalendarJsonReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The preview's reading of calendars and operations answers exactly like the business-time command. */
class CalendarOperationsUnitTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String WEEK = "\"week\": {\"mon\": [\"09:00-21:00\"], \"fri\": [\"09:00-21:00\"]}";

    static List<JsonNode> cases() throws IOException {
        try (InputStream in = CalendarOperationsUnitTests.class.getResourceAsStream("/business-time-cases.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
                    .map(JSON::readTree).toList();
        }
    }

    /** The preview's answer in the command's shape: {@code {"result": ...}} or {@code {"error": ...}}. */
    static String preview(JsonNode request) {
        try {
            var cal = CalendarJsonReader.read(request.get("calendar"));
            return JSON.createObjectNode().set("result", CalendarOperations.answer(cal, request)).toString();
        } catch (IllegalArgumentException e) {
            return JSON.createObjectNode().put("error", e.getMessage()).toString();
        }
    }

    static String command(String line) {
        JsonNode answer = JSON.readTree(new BusinessTimeCommand().answer(line));
        return answer.has("error") ? JSON.createObjectNode().put("error", answer.get("error").asString()).toString()
                : JSON.createObjectNode().set("result", answer.get("result")).toString();
    }

    @TestFactory
    Stream<DynamicTest> answersEveryWorkedCaseOfTheContract() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.get("request").get("id").asString(), () -> {
            JsonNode request = c.get("request");
            assertThat(preview(request)).isEqualTo("{\"result\":" + c.get("expected") + "}");
            assertThat(preview(request)).isEqualTo(command(request.toString()));
        }));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"calendar\": {\"zone\": \"Europe/Lisbon\", " + WEEK + "}, \"op\": \"multiply\", \"at\": \"2026-11-27T17:00:00Z\"}",
            "{\"calendar\": {\"zone\": \"Europe/Lisbon\", " + WEEK + "}, \"op\": \"add\", \"seconds\": 5}",
            "{\"calendar\": {\"zone\": \"Europe/Lisbon\", " + WEEK + "}, \"op\": \"add\", \"at\": \"2026-11-27T17:00:00Z\", \"seconds\": -5}",
            "{\"calendar\": {\"zone\": \"Europe/Lisbon\", " + WEEK + "}, \"op\": \"add\", \"at\": \"2026-11-27T17:00:00Z\", \"seconds\": 1.5}",
            "{\"calendar\": {\"zone\": \"Europe/Lisbon\", " + WEEK + "}, \"op\": \"addDays\", \"at\": \"yesterday\", \"days\": 1}",
            "{\"calendar\": {\"zone\": \"Europe/Lisbon\", " + WEEK + "}, \"op\": \"elapsed\", \"from\": \"2026-11-27T17:00:00Z\"}",
            "{\"calendar\": {\"zone\": \"Mars/Olympus\", " + WEEK + "}, \"op\": \"isOpen\", \"at\": \"2026-11-27T17:00:00Z\"}",
            "{\"calendar\": {\"zone\": \"UTC\", \"week\": {}}, \"op\": \"isOpen\", \"at\": \"2026-11-27T17:00:00Z\"}",
            "{\"calendar\": {\"zone\": \"UTC\", \"week\": {\"mon\": [\"09:00-13:00\", \"12:00-18:00\"]}}, \"op\": \"isOpen\", \"at\": \"2026-11-27T17:00:00Z\"}",
            "{\"calendar\": {\"zone\": \"UTC\", \"week\": {\"monday\": [\"09:00-13:00\"]}}, \"op\": \"isOpen\", \"at\": \"2026-11-27T17:00:00Z\"}",
            "{\"calendar\": {\"zone\": \"UTC\", " + WEEK + ", \"holidays\": [\"2026-13-01\"]}, \"op\": \"isOpen\", \"at\": \"2026-11-27T17:00:00Z\"}",
            "{\"calendar\": {\"zone\": \"UTC\", " + WEEK + ", \"colour\": \"red\"}, \"op\": \"isOpen\", \"at\": \"2026-11-27T17:00:00Z\"}",
            "{\"calendar\": {\"zone\": \"UTC\", " + WEEK + ", \"breaks\": [{\"from\": \"2026-11-30T11:00:00Z\", \"to\": \"2026-11-30T10:00:00Z\"}]}, \"op\": \"isOpen\", \"at\": \"2026-11-27T17:00:00Z\"}",
            "{\"calendar\": {\"zone\": \"UTC\", \"week\": {\"mon\": [\"21:00-09:00\"]}}, \"op\": \"isOpen\", \"at\": \"2026-11-27T17:00:00Z\"}",
            "{\"calendar\": \"Lisbon\", \"op\": \"isOpen\", \"at\": \"2026-11-27T17:00:00Z\"}"})
    void refusesWhatTheCommandRefusesWithTheSameMessage(String request) {
        assertThat(command(request)).contains("\"error\"");
        assertThat(preview(JSON.readTree(request))).isEqualTo(command(request));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"zone\": \"UTC\", \"week\": {}}", "{\"zone\": \"Nowhere\", \"week\": {\"mon\": [\"09:00-10:00\"]}}",
            "{\"zone\": \"UTC\", \"week\": {\"mon\": [\"09:00-10:00\"]}, \"breaks\": [{\"from\": \"soon\", \"to\": \"later\"}]}"})
    void callsEveryFaultOfTheCalendarItselfAnInvalidCalendar(String calendar) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CalendarJsonReader.read(JSON.readTree(calendar)))
                .isInstanceOf(InvalidCalendarException.class);
    }
}
