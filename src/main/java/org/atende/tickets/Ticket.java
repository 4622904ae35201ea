package org.atende.tickets;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** The ticket aggregate: its classification, status, ownership and tags. Its conversation is a separate aggregate. */
@Table("ticket")
class Ticket {

    @Id
    @Nullable Long id;
    long number;
    long organisationId;
    @Nullable Long requesterContactId;
    Channel channel;
    String subject;
    TicketType type;
    @Nullable String category;
    Priority priority;
    @Nullable Priority suggestedPriority;
    boolean triaged;
    TicketStatus status;
    @Nullable Long assigneeId;
    @Nullable Long teamId;
    Instant receivedAt;
    Instant updatedAt;
    @Nullable Instant resolvedAt;
    @Nullable Instant closedAt;
    boolean overQuota;
    @Nullable ClosedAs closedAs;
    @Nullable Long mergedIntoId;
    @ReadOnlyProperty // written by the sla module only: never overwritten by a save of the ticket
    @Nullable Instant nextDueAt;
    @Version
    int version;
    @MappedCollection(idColumn = "ticket_id")
    Set<TicketTag> tags = new LinkedHashSet<>();

    Ticket(long number, long organisationId, @Nullable Long requesterContactId, Channel channel, String subject,
            TicketType type, @Nullable String category, Priority priority, @Nullable Priority suggestedPriority,
            Instant receivedAt) {
        this.number = number;
        this.organisationId = organisationId;
        this.requesterContactId = requesterContactId;
        this.channel = channel;
        this.subject = subject;
        this.type = type;
        this.category = category;
        this.priority = priority;
        this.suggestedPriority = suggestedPriority;
        this.status = TicketStatus.NEW;
        this.receivedAt = receivedAt;
        this.updatedAt = receivedAt;
    }

    TicketId ticketId() {
        return new TicketId(id == null ? 0 : id);
    }

    Set<String> tagNames() {
        Set<String> names = new TreeSet<>();
        tags.forEach(t -> names.add(t.tag()));
        return names;
    }

    void replaceTags(Set<String> names) {
        tags.clear();
        names.forEach(n -> tags.add(new TicketTag(n)));
    }

    /** Moves to {@code to} at {@code at}, keeping the resolution and closing instants in step. */
    void moveTo(TicketStatus to, Instant at) {
        if (to == TicketStatus.RESOLVED) {
            resolvedAt = at;
        } else if (to == TicketStatus.CLOSED) {
            closedAt = at;
        } else {
            resolvedAt = null;
        }
        status = to;
        updatedAt = at;
    }

    TicketView view() {
        return new TicketView(ticketId(), number, new org.atende.customers.OrganisationId(organisationId),
                requesterContactId == null ? null : new org.atende.customers.ContactId(requesterContactId),
                channel, subject, type, category, priority, suggestedPriority, triaged, status,
                assigneeId == null ? null : new org.atende.identity.UserId(assigneeId),
                teamId == null ? null : new org.atende.identity.TeamId(teamId),
                tagNames(), receivedAt, updatedAt, resolvedAt, closedAt, nextDueAt, overQuota, closedAs,
                mergedIntoId == null ? null : new TicketId(mergedIntoId), version);
    }
}
