package org.atende.channels.email.mime;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** Message-IDs as written in {@code Message-ID}, {@code In-Reply-To} and {@code References}: without their angle brackets. */
final class MessageIds {

    private static final Pattern ANGLED = Pattern.compile("<\\s*([^<>\\s]+)\\s*>");
    private static final Pattern BARE = Pattern.compile("[^<>\\s,;]+@[^<>\\s,;]+");
    private static final int MAX_REFERENCES = 100;

    private MessageIds() {
    }

    /** The first id of a header; a bare id (without brackets) is taken when it is the whole value or looks like one. */
    static @Nullable String first(@Nullable String header) {
        List<String> ids = all(header);
        return ids.isEmpty() ? null : ids.getFirst();
    }

    /** Every id of a header in order; of a very long References header, the thread's root and its 99 latest. */
    static List<String> all(@Nullable String header) {
        List<String> ids = new ArrayList<>();
        if (header == null) {
            return ids;
        }
        String value = EncodedWords.unfold(header);
        Matcher m = ANGLED.matcher(value);
        while (m.find()) {
            ids.add(m.group(1));
        }
        if (ids.isEmpty()) {
            String bare = value.strip();
            if (!bare.isEmpty() && !bare.contains(" ") && !bare.contains("<") && !bare.contains(">")) {
                ids.add(bare);
            } else {
                Matcher b = BARE.matcher(value);
                while (b.find()) {
                    ids.add(b.group());
                }
            }
        }
        if (ids.size() > MAX_REFERENCES) {
            List<String> kept = new ArrayList<>(ids.subList(ids.size() - MAX_REFERENCES + 1, ids.size()));
            kept.addFirst(ids.getFirst());
            return kept;
        }
        return ids;
    }

    /** The id of a mail that has none: the same bytes always give the same id. */
    static String synthesized(byte[] raw) {
        return "sha256-" + sha256(raw) + "@atende.invalid";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
