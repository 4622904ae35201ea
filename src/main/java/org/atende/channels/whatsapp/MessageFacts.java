package org.atende.channels.whatsapp;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * What a message carries besides its content: whether WhatsApp marked it forwarded (or forwarded many
 * times, as chain messages are), and the Click-to-WhatsApp ad that started the conversation ({@code referral}:
 * the ad's headline and text, where it was shown and its id). Kept on the channel's record of the message
 * and shown beside it on the desk.
 */
public record MessageFacts(boolean forwarded, boolean frequentlyForwarded, @Nullable String referralHeadline,
        @Nullable String referralBody, @Nullable String referralSourceUrl, @Nullable String referralSourceType,
        @Nullable String referralSourceId) {

    static MessageFacts of(JsonNode message) {
        JsonNode context = message.path("context");
        JsonNode referral = message.path("referral");
        boolean frequently = context.path("frequently_forwarded").asBoolean(false);
        return new MessageFacts(frequently || context.path("forwarded").asBoolean(false), frequently,
                text(referral, "headline", 1000), text(referral, "body", 4000), text(referral, "source_url", 2000),
                text(referral, "source_type", 40), text(referral, "source_id", 200));
    }

    /** Whether there is anything to show. */
    public boolean any() {
        return forwarded || hasReferral();
    }

    public boolean hasReferral() {
        return referralHeadline != null || referralBody != null || referralSourceUrl != null || referralSourceId != null;
    }

    private static @Nullable String text(JsonNode node, String field, int max) {
        String s = node.path(field).asString("").strip();
        return s.isEmpty() ? null : s.length() > max ? s.substring(0, max) : s;
    }
}
