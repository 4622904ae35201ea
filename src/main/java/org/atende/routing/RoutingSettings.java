package org.atende.routing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where a ticket no rule matches goes: the default team, by the default method. With no default team such a ticket
 * stays unrouted (no team, no assignee, nothing on its timeline).
 */
public record RoutingSettings(@Nullable Long defaultTeamId, RoutingMethod defaultMethod, @Nullable Instant updatedAt) {
}
