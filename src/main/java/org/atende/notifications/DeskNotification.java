package org.atende.notifications;

import java.time.Instant;
import java.util.List;

import org.atende.tickets.TicketId;
import org.jspecify.annotations.Nullable;

/**
 * A line on a staff user's desk: its {@code kind} (SLA_WARNING, SLA_BREACHED, ESCALATION), the ticket it is
 * about, the message key and parameters it is written from, the {@code text} in the user's language, and
 * whether it was read. {@code messageId}: the message of the ticket it is about (a mention: the note), if any.
 */
public record DeskNotification(long id, String kind, @Nullable TicketId ticketId, @Nullable Long ticketNumber,
        String textKey, List<String> textParams, String text, Instant createdAt, @Nullable Instant readAt,
        @Nullable Long messageId) {
}
