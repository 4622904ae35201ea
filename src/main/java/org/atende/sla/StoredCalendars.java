package org.atende.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.atende.calendar.BusinessCalendar;
import org.atende.calendar.CalendarJsonReader;
import org.atende.audit.AuditKind;
import org.atende.audit.AuditedChange;
import org.atende.sla.internal.CalendarStore;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calendars an admin stores for SLA policies and organisations, in the JSON form of the business-time
 * command, and previews of business time on them. A calendar is validated by building it: a refusal
 * names the problem. Editing a calendar changes every clock measured on it from its next reading.
 */
@Service
@Transactional
public class StoredCalendars {

    static final int MAX_NAME = 120;
    static final int MAX_DEFINITION = 100_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CalendarStore store;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    StoredCalendars(CalendarStore store, Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.clock = clock;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<StoredCalendar> list() {
        return store.list().stream().map(StoredCalendars::calendar).toList();
    }

    @Transactional(readOnly = true)
    public Optional<StoredCalendar> get(long id) {
        return store.find(id).map(StoredCalendars::calendar);
    }

    /** The engine of a stored calendar, if there is one. */
    @Transactional(readOnly = true)
    public Optional<BusinessCalendar> engine(long id) {
        return store.calendar(id);
    }

    public Outcome<StoredCalendar> create(@Nullable String name, @Nullable JsonNode calendar) {
        String problem = problem(null, name, calendar);
        if (problem != null) {
            return new Outcome.Rejected<>(List.of(problem));
        }
        Instant now = clock.instant();
        long id = store.insert(name.strip(), JSON.writeValueAsString(calendar), now);
        StoredCalendar created = get(id).orElseThrow();
        events.publishEvent(AuditedChange.created(AuditKind.CALENDAR, id, "Calendar " + created.name(), audited(created)));
        return new Outcome.Saved<>(created);
    }

    /** Replaces a calendar's name and definition; throws {@link NoSuchElementException} when there is no such calendar. */
    public Outcome<StoredCalendar> update(long id, @Nullable String name, @Nullable JsonNode calendar) {
        StoredCalendar before = get(id).orElseThrow(() -> new NoSuchElementException("no calendar " + id));
        String problem = problem(id, name, calendar);
        if (problem != null) {
            return new Outcome.Rejected<>(List.of(problem));
        }
        store.update(id, name.strip(), JSON.writeValueAsString(calendar), clock.instant());
        StoredCalendar after = get(id).orElseThrow();
        events.publishEvent(AuditedChange.changed(AuditKind.CALENDAR, id, "Calendar " + after.name(), audited(before), audited(after)));
        return new Outcome.Saved<>(after);
    }

    /** What the audit log keeps of a calendar: its name and its whole definition, as JSON. */
    private static java.util.Map<String, @Nullable Object> audited(StoredCalendar calendar) {
        return AuditedChange.fields("name", calendar.name(), "definition", JSON.writeValueAsString(calendar.calendar()));
    }

    /**
     * Answers one operation of the engine like the business-time command, on {@code request.calendar}
     * (inline) or on the stored {@code request.calendarId}.
     */
    @Transactional(readOnly = true)
    public CalendarPreview preview(JsonNode request) {
        if (!request.isObject()) {
            return new CalendarPreview.InvalidRequest("a preview must be a JSON object");
        }
        BusinessCalendar cal;
        JsonNode id = request.get("calendarId");
        try {
            if (id != null && !id.isNull()) {
                if (request.has("calendar")) {
                    return new CalendarPreview.InvalidRequest("give either \"calendar\" or \"calendarId\", not both");
                }
                if (!id.isIntegralNumber() || !id.canConvertToLong()) {
                    return new CalendarPreview.InvalidRequest("\"calendarId\" must be a whole number");
                }
                Optional<BusinessCalendar> stored = store.calendar(id.longValue());
                if (stored.isEmpty()) {
                    return new CalendarPreview.UnknownCalendar(id.longValue());
                }
                cal = stored.get();
            } else {
                cal = CalendarJsonReader.read(request.get("calendar"));
            }
        } catch (IllegalArgumentException e) { // InvalidCalendarException, or a break outside the engine's years
            return new CalendarPreview.InvalidCalendar(e.getMessage());
        }
        try {
            return new CalendarPreview.Answer(CalendarOperations.answer(cal, request));
        } catch (IllegalArgumentException e) {
            return new CalendarPreview.InvalidRequest(e.getMessage());
        }
    }

    private @Nullable String problem(@Nullable Long id, @Nullable String name, @Nullable JsonNode calendar) {
        if (name == null || name.isBlank()) {
            return "name is required";
        }
        if (name.strip().length() > MAX_NAME) {
            return "name must be at most " + MAX_NAME + " characters";
        }
        if (store.nameTaken(name.strip(), id)) {
            return "a calendar named '" + name.strip() + "' exists already";
        }
        try {
            CalendarJsonReader.read(calendar);
        } catch (IllegalArgumentException e) { // InvalidCalendarException, or a break outside the engine's years
            return e.getMessage();
        }
        return JSON.writeValueAsString(calendar).length() > MAX_DEFINITION
                ? "the calendar is too long: at most " + MAX_DEFINITION + " characters of JSON" : null;
    }

    private static StoredCalendar calendar(CalendarStore.Row row) {
        return new StoredCalendar(row.id(), row.name(), JSON.readTree(row.definition()), row.createdAt(), row.updatedAt());
    }
}
