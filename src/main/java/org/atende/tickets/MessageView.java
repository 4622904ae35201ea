package org.atende.tickets;

import java.time.Instant;

import org.atende.customers.ContactId;
import org.atende.identity.UserId;
import org.jspecify.annotations.Nullable;

/** A message as others see it. */
public record MessageView(long id, TicketId ticketId, MessageKind kind, @Nullable UserId authorUserId,
        @Nullable ContactId authorContactId, Channel channel, String body, Instant createdAt) {
}
