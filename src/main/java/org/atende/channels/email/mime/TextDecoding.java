package org.atende.channels.email.mime;

import java.nio.charset.Charset;
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
 * valid UTF-8 with a Latin label (or none, or an unknown one) is read as UTF-8. Text with no label (or a
 * Latin one) that is neither ASCII nor UTF-8 goes through {@link CharsetGuess}: a Japanese, Chinese,
 * Korean or Cyrillic text is read in its charset, not as windows-1252 mojibake. ISO-2022-JP, labelled or
 * told by its escapes, is read by Microsoft's variant (its NEC and IBM extension characters, ① or ㈱)
 * and else as ISO-2022-JP-2.
 */
final class TextDecoding {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final Map<String, String> SUPERSETS = Map.ofEntries(Map.entry("iso-8859-1", "windows-1252"),
            Map.entry("latin1", "windows-1252"), Map.entry("latin-1", "windows-1252"), Map.entry("iso8859-1", "windows-1252"),
            Map.entry("us-ascii", "windows-1252"), Map.entry("ascii", "windows-1252"), Map.entry("gb2312", "GB18030"),
            Map.entry("gbk", "GB18030"), Map.entry("x-gbk", "GB18030"), Map.entry("cp936", "GB18030"), Map.entry("euc-cn", "GB18030"),
            Map.entry("ks_c_5601-1987", "x-windows-949"), Map.entry("euc-kr", "x-windows-949"), Map.entry("shift_jis", "windows-31j"),
            Map.entry("shift-jis", "windows-31j"), Map.entry("euc-jp", "x-eucJP-Open"), Map.entry("big5", "Big5-HKSCS"),
            Map.entry("iso-2022-jp", "x-windows-50221"), Map.entry("csiso2022jp", "x-windows-50221"),
            Map.entry("iso-2022-jp-1", "x-windows-50221"), Map.entry("iso-2022-jp-3", "x-windows-50221"));
    private static final Map<String, String> ALIASES = Map.of("utf8", "UTF-8", "iso-8859-8-i", "ISO-8859-8",
            "x-mac-roman", "x-MacRoman", "macintosh", "x-MacRoman", "sjis", "windows-31j", "x-sjis", "windows-31j");

    private TextDecoding() {
    }

    static String decode(byte[] bytes, @Nullable String label) {
        Charset declared = charset(label);
        boolean plain = ascii(bytes);
        boolean japanese7bit = declared != null && CharsetGuess.ISO_2022_JP.contains(declared.name());
        if (plain && (declared == null || declared.equals(WINDOWS_1252) || japanese7bit)
                && (japanese7bit || CharsetGuess.iso2022(bytes))) {
            String text = CharsetGuess.iso2022Jp(bytes);
            if (text != null) {
                return text;
            }
        }
        if (declared == null || declared.equals(WINDOWS_1252)) {
            if (plain) {
                return new String(bytes, StandardCharsets.US_ASCII);
            }
            String utf8 = strict(bytes, StandardCharsets.UTF_8);
            if (utf8 != null) {
                return utf8;
            }
            Charset found = CharsetGuess.of(bytes);
            return found != null ? new String(bytes, found) : mixed(bytes);
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
        return CharsetGuess.strict(bytes, charset);
    }
}
