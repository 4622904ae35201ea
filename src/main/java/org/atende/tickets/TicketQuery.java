package org.atende.tickets;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.atende.customers.OrganisationId;
import org.atende.identity.TeamId;
import org.atende.identity.UserId;
import org.jspecify.annotations.Nullable;

/**
 * Filters, order and page of a ticket list. Empty sets and nulls filter nothing, except
 * {@code organisations}: when given, only those organisations' tickets (none if it is empty), and
 * {@code ids}, likewise. {@code assigned}: false for unassigned tickets only, true for assigned ones.
 * {@code tag}: one tag, or several separated by commas, every one of which the ticket carries.
 * {@code text}: the words of a full-text search (see {@link TicketSearch}). {@code after}: the cursor of
 * the previous page (its {@link TicketPage#next()}), which replaces {@code page} with a keyset read.
 */
public record TicketQuery(Set<TicketStatus> statuses, Set<Priority> priorities, @Nullable OrganisationId organisationId,
        @Nullable UserId assigneeId, @Nullable TeamId teamId, @Nullable String tag, @Nullable Channel channel,
        @Nullable TicketType type, @Nullable String text, @Nullable Boolean overQuota,
        @Nullable Set<OrganisationId> organisations, Sort sort, int page, int size, @Nullable Boolean assigned,
        @Nullable Set<TicketId> ids, @Nullable Instant receivedFrom, @Nullable Instant receivedTo, @Nullable SlaRisk sla,
        @Nullable String after) {

    public static final int MAX_SIZE = 200;

    /**
     * {@code DUE}: what breaches first, then tickets with nothing due, oldest first. {@code RELEVANCE}: best
     * match of the words first (without words, as {@code DUE}).
     */
    public enum Sort {
        DUE, CREATED, CREATED_DESC, UPDATED_DESC, PRIORITY, RELEVANCE
    }

    public TicketQuery {
        // an empty parameter (status=) arrives as a null element: it filters nothing
        statuses = statuses == null ? Set.of() : statuses.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
        priorities = priorities == null ? Set.of()
                : priorities.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
        organisations = organisations == null ? null : Set.copyOf(organisations);
        ids = ids == null ? null : Set.copyOf(ids);
        if (page < 0) {
            throw TicketProblems.invalid("page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw TicketProblems.invalid("size must be between 1 and " + MAX_SIZE);
        }
        if (receivedFrom != null && receivedTo != null && receivedTo.isBefore(receivedFrom)) {
            throw TicketProblems.invalid("receivedTo must not be before receivedFrom");
        }
    }

    public TicketQuery(Set<TicketStatus> statuses, Set<Priority> priorities, @Nullable OrganisationId organisationId,
            @Nullable UserId assigneeId, @Nullable TeamId teamId, @Nullable String tag, @Nullable Channel channel,
            @Nullable TicketType type, @Nullable String text, @Nullable Boolean overQuota,
            @Nullable Set<OrganisationId> organisations, Sort sort, int page, int size, @Nullable Boolean assigned,
            @Nullable Set<TicketId> ids) {
        this(statuses, priorities, organisationId, assigneeId, teamId, tag, channel, type, text, overQuota, organisations,
                sort, page, size, assigned, ids, null, null, null, null);
    }

    public TicketQuery(Set<TicketStatus> statuses, Set<Priority> priorities, @Nullable OrganisationId organisationId,
            @Nullable UserId assigneeId, @Nullable TeamId teamId, @Nullable String tag, @Nullable Channel channel,
            @Nullable TicketType type, @Nullable String text, @Nullable Boolean overQuota,
            @Nullable Set<OrganisationId> organisations, Sort sort, int page, int size) {
        this(statuses, priorities, organisationId, assigneeId, teamId, tag, channel, type, text, overQuota, organisations,
                sort, page, size, null, null, null, null, null, null);
    }

    public static TicketQuery firstPage() {
        return new TicketQuery(Set.of(), Set.of(), null, null, null, null, null, null, null, null, null, Sort.DUE, 0, 50);
    }

    TicketQuery forOrganisation(OrganisationId organisation) {
        return new TicketQuery(statuses, priorities, organisation, assigneeId, teamId, tag, channel, type, text, overQuota,
                organisations, sort, page, size, assigned, ids, receivedFrom, receivedTo, sla, after);
    }

    /** The same list read from a cursor (null: from the start), {@code size} at a time. */
    public TicketQuery from(@Nullable String cursor, int size) {
        return new TicketQuery(statuses, priorities, organisationId, assigneeId, teamId, tag, channel, type, text, overQuota,
                organisations, sort, 0, size, assigned, ids, receivedFrom, receivedTo, sla, cursor);
    }

    /** True when the list searches words. */
    public boolean searches() {
        return text != null && !text.isBlank();
    }
}
