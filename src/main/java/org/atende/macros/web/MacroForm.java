package org.atende.macros.web;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.atende.macros.MacroActions;
import org.atende.macros.MacroDraft;
import org.atende.macros.MacroScope;
import org.atende.macros.MacroTexts;
import org.atende.macros.MacroView;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketType;
import org.jspecify.annotations.Nullable;

/**
 * The macro form's fields as typed: every value a string, so a refused form shows back what was written.
 * {@code assignee} is empty (leave it), {@code self} (whoever applies the macro) or a user's id.
 */
public record MacroForm(@Nullable Long id, int version, String name, String scope, String teamId, String textPt, String textEs,
        String textEn, String status, String priority, String type, String addTags, String removeTags, String actionTeam,
        String assignee) {

    static final String SELF = "self";

    public MacroForm {
        name = orEmpty(name);
        scope = scope == null || scope.isBlank() ? MacroScope.PERSONAL.name() : scope;
        teamId = orEmpty(teamId);
        textPt = orEmpty(textPt);
        textEs = orEmpty(textEs);
        textEn = orEmpty(textEn);
        status = orEmpty(status);
        priority = orEmpty(priority);
        type = orEmpty(type);
        addTags = orEmpty(addTags);
        removeTags = orEmpty(removeTags);
        actionTeam = orEmpty(actionTeam);
        assignee = orEmpty(assignee);
    }

    static MacroForm empty() {
        return new MacroForm(null, 0, "", MacroScope.PERSONAL.name(), "", "", "", "", "", "", "", "", "", "", "");
    }

    static MacroForm of(MacroView m) {
        MacroActions a = m.actions();
        return new MacroForm(m.id(), m.version(), m.name(), m.scope().name(), text(m.teamId()), orEmpty(m.texts().pt()),
                orEmpty(m.texts().es()), orEmpty(m.texts().en()), name(a.status()), name(a.priority()), name(a.type()),
                String.join(", ", a.addTags()), String.join(", ", a.removeTags()), text(a.teamId()),
                a.assignToSelf() ? SELF : text(a.assigneeId()));
    }

    MacroDraft draft() {
        MacroScope s = parse(MacroScope.class, scope);
        return new MacroDraft(name, s == null ? MacroScope.PERSONAL : s, number(teamId), new MacroTexts(textEs, textPt, textEn),
                new MacroActions(parse(TicketStatus.class, status), parse(Priority.class, priority), parse(TicketType.class, type),
                        tags(addTags), tags(removeTags), number(actionTeam), SELF.equals(assignee) ? null : number(assignee),
                        SELF.equals(assignee)));
    }

    private static Set<String> tags(String typed) {
        Set<String> tags = new LinkedHashSet<>();
        Arrays.stream(typed.split(",")).map(String::strip).filter(t -> !t.isEmpty()).forEach(tags::add);
        return tags;
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + value);
        }
    }

    private static @Nullable Long number(String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an id: " + value);
        }
    }

    private static String name(@Nullable Enum<?> e) {
        return e == null ? "" : e.name();
    }

    private static String text(@Nullable Long id) {
        return id == null ? "" : id.toString();
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
