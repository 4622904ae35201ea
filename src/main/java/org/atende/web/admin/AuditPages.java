package org.atende.web.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import org.atende.audit.AuditKind;
import org.atende.audit.AuditLog;
import org.atende.audit.AuditPage;
import org.atende.audit.AuditQuery;
import org.atende.identity.Actor;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log for administrators: every change of the desk's settings and every personal-data
 * operation, newest first, 50 to a page, filtered by kind, by user and by period (days in Lisbon, both
 * ends included). What changed is shown field by field, before and after.
 */
@Controller
class AuditPages {

    static final int PAGE = 50;

    private final AuditLog audit;

    AuditPages(AuditLog audit) {
        this.audit = audit;
    }

    /** The filter as typed (kept on the page and in the paging links). */
    record AuditFilter(String kind, String user, String from, String to) {
    }

    @GetMapping("/admin/audit")
    String list(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String user, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "0") int page, Model model) {
        AdminAccess.admin(actor);
        int p = Math.max(0, page);
        AuditPage entries = audit.find(new AuditQuery(kind(kind), number(user), startOf(from), startOfDayAfter(to)), p, PAGE);
        model.addAttribute("entries", entries.entries());
        model.addAttribute("page", p);
        model.addAttribute("hasNext", entries.hasNext());
        model.addAttribute("total", entries.total());
        model.addAttribute("filter", new AuditFilter(kind(kind) == null ? "" : kind, number(user) == null ? "" : user,
                startOf(from) == null ? "" : from, startOfDayAfter(to) == null ? "" : to));
        model.addAttribute("kinds", Arrays.asList(AuditKind.values()));
        model.addAttribute("actors", audit.actors());
        return "admin/audit";
    }

    static @Nullable AuditKind kind(String kind) {
        return List.of(AuditKind.values()).stream().filter(k -> k.name().equals(kind)).findFirst().orElse(null);
    }

    private static @Nullable Long number(String text) {
        try {
            return text.isBlank() ? null : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The start of a day in Lisbon ({@code 2026-11-30}); null for a blank or unreadable date. */
    static @Nullable Instant startOf(String day) {
        LocalDate date = date(day);
        return date == null ? null : date.atStartOfDay(Times.LISBON).toInstant();
    }

    /** The start of the day after, so that the period includes the whole of {@code day}. */
    static @Nullable Instant startOfDayAfter(String day) {
        LocalDate date = date(day);
        return date == null ? null : date.plusDays(1).atStartOfDay(Times.LISBON).toInstant();
    }

    private static @Nullable LocalDate date(String day) {
        try {
            LocalDate date = day.isBlank() ? null : LocalDate.parse(day.strip());
            return date == null || date.getYear() < 1970 || date.getYear() > 9999 ? null : date;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
