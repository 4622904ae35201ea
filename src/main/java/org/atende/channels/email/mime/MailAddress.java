package org.atende.channels.email.mime;

import org.jspecify.annotations.Nullable;

/** An address as written in a header: lower case, with its display name if any. */
public record MailAddress(String address, @Nullable String name) {
}
