package org.atende.channels.email.mime;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads a delivery failure. A standard report (RFC 3464) names, per recipient, an {@code Action}, a
 * {@code Status} and a diagnostic; the failed recipient is preferred to a delayed one, and delivered,
 * relayed or expanded recipients are not failures at all. Reports written only for people (Exim, qmail,
 * Postfix without DSN, old Exchange) are read as well as their usual wording allows.
 */
final class DeliveryReport {

    private static final String ADDRESS = "[^\\s<>()\\[\\]@,;:\"]+@[^\\s<>()\\[\\]@,;:\"]+\\.[A-Za-z0-9-]+";
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^message-id:\\s*<\\s*([^<>\\s]+)\\s*>");
    private static final Pattern STATUS = Pattern.compile("(?<![\\d.])([245]\\.\\d{1,3}\\.\\d{1,3})(?![\\d.])");
    private static final Pattern SMTP_CODE = Pattern.compile("(?m)(?<![\\d.])([45]\\d\\d)[ -]");
    private static final List<Pattern> RECIPIENT = List.of(
            Pattern.compile("(?im)^\\s*final-recipient:\\s*(?:rfc822\\s*;)?\\s*<?(" + ADDRESS + ")"),
            Pattern.compile("(?m)^\\s*<(" + ADDRESS + ")>:?\\s*$"), // qmail, Postfix
            Pattern.compile("(?is)(?:address(?:\\(es\\)|es)? failed|could not be delivered to|following recipients? failed"
                    + "|delivery to the following recipients? failed|delivery has failed to these recipients(?: or groups)?"
                    + "|wasn't delivered to|no se ha podido entregar a"
                    + "|não foi possível entregar a)\\W{0,40}?(" + ADDRESS + ")"));
    private static final Pattern FAILURE_SUBJECT = Pattern.compile("(?i).*(undeliver|undelivered|delivery status notification \\(failure\\)"
            + "|mail delivery failed|returned mail|delivery failure|failure notice|could not be delivered|no se puede entregar"
            + "|no se ha podido entregar|não entregue|não foi possível entregar|non remis|unzustellbar).*");

    private DeliveryReport() {
    }

    /** The fields of a {@code message/delivery-status} part; null when no recipient failed nor was delayed. */
    static @Nullable Bounce fromStatus(String fields, @Nullable String originalMessageId) {
        String unfolded = fields.replace("\r\n", "\n").replaceAll("\n[ \t]+", " ");
        Map<String, String> failed = null;
        Map<String, String> delayed = null;
        for (String block : unfolded.split("\n\\s*\n")) {
            Map<String, String> f = fieldsOf(block);
            String action = f.getOrDefault("action", "").toLowerCase(Locale.ROOT);
            if (failed == null && (action.startsWith("failed") || action.isEmpty() && f.getOrDefault("status", "").startsWith("5"))) {
                failed = f;
            } else if (delayed == null && action.startsWith("delayed")) {
                delayed = f;
            }
        }
        Map<String, String> chosen = failed != null ? failed : delayed;
        if (chosen == null) {
            return null;
        }
        String recipient = afterType(chosen.getOrDefault("final-recipient", chosen.get("original-recipient")));
        String status = chosen.get("status") == null ? null : chosen.get("status").replaceAll("\\(.*", "").strip();
        boolean permanent = status != null ? status.startsWith("5") : failed != null;
        return new Bounce(originalMessageId, recipient == null ? null : recipient.toLowerCase(Locale.ROOT),
                failed != null ? "failed" : "delayed", status, permanent, afterType(chosen.get("diagnostic-code")));
    }

    /** A failure written for people; {@code failedRecipients} is Exim's {@code X-Failed-Recipients} header. */
    static Bounce fromText(String text, @Nullable String failedRecipients, @Nullable String originalMessageId) {
        String recipient = null;
        if (failedRecipients != null) {
            Matcher m = Pattern.compile(ADDRESS).matcher(failedRecipients);
            recipient = m.find() ? m.group() : null;
        }
        for (int i = 0; recipient == null && i < RECIPIENT.size(); i++) {
            Matcher m = RECIPIENT.get(i).matcher(text);
            recipient = m.find() ? m.group(1) : null;
        }
        Matcher status = STATUS.matcher(text);
        String code = status.find() ? status.group(1) : null;
        Matcher smtp = SMTP_CODE.matcher(text);
        String reply = smtp.find() ? smtp.group(1) : null;
        String diagnostic = null;
        for (String line : text.split("\n")) {
            if (code != null && line.contains(code) || code == null && reply != null && line.contains(reply + " ")) {
                diagnostic = line.strip().length() > 300 ? line.strip().substring(0, 300) : line.strip();
                break;
            }
        }
        boolean permanent = code != null ? code.startsWith("5") : reply == null || reply.startsWith("5");
        String original = originalMessageId != null ? originalMessageId : messageIdIn(text);
        return new Bounce(original, recipient == null ? null : recipient.toLowerCase(Locale.ROOT), "failed", code, permanent, diagnostic);
    }

    static boolean isFailureSubject(String subject) {
        return FAILURE_SUBJECT.matcher(subject).matches() && !subject.toLowerCase(Locale.ROOT).contains("delay");
    }

    /** The Message-ID in returned headers (or a quoted original): the first {@code Message-ID:} field. */
    static @Nullable String messageIdIn(String headers) {
        Matcher m = MESSAGE_ID.matcher(headers.replace("\r\n", "\n").replaceAll("\n[ \t]+", " "));
        return m.find() ? m.group(1) : null;
    }

    private static Map<String, String> fieldsOf(String block) {
        Map<String, String> fields = new HashMap<>();
        for (String line : block.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        return fields;
    }

    /** {@code rfc822; ana@example.com} → {@code ana@example.com}, {@code smtp; 550 …} → {@code 550 …}. */
    private static @Nullable String afterType(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        int semi = value.indexOf(';');
        String v = (semi >= 0 && semi < 12 ? value.substring(semi + 1) : value).strip();
        return v.startsWith("<") && v.endsWith(">") ? v.substring(1, v.length() - 1) : v;
    }
}
