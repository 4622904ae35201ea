package org.atende.channels.email.mime;

import org.jspecify.annotations.Nullable;

/**
 * A delivery report about a mail: the mail it is about (its Message-ID, without brackets), the recipient,
 * the {@code action} ({@code failed}, or {@code delayed}: still being tried), the status ({@code 5.1.1})
 * and the server's diagnostic. {@code permanent} means the address itself is refused (status 5.x.x): a
 * failure with a 4.x.x status (given up after retries) is not permanent; a failure without status is.
 */
public record Bounce(@Nullable String originalMessageId, @Nullable String recipient, String action, @Nullable String status,
        boolean permanent, @Nullable String diagnostic) {

    public boolean failed() {
        return action.equals("failed");
    }
}
