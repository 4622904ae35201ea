package org.atende.routing;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A rule as an admin writes it; {@link RoutingRules} checks every part and names each problem. Lists left out or
 * empty mean "any"; channels, types, languages and priorities are their names ({@code EMAIL}, {@code TECHNICAL_SERVICE},
 * {@code ES}, {@code HIGH}; case aside). {@code position} left out puts a new rule last and keeps a rule's place.
 */
public record RoutingRuleDraft(@Nullable String name, @Nullable Boolean active, @Nullable Integer position,
        @Nullable Conditions conditions, @Nullable Action action) {

    public record Conditions(@Nullable List<String> channels, @Nullable Long organisationId, @Nullable Long planId,
            @Nullable List<String> types, @Nullable List<String> categories, @Nullable List<String> languages,
            @Nullable List<String> priorities, @Nullable List<String> tags, @Nullable List<String> words) {
    }

    public record Action(@Nullable Long teamId, @Nullable String method) {
    }
}
