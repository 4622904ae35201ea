package org.atende.tickets;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** What is known of an attached file; its bytes are fetched apart. */
public record AttachmentView(long id, TicketId ticketId, @Nullable Long messageId, String filename, String contentType,
        long sizeBytes, String sha256, Instant createdAt) {
}
