package org.atende.channels.whatsapp;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text longer than WhatsApp takes in one message (4,096 characters) into parts that read as
 * whole pieces: cut at the last paragraph break that leaves the part at least half full, else at the last
 * sentence end, else at the last space, else (one unbroken word) at the limit, never inside a character
 * written with two UTF-16 units. The whitespace at a cut goes; nothing else is lost or reordered.
 */
final class TextParts {

    private TextParts() {
    }

    static List<String> split(String text, int max) {
        if (max < 2) {
            throw new IllegalArgumentException("a part must hold at least two characters");
        }
        List<String> parts = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > max) {
            int cut = cut(rest, max);
            String part = rest.substring(0, cut).stripTrailing();
            if (!part.isEmpty()) {
                parts.add(part);
            }
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    /** Where to end the part: after a boundary within the limit, preferring the strongest one in its second half. */
    private static int cut(String s, int max) {
        int floor = max / 2;
        int paragraph = s.lastIndexOf("\n\n", max - 1);
        if (paragraph >= floor) {
            return paragraph + 1;
        }
        int sentence = -1;
        for (int i = max - 1; i >= floor; i--) {
            char c = s.charAt(i);
            boolean end = c == '\n' || ((c == '.' || c == '!' || c == '?' || c == '…' || c == ';') && i + 1 < s.length()
                    && Character.isWhitespace(s.charAt(i + 1))) || c == '。' || c == '！' || c == '？';
            if (end) {
                sentence = i + 1;
                break;
            }
        }
        if (sentence > 0) {
            return sentence;
        }
        for (int i = max; i >= floor; i--) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
    }
}
