package org.atende.channels.email.mime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Bytes of a text part to a string, whatever its label says: ISO-8859-1 is read as windows-1252 (what
 * senders mean by it), a label that does not fit the bytes (UTF-8 declared, Latin-1 sent) or that Java
 * does not know falls back to UTF-8 if the bytes are valid UTF-8, else windows-1252. Never fails.
 */
final class TextDecoding {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoding() {
    }

    static String decode(byte[] bytes, @Nullable String label) {
        Charset declared = charset(label);
        if (declared != null) {
            String strict = strict(bytes, declared);
            if (strict != null) {
                return strict;
            }
        }
        String utf8 = strict(bytes, StandardCharsets.UTF_8);
        return utf8 != null ? utf8 : mixed(bytes);
    }

    /**
     * UTF-8 where the bytes form UTF-8, windows-1252 for every byte that does not: text pasted from two
     * sources, or a Latin-1 signature under a UTF-8 message, reads right in both halves.
     */
    static String mixed(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            int length = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
            if (length > 1 && i + length <= bytes.length) {
                String decoded = strict(java.util.Arrays.copyOfRange(bytes, i, i + length), StandardCharsets.UTF_8);
                if (decoded != null) {
                    out.append(decoded);
                    i += length;
                    continue;
                }
            }
            out.append(length == 1 ? (char) b : new String(bytes, i, 1, WINDOWS_1252));
            i++;
        }
        return out.toString();
    }

    private static @Nullable Charset charset(@Nullable String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String name = label.strip().replace("\"", "").toLowerCase(Locale.ROOT);
        if (name.equals("iso-8859-1") || name.equals("latin1") || name.equals("latin-1") || name.equals("us-ascii")
                || name.equals("ascii") || name.equals("iso8859-1")) {
            return WINDOWS_1252; // a superset: the bytes 0x80–0x9F mean what the sender's Windows meant
        }
        if (name.equals("utf8")) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static @Nullable String strict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
