package org.atende.channels.whatsapp;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Which Graph API failures are worth another try. Throttling and Meta's own trouble pass (HTTP 429 and
 * 5xx, and the rate-limit codes Graph sends with a 400); so does a rejected access token, which the
 * operator renews without the message being at fault. What is wrong with the message itself (a closed
 * window, a recipient not on WhatsApp, a template Meta does not know) fails the same way every time.
 */
final class GraphErrors {

    /** More than 24 hours since the customer last wrote: only a template may go. */
    static final int RE_ENGAGEMENT = 131047;

    /** Rate limits and temporary trouble, whatever the HTTP status they come with. */
    private static final Set<Integer> TRANSIENT_CODES = Set.of(
            1, 2, 4, 17, 341, // API unknown / temporarily unavailable / app and user rate limits
            190, // access token expired or revoked: the operator renews it
            80007, 130429, 131048, 131056, // WABA, throughput, spam and pair rate limits
            131000, 131016, 133004); // something went wrong / service unavailable / server temporarily unavailable

    private GraphErrors() {
    }

    static boolean permanent(int status, @Nullable Integer code) {
        if (status == 429 || status >= 500) {
            return false;
        }
        if (code != null && TRANSIENT_CODES.contains(code)) {
            return false;
        }
        if (status == 401) {
            return false;
        }
        return status >= 400;
    }

    /** What an agent reads on the message: Graph's code and message, and what it means for the big ones. */
    static String reason(int status, @Nullable Integer code, @Nullable String message, @Nullable String details) {
        StringBuilder b = new StringBuilder("WhatsApp refused the message (HTTP ").append(status);
        if (code != null) {
            b.append(", error ").append(code);
        }
        b.append(")");
        if (message != null && !message.isBlank()) {
            b.append(": ").append(message.strip());
        }
        if (details != null && !details.isBlank() && !details.equals(message)) {
            b.append(" — ").append(details.strip());
        }
        String meaning = meaning(code);
        if (meaning != null) {
            b.append(" (").append(meaning).append(")");
        }
        return b.toString();
    }

    private static @Nullable String meaning(@Nullable Integer code) {
        if (code == null) {
            return null;
        }
        if (code / 1000 == 132) {
            return "the template is not approved, not in this language or its parameters do not match";
        }
        return switch (code) {
            case RE_ENGAGEMENT -> "outside the 24-hour window: only a template may be sent";
            case 131026 -> "the recipient cannot receive it: not on WhatsApp or an old app version";
            case 131030 -> "the recipient is not on the test number's allowed list";
            case 100 -> "invalid parameter, e.g. an unknown recipient";
            case 190 -> "the access token expired or was revoked";
            default -> null;
        };
    }
}
