package org.atende.sla;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.atende.identity.Actor;
import org.atende.problems.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/calendars}: stored calendars (staff read, admins write) and {@code POST /preview},
 * which answers one operation of the engine exactly like the business-time command.
 */
@RestController
@RequestMapping("/api/v1/calendars")
class StoredCalendarController {

    static final String INVALID = "invalid-calendar";

    private final StoredCalendars calendars;

    StoredCalendarController(StoredCalendars calendars) {
        this.calendars = calendars;
    }

    /** A calendar as an admin sends it: a name and the calendar in the business-time command's form. */
    record CalendarBody(@Nullable String name, @Nullable JsonNode calendar) {
    }

    @GetMapping
    List<StoredCalendar> list(@AuthenticationPrincipal @Nullable Actor actor) {
        Callers.staff(actor);
        return calendars.list();
    }

    @GetMapping("/{id}")
    StoredCalendar get(@PathVariable long id, @AuthenticationPrincipal @Nullable Actor actor) {
        Callers.staff(actor);
        return calendars.get(id).orElseThrow(() -> Problem.notFound("no calendar " + id));
    }

    @PostMapping
    ResponseEntity<StoredCalendar> create(@RequestBody CalendarBody body, @AuthenticationPrincipal @Nullable Actor actor) {
        Callers.admin(actor);
        StoredCalendar created = saved(calendars.create(body.name(), body.calendar()));
        return ResponseEntity.created(URI.create("/api/v1/calendars/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    StoredCalendar update(@PathVariable long id, @RequestBody CalendarBody body, @AuthenticationPrincipal @Nullable Actor actor) {
        Callers.admin(actor);
        if (calendars.get(id).isEmpty()) {
            throw Problem.notFound("no calendar " + id);
        }
        return saved(calendars.update(id, body.name(), body.calendar()));
    }

    /** {@code {"calendar": {...} | "calendarId": n, "op": ..., ...}} → {@code {"result": ...}}. */
    @PostMapping("/preview")
    Map<String, JsonNode> preview(@RequestBody JsonNode request, @AuthenticationPrincipal @Nullable Actor actor) {
        Callers.staff(actor);
        return switch (calendars.preview(request)) {
            case CalendarPreview.Answer(JsonNode result) -> Map.of("result", result);
            case CalendarPreview.InvalidCalendar(String problem) -> throw Problem.invalid(INVALID, "Invalid calendar", List.of(problem));
            case CalendarPreview.InvalidRequest(String problem) -> throw Problem.invalid("invalid-request", "Invalid request", List.of(problem));
            case CalendarPreview.UnknownCalendar(long id) -> throw Problem.notFound("no calendar " + id);
        };
    }

    private static StoredCalendar saved(Outcome<StoredCalendar> outcome) {
        return switch (outcome) {
            case Outcome.Saved<StoredCalendar>(StoredCalendar calendar) -> calendar;
            case Outcome.Rejected<StoredCalendar>(List<String> problems) -> throw Problem.invalid(INVALID, "Invalid calendar", problems);
        };
    }
}
