package org.atende.routing.internal;

import java.util.Set;

import org.atende.customers.Language;
import org.atende.tickets.Channel;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketType;
import org.jspecify.annotations.Nullable;

/**
 * What rules look at in a ticket: its channel, organisation and plan, type and category (lower case), language (its
 * requester's, else its organisation's), priority, tags, and its subject and first message as {@link Words} compare them.
 */
record TicketFacts(Channel channel, long organisationId, long planId, TicketType type, @Nullable String category,
        Language language, Priority priority, Set<String> tags, String text) {
}
