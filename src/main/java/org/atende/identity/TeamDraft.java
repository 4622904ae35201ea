package org.atende.identity;

/** What a team is created or replaced with; names are unique. */
public record TeamDraft(String name, TeamKind kind) {
}
