package org.atende.routing.internal;

import java.util.List;
import java.util.Locale;

import org.atende.routing.RoutingRule;

/** Whether a ticket meets a rule's conditions: every condition given must hold; an empty one holds for any ticket. */
final class RuleMatcher {

    private RuleMatcher() {
    }

    static boolean matches(RoutingRule.Conditions c, TicketFacts t) {
        return anyOf(c.channels(), t.channel())
                && (c.organisationId() == null || c.organisationId() == t.organisationId())
                && (c.planId() == null || c.planId() == t.planId())
                && anyOf(c.types(), t.type())
                && (c.categories().isEmpty() || t.category() != null && c.categories().contains(t.category().toLowerCase(Locale.ROOT)))
                && anyOf(c.languages(), t.language())
                && anyOf(c.priorities(), t.priority())
                && (c.tags().isEmpty() || c.tags().stream().anyMatch(t.tags()::contains))
                && (c.words().isEmpty() || c.words().stream().anyMatch(w -> Words.appearsIn(t.text(), w)));
    }

    private static <T> boolean anyOf(List<T> wanted, T value) {
        return wanted.isEmpty() || wanted.contains(value);
    }
}
