package org.atende.channels.email.mime;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A marker in the body of the desk's mails naming the mail's own Message-ID, {@code [ref:<base64url>]}:
 * some providers (Office 365, SES) replace the Message-ID of what they send, and a reply then refers to
 * an id the desk never wrote; the quoted marker still leads to the ticket.
 */
public final class ReferenceMarker {

    private static final Pattern MARKER = Pattern.compile("\\[ref:([A-Za-z0-9_-]{4,700})\\]");

    private ReferenceMarker() {
    }

    public static String write(String messageId) {
        return "[ref:" + Base64.getUrlEncoder().withoutPadding().encodeToString(messageId.getBytes(StandardCharsets.UTF_8)) + "]";
    }

    /** The Message-ID of the first well-formed marker in a text. */
    public static Optional<String> find(String text) {
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            try {
                String id = new String(Base64.getUrlDecoder().decode(m.group(1)), StandardCharsets.UTF_8);
                if (id.contains("@")) {
                    return Optional.of(id);
                }
            } catch (IllegalArgumentException e) {
                // not ours: keep looking
            }
        }
        return Optional.empty();
    }
}
