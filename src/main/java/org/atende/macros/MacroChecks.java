package org.atende.macros;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.atende.customers.Language;
import org.atende.identity.Identity;
import org.atende.identity.TeamId;
import org.atende.identity.UserId;
import org.springframework.stereotype.Component;

/** Every problem of a macro draft at once, each with its field and code; tags are normalised as tickets' are. */
@Component
class MacroChecks {

    static final int MAX_NAME = 120;
    static final int MAX_TEXT = 100_000;
    static final int MAX_TAG = 60;

    private final Identity identity;

    MacroChecks(Identity identity) {
        this.identity = identity;
    }

    /** The draft with its tags normalised (lower case, spaces as dashes), ready to store once {@link #problems} is empty. */
    static MacroDraft normalised(MacroDraft d) {
        MacroActions a = d.actions();
        return new MacroDraft(d.name(), d.scope(), d.scope() == MacroScope.TEAM ? d.teamId() : null, d.texts(),
                new MacroActions(a.status(), a.priority(), a.type(), tags(a.addTags()), tags(a.removeTags()), a.teamId(),
                        a.assignToSelf() ? null : a.assigneeId(), a.assignToSelf()));
    }

    List<MacroProblem> problems(MacroDraft raw) {
        List<MacroProblem> problems = new ArrayList<>();
        if (raw.name().isEmpty()) {
            problems.add(new MacroProblem("name", "name.blank", List.of(), "name must not be blank"));
        } else if (raw.name().length() > MAX_NAME) {
            problems.add(new MacroProblem("name", "name.tooLong", List.of(Integer.toString(MAX_NAME)),
                    "name is longer than " + MAX_NAME + " characters"));
        }
        if (raw.scope() == MacroScope.TEAM) {
            if (raw.teamId() == null) {
                problems.add(new MacroProblem("teamId", "team.required", List.of(), "a team macro names its team"));
            } else if (identity.team(new TeamId(raw.teamId())).isEmpty()) {
                problems.add(new MacroProblem("teamId", "team.unknown", List.of(raw.teamId().toString()),
                        "team " + raw.teamId() + " does not exist"));
            }
        }
        for (Language language : Language.values()) {
            String text = raw.texts().of(language);
            if (text == null) {
                continue;
            }
            String field = "texts." + language.name().toLowerCase(Locale.ROOT);
            String lang = language.name().toLowerCase(Locale.ROOT);
            if (text.length() > MAX_TEXT) {
                problems.add(new MacroProblem(field, "text.tooLong", List.of(lang, Integer.toString(MAX_TEXT)),
                        "the " + lang + " text is longer than " + MAX_TEXT + " characters"));
            }
            for (MacroTemplate.Fault fault : MacroTemplate.faults(text)) {
                problems.add(fault.code().equals(MacroTemplate.UNKNOWN)
                        ? new MacroProblem(field, MacroTemplate.UNKNOWN, List.of(fault.text(), lang),
                                "unknown placeholder " + fault.text() + " in the " + lang + " text; known: "
                                        + java.util.Arrays.stream(Placeholder.values()).map(Placeholder::token).toList())
                        : new MacroProblem(field, MacroTemplate.UNCLOSED, List.of(fault.text(), lang),
                                "a placeholder is not closed with }} in the " + lang + " text: " + fault.text()));
            }
        }
        actions(raw.actions(), problems);
        if (raw.texts().noText() && raw.actions().noChange()) {
            problems.add(new MacroProblem("texts", "macro.empty", List.of(), "a macro has a reply text or an action, or both"));
        }
        return problems;
    }

    private void actions(MacroActions a, List<MacroProblem> problems) {
        for (String tag : a.addTags()) {
            tag("actions.addTags", tag, problems);
        }
        for (String tag : a.removeTags()) {
            tag("actions.removeTags", tag, problems);
        }
        Set<String> both = new LinkedHashSet<>(tags(a.addTags()));
        both.retainAll(tags(a.removeTags()));
        if (!both.isEmpty()) {
            problems.add(new MacroProblem("actions.removeTags", "tags.both", List.of(String.join(", ", both)),
                    "tags both added and removed: " + String.join(", ", both)));
        }
        if (a.teamId() != null && identity.team(new TeamId(a.teamId())).isEmpty()) {
            problems.add(new MacroProblem("actions.teamId", "team.unknown", List.of(a.teamId().toString()),
                    "team " + a.teamId() + " does not exist"));
        }
        if (a.assignToSelf() && a.assigneeId() != null) {
            problems.add(new MacroProblem("actions.assigneeId", "assignee.both", List.of(),
                    "assign to a person or to whoever applies the macro, not both"));
        } else if (a.assigneeId() != null && identity.user(new UserId(a.assigneeId()))
                .filter(u -> u.active() && u.role().isStaff()).isEmpty()) {
            problems.add(new MacroProblem("actions.assigneeId", "assignee.unknown", List.of(a.assigneeId().toString()),
                    "user " + a.assigneeId() + " is not an active member of staff"));
        }
    }

    private static void tag(String field, String tag, List<MacroProblem> problems) {
        String t = normalise(tag);
        if (t.isEmpty() || t.length() > MAX_TAG || t.contains(",")) {
            problems.add(new MacroProblem(field, "tags.invalid", List.of(tag),
                    "a tag has 1 to " + MAX_TAG + " characters and no comma: '" + tag + "'"));
        }
    }

    private static Set<String> tags(Set<String> tags) {
        Set<String> out = new LinkedHashSet<>();
        tags.stream().map(MacroChecks::normalise).filter(t -> !t.isEmpty()).forEach(out::add);
        return out;
    }

    /** As tickets normalise a tag: stripped, lower case, spaces as dashes. */
    private static String normalise(String tag) {
        return tag.strip().toLowerCase(Locale.ROOT).replace(' ', '-');
    }
}
