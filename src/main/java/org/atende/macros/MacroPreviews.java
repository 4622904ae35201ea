package org.atende.macros;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.atende.customers.Language;
import org.atende.identity.Actor;
import org.atende.problems.Problem;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketView;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What a macro sends and changes on a ticket: its text in the ticket's language (else the fallback order of
 * {@link MacroTexts#fallbackOrder}) with the placeholders filled, and each field it changes from what it is now.
 */
@Component
class MacroPreviews {

    private final PlaceholderValues values;

    MacroPreviews(PlaceholderValues values) {
        this.values = values;
    }

    /** What applying {@code macro} to the ticket as it is now sends and changes. */
    MacroPreview of(TicketView t, MacroView macro, Actor actor, Instant now) {
        Language ticketLanguage = values.languageOf(t);
        Language language = MacroTexts.fallbackOrder(ticketLanguage).stream().filter(l -> macro.texts().of(l) != null)
                .findFirst().orElse(null);
        String body = null;
        if (language != null) {
            String text = Objects.requireNonNull(macro.texts().of(language));
            if (!MacroTemplate.faults(text).isEmpty()) { // saved before a placeholder was retired: never sent raw
                throw Problem.of(HttpStatus.CONFLICT, "macro-not-applicable", "Macro cannot be applied",
                        "macro " + macro.id() + " has placeholders that cannot be filled: "
                                + MacroTemplate.faults(text).stream().map(MacroTemplate.Fault::text).toList() + "; edit the macro");
            }
            body = MacroTemplate.fill(text, values.of(t, actor, language, now));
        }
        return new MacroPreview(macro.id(), macro.name(), t.id(), ticketLanguage, language,
                language != null && language != ticketLanguage, body, changes(t, macro.actions(), actor, body != null), t.version());
    }

    /** The reply as the agent edited it, its placeholders filled in the preview's language; refused if one cannot be. */
    String edited(String body, TicketView t, Actor actor, MacroPreview preview, Instant now) {
        List<MacroTemplate.Fault> faults = MacroTemplate.faults(body);
        if (!faults.isEmpty()) {
            var refused = Problem.invalid("invalid-macro-text", "The reply has placeholders that cannot be filled",
                    faults.stream().map(f -> (f.code().equals(MacroTemplate.UNKNOWN) ? "unknown placeholder " : "unclosed placeholder ")
                            + f.text()).toList());
            refused.getBody().setProperty("placeholders", faults.stream().map(MacroTemplate.Fault::text).toList());
            throw refused;
        }
        Language language = preview.language() != null ? preview.language() : preview.ticketLanguage();
        return MacroTemplate.fill(body, values.of(t, actor, language, now));
    }

    /** What the macro changes on the ticket as it is now (a reply opens a new ticket by itself). */
    private static List<MacroChange> changes(TicketView t, MacroActions a, Actor actor, boolean replies) {
        List<MacroChange> changes = new ArrayList<>();
        TicketStatus status = a.status() != null ? a.status() : replies && t.status() == TicketStatus.NEW ? TicketStatus.OPEN : null;
        if (status != null && status != t.status()) {
            changes.add(new MacroChange("status", t.status().name(), status.name()));
        }
        if (a.priority() != null && a.priority() != t.priority()) {
            changes.add(new MacroChange("priority", t.priority().name(), a.priority().name()));
        }
        if (a.type() != null && a.type() != t.type()) {
            changes.add(new MacroChange("type", t.type().name(), a.type().name()));
        }
        Set<String> tags = new TreeSet<>(t.tags());
        tags.addAll(a.addTags());
        tags.removeAll(a.removeTags());
        if (!tags.equals(new TreeSet<>(t.tags()))) {
            changes.add(new MacroChange("tags", String.join(",", new TreeSet<>(t.tags())), String.join(",", tags)));
        }
        if (a.teamId() != null && (t.teamId() == null || t.teamId().value() != a.teamId())) {
            changes.add(new MacroChange("team", t.teamId() == null ? null : Long.toString(t.teamId().value()), a.teamId().toString()));
        }
        Long assignee = a.assignToSelf() ? Long.valueOf(actor.userId().value()) : a.assigneeId();
        if (assignee != null && (t.assigneeId() == null || t.assigneeId().value() != assignee)) {
            changes.add(new MacroChange("assignee", t.assigneeId() == null ? null : Long.toString(t.assigneeId().value()),
                    assignee.toString()));
        }
        return changes;
    }
}
