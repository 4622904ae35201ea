package org.atende.channels.email.mime;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The charset of raw 8-bit bytes in a mail's headers ({@code Subject: } and {@code From: } written in
 * Shift_JIS or GBK without encoded-words). A subject or a name is too short to tell its charset alone,
 * so the mail around it is asked: first a double-byte charset the mail declares for its text (the
 * client wrote its headers in the same one), then what the detector makes of all the mail's 8-bit bytes
 * together. One charset for the mail, found once and only for a mail that needs it.
 */
final class HeaderCharset {

    private static final Pattern DECLARED = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([\\w.:-]+)");
    private static final int LOOK_AT = 256 * 1024;

    private final byte[] raw;
    private boolean found;
    private @Nullable Charset charset;

    HeaderCharset(byte[] raw) {
        this.raw = raw;
    }

    /** The header value with its raw 8-bit bytes read in the mail's charset; as it was when it has none or they are UTF-8. */
    String decode(@Nullable String value) {
        if (value == null || !needsCharset(value)) {
            return value == null ? "" : value;
        }
        Charset c = charset();
        String text = c == null ? null : CharsetGuess.strict(value.getBytes(StandardCharsets.ISO_8859_1), c);
        return text != null ? text : value;
    }

    /** Bytes over 0x7F that are not UTF-8 (jakarta.mail hands header bytes over one to one as chars). */
    private static boolean needsCharset(String value) {
        boolean high = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return false;
            }
            high |= c > 0x7F;
        }
        return high && CharsetGuess.strict(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8) == null;
    }

    private @Nullable Charset charset() {
        if (!found) {
            found = true;
            byte[] head = raw.length > LOOK_AT ? Arrays.copyOf(raw, LOOK_AT) : raw;
            charset = declared(new String(head, StandardCharsets.ISO_8859_1));
            if (charset == null) {
                charset = CharsetGuess.of(head);
            }
        }
        return charset;
    }

    /** The first double-byte charset the mail declares; for ISO-2022-JP (7-bit), Shift_JIS, which Japanese clients write 8-bit headers in. */
    private static @Nullable Charset declared(String mail) {
        Matcher m = DECLARED.matcher(mail);
        while (m.find()) {
            Charset c = TextDecoding.charset(m.group(1));
            if (c != null && CharsetGuess.ISO_2022_JP.contains(c.name())) {
                return Charset.forName("windows-31j");
            }
            if (c != null && CharsetGuess.EAST_ASIAN.contains(c.name())) {
                return c;
            }
        }
        return null;
    }
}
