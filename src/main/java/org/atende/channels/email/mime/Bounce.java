package org.atende.channels.email.mime;

import org.jspecify.annotations.Nullable;

/**
 * A delivery failure report: the mail it is about (its Message-ID), the recipient that failed, the
 * status ({@code 5.1.1}: permanent) and the server's diagnostic.
 */
public record Bounce(@Nullable String originalMessageId, @Nullable String recipient, @Nullable String status,
        boolean permanent, @Nullable String diagnostic) {
}
