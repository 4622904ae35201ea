package org.atende.routing;

import java.time.Instant;
import java.util.List;

import org.atende.customers.Language;
import org.atende.tickets.Channel;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketType;
import org.jspecify.annotations.Nullable;

/**
 * A routing rule: when a ticket meets every condition given (an empty one is "any"), it goes to the action's team by
 * the action's method. Rules are tried by {@code position}, 1 first; the first active rule that matches wins.
 */
public record RoutingRule(long id, int position, String name, boolean active, Conditions conditions, Action action,
        Instant createdAt, Instant updatedAt) {

    /**
     * What a ticket must be: on one of {@code channels}, of the organisation, on the plan, of one of {@code types} and
     * {@code categories} (lower case), in one of {@code languages} (its requester's, else its organisation's), of one
     * of {@code priorities}, with one of {@code tags}, and with one of {@code words} (a word or phrase, accents and
     * case aside) in its subject or first message.
     */
    public record Conditions(List<Channel> channels, @Nullable Long organisationId, @Nullable Long planId,
            List<TicketType> types, List<String> categories, List<Language> languages, List<Priority> priorities,
            List<String> tags, List<String> words) {

        public Conditions {
            channels = List.copyOf(channels);
            types = List.copyOf(types);
            categories = List.copyOf(categories);
            languages = List.copyOf(languages);
            priorities = List.copyOf(priorities);
            tags = List.copyOf(tags);
            words = List.copyOf(words);
        }

        public static Conditions any() {
            return new Conditions(List.of(), null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        }

        public boolean isAny() {
            return equals(any());
        }
    }

    /** Where the ticket goes: a team, and how one of its agents is picked. */
    public record Action(long teamId, RoutingMethod method) {
    }
}
