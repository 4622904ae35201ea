package org.atende.web.desk;

import java.util.List;
import java.util.regex.Pattern;

import org.atende.notifications.OutgoingView;
import org.atende.tickets.AttachmentView;
import org.atende.tickets.MessageView;
import org.jspecify.annotations.Nullable;

/**
 * A message of the conversation as the ticket page shows it. Bodies are plain text (an e-mail's HTML is
 * turned into text on intake; the sanitised HTML stays with the mail's record), so the page escapes them
 * like anything else. {@code quoted} is the earlier history a mail carried below the new text, folded.
 */
public record MessageRow(MessageView message, String style, String author, String text, @Nullable String quoted,
        List<AttachmentView> attachments, String at, @Nullable OutgoingView outgoing) {

    private static final Pattern QUOTE_HEADER = Pattern.compile(
            "(?m)^(>.*|On .{3,200} wrote:\\s*|El .{3,200} escribió:\\s*|Em .{3,200} escreveu:\\s*|-{2,} ?(Original Message|Mensaje original|Mensagem original) ?-{2,}.*)$");

    /** Splits a body into what was written now and the quoted history below it (null if there is none). */
    static String[] split(String body) {
        var m = QUOTE_HEADER.matcher(body);
        if (m.find() && m.start() > 0) {
            String text = body.substring(0, m.start()).strip();
            if (!text.isEmpty()) {
                return new String[] {text, body.substring(m.start()).strip()};
            }
        }
        return new String[] {body, null};
    }

    /**
     * The delivery state's word key: what the channel reported, else where the outbox has it (queued, sent,
     * failed); null for what was not sent anywhere.
     */
    public @Nullable String delivery() {
        if (message.deliveryState() != null) {
            return message.deliveryState().name().toLowerCase(java.util.Locale.ROOT);
        }
        return outgoing == null ? null : outgoing.state().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Why a delivery failed, or why the outbox is still trying. */
    public @Nullable String deliveryDetail() {
        if (message.deliveryDetail() != null) {
            return message.deliveryDetail();
        }
        return outgoing == null ? null : outgoing.lastError();
    }
}
