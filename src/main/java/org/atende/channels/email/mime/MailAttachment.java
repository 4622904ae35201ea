package org.atende.channels.email.mime;

import org.jspecify.annotations.Nullable;

/** A file that came with a mail; {@code inline} with a {@code contentId} is an image the HTML shows ({@code cid:}). */
public record MailAttachment(String filename, String contentType, byte[] bytes, @Nullable String contentId, boolean inline) {
}
