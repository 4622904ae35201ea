package org.atende.channels.email.mime;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A mail as the desk reads it. {@code messageId} is without angle brackets; when the mail has none it is
 * made from the digest of its source ({@code messageIdSynthesized}). {@code text} is the whole plain text
 * (from the HTML when there is no text part), {@code newText} the same without the quoted history;
 * {@code html} is sanitised: no scripts, no event handlers, no remote images, only {@code cid:} and
 * {@code data:} sources. {@code dropped} notes the attachments that were too large to keep.
 */
public record ParsedMail(String messageId, boolean messageIdSynthesized, @Nullable String inReplyTo, List<String> references,
        String subject, @Nullable MailAddress from, @Nullable Instant date, String text, @Nullable String html, String newText,
        List<MailAttachment> attachments, List<String> dropped, MailKind kind, @Nullable String automatedBecause,
        @Nullable Bounce bounce) {

    public ParsedMail {
        references = List.copyOf(references);
        attachments = List.copyOf(attachments);
        dropped = List.copyOf(dropped);
    }
}
