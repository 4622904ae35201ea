package org.atende.identity;

/** What other modules may know of a team. */
public record TeamSummary(TeamId id, String name, TeamKind kind) {
}
