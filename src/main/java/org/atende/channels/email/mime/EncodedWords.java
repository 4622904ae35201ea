package org.atende.channels.email.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Header text as people wrote it. RFC 2047 encoded-words are decoded more leniently than
 * {@code MimeUtility.decodeText} does by default (its leniency is a JVM-wide system property): words
 * glued to text or to each other, unknown charsets, broken base64 and a multibyte character split
 * between two words all decode. Raw 8-bit bytes in a header (which jakarta.mail hands over as Latin-1
 * characters) are read as UTF-8 when they are, else as windows-1252.
 */
final class EncodedWords {

    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\r\\n]*)\\?=");

    private EncodedWords() {
    }

    /** The header value unfolded, 8-bit bytes recovered and encoded-words decoded. */
    static String decode(String value) {
        String text = raw8bit(unfold(value));
        if (!text.contains("=?")) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        Matcher m = WORD.matcher(text);
        int last = 0;
        @Nullable String pendingCharset = null;
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        while (m.find()) {
            String between = text.substring(last, m.start());
            String charset = m.group(1).replaceFirst("\\*.*$", ""); // RFC 2231 language suffix: utf-8*es
            boolean adjacent = pendingCharset != null && between.isBlank();
            if (!adjacent || !charset.equalsIgnoreCase(pendingCharset)) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
                if (!adjacent) {
                    out.append(between); // whitespace between two encoded-words is not text (RFC 2047 §6.2)
                }
            }
            byte[] bytes = m.group(2).equalsIgnoreCase("b") ? base64(m.group(3)) : quotedPrintable(m.group(3));
            pending.writeBytes(bytes);
            pendingCharset = charset;
            last = m.end();
        }
        flush(out, pending, pendingCharset);
        out.append(text.substring(last));
        return out.toString();
    }

    static String unfold(String value) {
        return value.replaceAll("\\r?\\n(?=[ \\t])", "").replaceAll("[\\r\\n]", "");
    }

    /** jakarta.mail reads header bytes one to one as chars; bytes above 0x7F are then UTF-8 or windows-1252. */
    static String raw8bit(String value) {
        boolean high = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return value; // already Unicode: not raw bytes
            }
            high |= c > 0x7F;
        }
        return high ? TextDecoding.decode(value.getBytes(StandardCharsets.ISO_8859_1), null) : value;
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, @Nullable String charset) {
        if (charset != null) {
            out.append(TextDecoding.decode(pending.toByteArray(), charset));
        }
        pending.reset();
    }

    /** Base64 without its errors: stray characters skipped, a missing padding supplied, a lone last character dropped. */
    static byte[] base64(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/') {
                clean.append(c);
            } else if (c == '=') {
                break; // padding: the end of the data
            }
        }
        int rest = clean.length() % 4;
        if (rest == 1) {
            clean.setLength(clean.length() - 1);
        } else if (rest > 1) {
            clean.append("==", 0, 4 - rest);
        }
        return Base64.getDecoder().decode(clean.toString());
    }

    /** The Q encoding of a header word: {@code _} is a space, {@code =XX} a byte, a broken escape kept as written. */
    private static byte[] quotedPrintable(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                out.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    static int hex(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }
}
