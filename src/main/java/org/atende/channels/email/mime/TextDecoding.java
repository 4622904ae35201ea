package org.atende.channels.email.mime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Bytes of text to a string, whatever the label says, never failing. Labels of Latin-1 and ASCII are
 * read as windows-1252 (what senders mean by them), and old East Asian labels as the superset every
 * mail client really writes. Mislabelled text is common both ways: "UTF-8" on Latin-1 bytes falls back
 * to windows-1252 (byte by byte, so that UTF-8 and Latin-1 mixed in one text both read right), and
 * valid UTF-8 with a Latin label (or none, or an unknown one) is read as UTF-8.
 */
final class TextDecoding {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final Map<String, String> SUPERSETS = Map.of(
            "iso-8859-1", "windows-1252", "latin1", "windows-1252", "latin-1", "windows-1252", "iso8859-1", "windows-1252",
            "us-ascii", "windows-1252", "ascii", "windows-1252", "gb2312", "GB18030", "ks_c_5601-1987", "x-windows-949",
            "euc-kr", "x-windows-949", "shift_jis", "windows-31j");
    private static final Map<String, String> ALIASES = Map.of("utf8", "UTF-8", "iso-8859-8-i", "ISO-8859-8",
            "x-mac-roman", "x-MacRoman", "macintosh", "x-MacRoman", "sjis", "windows-31j", "x-sjis", "windows-31j");

    private TextDecoding() {
    }

    static String decode(byte[] bytes, @Nullable String label) {
        Charset declared = charset(label);
        boolean plain = ascii(bytes);
        if (declared == null || declared.equals(WINDOWS_1252)) {
            String utf8 = plain ? null : strict(bytes, StandardCharsets.UTF_8);
            return utf8 != null ? utf8 : mixed(bytes);
        }
        String text = strict(bytes, declared);
        if (text != null) {
            return text;
        }
        String utf8 = strict(bytes, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return utf8;
        }
        // a UTF-8 label on bytes that are not UTF-8 is almost always Latin-1; any other label is kept, bad bytes replaced
        return declared.equals(StandardCharsets.UTF_8) ? mixed(bytes) : new String(bytes, declared);
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
                String decoded = strict(Arrays.copyOfRange(bytes, i, i + length), StandardCharsets.UTF_8);
                if (decoded != null) {
                    out.append(decoded);
                    i += length;
                    continue;
                }
            }
            out.append(length == 1 ? String.valueOf((char) b) : new String(bytes, i, 1, WINDOWS_1252));
            i++;
        }
        return out.toString();
    }

    /** The charset a label names, or null when there is no label or Java does not know it. */
    static @Nullable Charset charset(@Nullable String label) {
        if (label == null) {
            return null;
        }
        String name = label.strip().replaceAll("[\"']", "").toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            return null;
        }
        name = SUPERSETS.getOrDefault(name, ALIASES.getOrDefault(name, name));
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) { // illegal or unsupported name
            return null;
        }
    }

    private static boolean ascii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
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
