package org.atende.tickets;

import java.time.Instant;

import org.atende.customers.ContactId;
import org.atende.identity.UserId;
import org.jspecify.annotations.Nullable;

/**
 * A message as others see it. {@code deliveryState} says what became of a message sent to the customer
 * on its channel ({@code deliveryDetail}: why it failed); null when it was not sent anywhere.
 */
public record MessageView(long id, TicketId ticketId, MessageKind kind, @Nullable UserId authorUserId,
        @Nullable ContactId authorContactId, Channel channel, String body, Instant createdAt,
        @Nullable DeliveryState deliveryState, @Nullable String deliveryDetail) {
}
