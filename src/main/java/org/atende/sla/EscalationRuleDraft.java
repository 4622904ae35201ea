package org.atende.sla;

import org.jspecify.annotations.Nullable;

/** A rule as a lead writes it (create or replace); {@code active} defaults to true. */
public record EscalationRuleDraft(@Nullable String name, @Nullable Boolean active,
        EscalationRule.@Nullable Conditions conditions, EscalationRule.@Nullable Threshold threshold,
        EscalationRule.@Nullable Actions actions) {
}
