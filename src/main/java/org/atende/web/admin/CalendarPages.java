package org.atende.web.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

import org.atende.calendar.BusinessCalendar;
import org.atende.calendar.CalendarJsonReader;
import org.atende.identity.Actor;
import org.atende.sla.CalendarPreview;
import org.atende.sla.ClockFacts;
import org.atende.sla.ClockReader;
import org.atende.sla.Outcome;
import org.atende.sla.SlaPolicies;
import org.atende.sla.SlaPolicy;
import org.atende.sla.StoredCalendar;
import org.atende.sla.SlaTarget;
import org.atende.sla.StoredCalendars;
import org.atende.tickets.Priority;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored calendars: list, edit (an administrator saves), and a live preview of what the edits mean —
 * for a ticket received at a moment (now unless given), the first-response and resolution due times of
 * each priority under a chosen policy's targets, read as the SLA clocks read them, and the next opening.
 * The preview works on the form as it is, unsaved.
 */
@Controller
class CalendarPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StoredCalendars calendars;
    private final SlaPolicies policies;
    private final Clock clock;

    CalendarPages(StoredCalendars calendars, SlaPolicies policies, Clock clock) {
        this.calendars = calendars;
        this.policies = policies;
        this.clock = clock;
    }

    @GetMapping("/admin/calendars")
    String list(@AuthenticationPrincipal Actor actor, Model model) {
        AdminAccess.lead(actor);
        model.addAttribute("calendars", calendars.list());
        return "admin/calendars";
    }

    @GetMapping("/admin/calendars/new")
    String create(@AuthenticationPrincipal Actor actor, Model model, Locale locale) {
        AdminAccess.admin(actor);
        return form(model, CalendarForm.blank(), new FieldErrors(), null, null, locale);
    }

    @GetMapping("/admin/calendars/{id}")
    String edit(@AuthenticationPrincipal Actor actor, @PathVariable long id, Model model, Locale locale) {
        AdminAccess.lead(actor);
        StoredCalendar cal = calendars.get(id).orElseThrow(NoSuchElementException::new);
        return form(model, CalendarForm.of(cal.id(), cal.name(), cal.calendar()), new FieldErrors(), null, null, locale);
    }

    @PostMapping("/admin/calendars")
    String save(@AuthenticationPrincipal Actor actor, @RequestParam MultiValueMap<String, String> params, Model model,
            Locale locale, HttpServletResponse response) {
        AdminAccess.admin(actor);
        return save(CalendarForm.read(null, params), model, locale, response);
    }

    @PostMapping("/admin/calendars/{id}")
    String save(@AuthenticationPrincipal Actor actor, @PathVariable long id, @RequestParam MultiValueMap<String, String> params,
            Model model, Locale locale, HttpServletResponse response) {
        AdminAccess.admin(actor);
        calendars.get(id).orElseThrow(NoSuchElementException::new);
        return save(CalendarForm.read(id, params), model, locale, response);
    }

    /** The preview of the form as it stands (htmx swaps it in); nothing is saved. */
    @PostMapping("/admin/calendars/preview")
    String preview(@AuthenticationPrincipal Actor actor, @RequestParam MultiValueMap<String, String> params, Model model,
            Locale locale) {
        AdminAccess.lead(actor);
        model.addAttribute("preview", preview(CalendarForm.read(null, params), params.getFirst("policyId"),
                params.getFirst("receivedAt"), locale));
        return "admin/calendar :: preview";
    }

    private String save(CalendarForm form, Model model, Locale locale, HttpServletResponse response) {
        JsonNode json = form.toJson();
        Outcome<StoredCalendar> outcome = form.id() == null ? calendars.create(form.name(), json)
                : calendars.update(form.id(), form.name(), json);
        if (outcome instanceof Outcome.Saved<StoredCalendar>(StoredCalendar saved)) {
            return "redirect:/admin/calendars/" + saved.id() + "?saved";
        }
        FieldErrors errors = new FieldErrors();
        for (String problem : ((Outcome.Rejected<StoredCalendar>) outcome).problems()) {
            errors.add(field(problem, form), problem);
        }
        response.setStatus(400);
        return form(model, form, errors, null, null, locale);
    }

    /** Which field of the form a calendar problem is about: the one the engine names, or whose value it quotes. */
    private static String field(String problem, CalendarForm form) {
        if (problem.startsWith("name") || problem.contains("calendar named")) {
            return "name";
        }
        for (String day : CalendarForm.DAYS) {
            if (problem.contains("calendar.week." + day) || quotes(problem, form.week().get(day))) {
                return "week." + day;
            }
        }
        if (quotes(problem, form.holidays())) {
            return "holidays";
        }
        if (problem.contains("holidayRules")) {
            return "holidayRules";
        }
        if (problem.contains("calendar.holidays")) {
            return "holidays";
        }
        if (problem.contains("zone") || problem.toLowerCase(Locale.ROOT).contains("time zone")) {
            return "zone";
        }
        return "calendar";
    }

    private static boolean quotes(String problem, String typed) {
        for (String token : typed.split("[,;\\s]+")) {
            if (!token.isBlank() && problem.contains("'" + token.strip() + "'")) {
                return true;
            }
        }
        return false;
    }

    private String form(Model model, CalendarForm form, FieldErrors errors, @Nullable String policyId, @Nullable String receivedAt,
            Locale locale) {
        model.addAttribute("calendar", form);
        model.addAttribute("errors", errors);
        model.addAttribute("days", CalendarForm.DAYS);
        List<SlaPolicy> all = policies.list();
        model.addAttribute("policies", all);
        String chosen = policyId != null ? policyId : all.stream().filter(p -> form.id() != null && form.id().equals(p.calendarId()))
                .map(p -> Long.toString(p.id())).findFirst().orElse(all.isEmpty() ? "" : Long.toString(all.getFirst().id()));
        model.addAttribute("policyId", chosen);
        model.addAttribute("preview", preview(form, chosen, receivedAt, locale));
        return "admin/calendar";
    }

    /** Due times of a ticket received at {@code receivedAt} (Lisbon local time; blank: now) on the form's calendar. */
    Preview preview(CalendarForm form, @Nullable String policyId, @Nullable String receivedAt, Locale locale) {
        Instant at;
        try {
            at = receivedAt == null || receivedAt.isBlank() ? clock.instant().truncatedTo(ChronoUnit.MINUTES)
                    : LocalDateTime.parse(receivedAt).atZone(Times.LISBON).toInstant();
        } catch (DateTimeParseException e) {
            return Preview.refused("receivedAt: expected a date and time such as 2026-12-04T14:05");
        }
        JsonNode cal = form.toJson();
        var request = JSON.createObjectNode();
        request.set("calendar", cal);
        request.put("op", "nextOpen");
        request.put("at", at.toString());
        // The sla module judges the calendar (and answers the next opening) exactly as its preview endpoint does.
        CalendarPreview answer = calendars.preview(request);
        if (!(answer instanceof CalendarPreview.Answer(JsonNode result))) {
            return Preview.refused(switch (answer) {
                case CalendarPreview.InvalidCalendar(String problem) -> problem;
                case CalendarPreview.InvalidRequest(String problem) -> problem;
                default -> "the calendar cannot be read";
            });
        }
        Instant nextOpen = Instant.parse(result.asString());
        SlaPolicy policy = policyId == null || policyId.isBlank() ? null : policies.get(parse(policyId)).orElse(null);
        if (policy == null) {
            policy = policies.list().stream().findFirst().orElse(null);
        }
        BusinessCalendar engine = CalendarJsonReader.read(cal);
        ZoneId zone = engine.zone();
        List<PreviewRow> rows = new ArrayList<>();
        if (policy != null) {
            for (Priority p : Priority.values()) {
                var targets = policy.targets().get(p);
                // Read as the clocks read a fresh ticket: no pauses, not stopped.
                Instant first = ClockReader.read(engine, new ClockFacts(at, targets.firstResponse(), List.of(), null),
                        policy.warningPercent(), at).dueAt();
                Instant resolution = ClockReader.read(engine, new ClockFacts(at, targets.resolution(), List.of(), null),
                        policy.warningPercent(), at).dueAt();
                rows.add(new PreviewRow(p, targets.firstResponse(), first, targets.resolution(), resolution));
            }
        }
        return new Preview(null, at, zone, nextOpen.equals(at), nextOpen, policy == null ? null : policy.name(), rows);
    }

    private static long parse(String id) {
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** One priority's due times. */
    record PreviewRow(Priority priority, SlaTarget firstResponseTarget, Instant firstResponseDue, SlaTarget resolutionTarget,
            Instant resolutionDue) {
    }

    /** The preview, or the problem that keeps the calendar from having one. */
    record Preview(@Nullable String problem, @Nullable Instant receivedAt, @Nullable ZoneId zone, boolean openNow,
            @Nullable Instant nextOpen, @Nullable String policyName, List<PreviewRow> rows) {

        static Preview refused(String problem) {
            return new Preview(problem, null, null, false, null, null, List.of());
        }
    }
}
