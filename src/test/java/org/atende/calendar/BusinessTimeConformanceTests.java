package org.atende.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.atende.calendar.cli.BusinessTimeCommand;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/** Every worked case of the contract, through the Java API and through the command-line form. */
class BusinessTimeConformanceTests {

    @TestFactory
    Stream<DynamicTest> theJavaApiAnswersEveryWorkedCase() throws IOException {
        return ConformanceCases.load().cases().stream().map(c -> DynamicTest.dynamicTest(
                c.get("request").get("id").asString(),
                () -> assertThat(viaJavaApi(c.get("request")).toString()).isEqualTo(c.get("expected").toString())));
    }

    @Test
    void theCommandAnswersEveryWorkedCaseInOrder() throws IOException {
        var cases = ConformanceCases.load().cases();
        String input = cases.stream().map(c -> c.get("request").toString()).collect(Collectors.joining("\n"));
        var out = new ByteArrayOutputStream();
        new BusinessTimeCommand().run(new StringReader(input), new PrintStream(out, true, StandardCharsets.UTF_8));
        var answers = out.toString(StandardCharsets.UTF_8).lines().map(ConformanceCases.JSON::readTree).toList();
        assertThat(answers).hasSameSizeAs(cases);
        for (int i = 0; i < cases.size(); i++) {
            JsonNode request = cases.get(i).get("request");
            assertThat(answers.get(i).get("id")).isEqualTo(request.get("id"));
            assertThat(String.valueOf(answers.get(i).get("result"))).as(request.get("id").asString())
                    .isEqualTo(cases.get(i).get("expected").toString());
        }
    }

    @Test
    void theBundledCasesAreTheSharedContract() throws IOException {
        Path shared = Path.of("..", "shared", "business-time-cases.jsonl");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(shared), "the shared contract is not beside this checkout");
        String bundled;
        try (var in = getClass().getResourceAsStream(ConformanceCases.RESOURCE)) {
            bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(bundled).isEqualTo(Files.readString(shared));
    }

    private static JsonNode viaJavaApi(JsonNode r) {
        var json = ConformanceCases.JSON;
        BusinessCalendar cal = calendarOf(r.get("calendar"));
        return switch (r.get("op").asString()) {
            case "isOpen" -> json.valueToTree(cal.isOpen(instant(r, "at")));
            case "nextOpen" -> json.valueToTree(cal.nextOpen(instant(r, "at")).toString());
            case "add" -> json.valueToTree(cal.add(instant(r, "at"), Duration.ofSeconds(r.get("seconds").longValue())).toString());
            case "subtract" -> json.valueToTree(cal.subtract(instant(r, "at"), Duration.ofSeconds(r.get("seconds").longValue())).toString());
            case "addDays" -> json.valueToTree(cal.addDays(instant(r, "at"), r.get("days").intValue()).toString());
            case "subtractDays" -> json.valueToTree(cal.subtractDays(instant(r, "at"), r.get("days").intValue()).toString());
            case "elapsed" -> json.valueToTree(cal.elapsed(instant(r, "from"), instant(r, "to")).getSeconds());
            default -> throw new IllegalArgumentException(r.get("op").asString());
        };
    }

    private static Instant instant(JsonNode r, String field) {
        return Instant.parse(r.get(field).asString());
    }

    /** Builds the calendar with the builder directly (not the command's parser), so both paths are exercised. */
    private static BusinessCalendar calendarOf(JsonNode c) {
        var b = BusinessCalendar.builder(c.get("zone").asString());
        var days = java.util.Map.of("mon", java.time.DayOfWeek.MONDAY, "tue", java.time.DayOfWeek.TUESDAY,
                "wed", java.time.DayOfWeek.WEDNESDAY, "thu", java.time.DayOfWeek.THURSDAY,
                "fri", java.time.DayOfWeek.FRIDAY, "sat", java.time.DayOfWeek.SATURDAY, "sun", java.time.DayOfWeek.SUNDAY);
        c.get("week").properties().forEach(e -> e.getValue().values().forEach(i -> b.open(days.get(e.getKey()), i.asString())));
        if (c.has("holidays")) {
            c.get("holidays").values().forEach(d -> b.holiday(java.time.LocalDate.parse(d.asString())));
        }
        if (c.has("holidayRules")) {
            c.get("holidayRules").values().forEach(h -> b.holidayRule(new HolidayRule(h.get("country").asString(),
                    h.has("subdivision") ? h.get("subdivision").asString() : null)));
        }
        if (c.has("overrides")) {
            c.get("overrides").properties().forEach(e -> b.override(java.time.LocalDate.parse(e.getKey()),
                    e.getValue().valueStream().map(i -> DailyInterval.parse(i.asString())).toList()));
        }
        if (c.has("breaks")) {
            c.get("breaks").values().forEach(x -> b.addBreak(new Break(instant(x, "from"), instant(x, "to"))));
        }
        return b.build();
    }
}
