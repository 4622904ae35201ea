package org.atende.reporting;

/** How often a macro was applied in a period: its name and scope as last applied, and its uses. */
public record MacroUse(long macroId, String name, String scope, long uses) {
}
