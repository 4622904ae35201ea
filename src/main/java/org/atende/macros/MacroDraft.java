package org.atende.macros;

import org.jspecify.annotations.Nullable;

/** A macro as written in a form or an API call: its name, scope (a team for {@code TEAM}), texts and actions. */
public record MacroDraft(String name, MacroScope scope, @Nullable Long teamId, MacroTexts texts, MacroActions actions) {

    public MacroDraft {
        name = name == null ? "" : name.strip();
        scope = scope == null ? MacroScope.PERSONAL : scope;
        texts = texts == null ? MacroTexts.NONE : texts;
        actions = actions == null ? MacroActions.NONE : actions;
    }
}
