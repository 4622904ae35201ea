package org.atende.macros;

import org.jspecify.annotations.Nullable;

/**
 * One change applying a macro makes: {@code field} is {@code status}, {@code priority}, {@code type}, {@code tags},
 * {@code team} or {@code assignee}; the values are as the ticket API writes them (enum names, comma-separated
 * tags, user and team ids), null for none.
 */
public record MacroChange(String field, @Nullable String before, @Nullable String after) {
}
