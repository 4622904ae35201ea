package org.atende.channels.email.mime;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A mail as the desk reads it.
 * <ul>
 * <li>Ids are without angle brackets. {@code messageId} is made from the digest of the source when the
 * mail has none ({@code messageIdSynthesized}); {@code references} are in the order written (the parent last).</li>
 * <li>{@code subject} is decoded and never null; {@code from} is null when no address in it can be read
 * (the {@code Sender} is used when there is no {@code From}); addresses are in lower case.</li>
 * <li>{@code returnPath} is as written ({@code <>} for mail that must not be answered).</li>
 * <li>{@code text} is the whole plain text (from the HTML when there is no text part, with forwarded
 * mails appended); {@code newText} the same without the quoted history; {@code html} is sanitised.</li>
 * <li>{@code dropped} notes the attachments too large to keep, by name and size.</li>
 * <li>{@code headers} are the few headers classification reads ({@link Automation#HEADERS}), lower-case
 * names, first value, decoded.</li>
 * <li>{@code automatedBecause} says why a mail is not {@code HUMAN}; {@code bounce} is set for a
 * failure report (and for a delay report, whose kind is {@code AUTOMATED}).</li>
 * <li>{@code unreadable} is set, with the reason, only for input that is not a mail at all; such a mail
 * is {@code AUTOMATED}, so it opens nothing.</li>
 * <li>{@code noAnswer} says why the desk must write nothing to the sender by itself (no acknowledgement,
 * no refusal) even when the mail is a person's: no readable sender, a no-reply address,
 * {@code X-Auto-Response-Suppress}, or {@code likelySpam} (a spam filter flagged it).</li>
 * <li>{@code fromWritten} is the {@code From} header as written (unfolded), for a person to read when no
 * address in it could be.</li>
 * </ul>
 */
public record ParsedMail(String messageId, boolean messageIdSynthesized, @Nullable String inReplyTo, List<String> references,
        String subject, @Nullable MailAddress from, @Nullable MailAddress replyTo, List<MailAddress> to, List<MailAddress> cc,
        @Nullable String returnPath, @Nullable Instant date, String text, @Nullable String html, String newText,
        List<MailAttachment> attachments, List<String> dropped, MailKind kind, @Nullable String automatedBecause,
        @Nullable Bounce bounce, Map<String, String> headers, @Nullable String unreadable, @Nullable String noAnswer,
        boolean likelySpam, @Nullable String fromWritten) {

    public ParsedMail {
        references = List.copyOf(references);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        attachments = List.copyOf(attachments);
        dropped = List.copyOf(dropped);
        headers = Map.copyOf(headers);
    }
}
