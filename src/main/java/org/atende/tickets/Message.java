package org.atende.tickets;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Transient;
import org.springframework.data.relational.core.mapping.Table;

/** One message of a ticket's conversation: its own aggregate, so a reply is one insert. */
@Table("message")
class Message {

    @Id
    @Nullable Long id;
    long ticketId;
    MessageKind kind;
    @Nullable Long authorUserId;
    @Nullable Long authorContactId;
    Channel channel;
    String body;
    Instant createdAt;
    @ReadOnlyProperty // written through Tickets.recordDelivery only
    @Nullable DeliveryState deliveryState;
    @ReadOnlyProperty
    @Nullable String deliveryDetail;
    /** Not stored: the message a ticket is opened with, whose ticket has no full-text entry yet ({@link TicketIndexing}). */
    @Transient
    boolean opensTicket;

    Message(long ticketId, MessageKind kind, @Nullable Long authorUserId, @Nullable Long authorContactId,
            Channel channel, String body, Instant createdAt) {
        this.ticketId = ticketId;
        this.kind = kind;
        this.authorUserId = authorUserId;
        this.authorContactId = authorContactId;
        this.channel = channel;
        this.body = body;
        this.createdAt = createdAt;
    }

    MessageView view() {
        return new MessageView(id == null ? 0 : id, new TicketId(ticketId), kind,
                authorUserId == null ? null : new org.atende.identity.UserId(authorUserId),
                authorContactId == null ? null : new org.atende.customers.ContactId(authorContactId),
                channel, body, createdAt, deliveryState, deliveryDetail);
    }
}
