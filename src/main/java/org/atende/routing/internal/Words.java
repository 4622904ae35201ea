package org.atende.routing.internal;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Text as word conditions compare it: accents and case aside, whole words (or phrases) only — "fatura" matches
 * "A FATURA não sai" and "fatúra", not "faturação"; "nota de credito" matches "Nota de crédito".
 */
final class Words {

    private Words() {
    }

    /**
     * Lower case, without accents, letters and digits separated by single spaces, with a space at each end: what
     * {@code NFD}, removing {@code \p{M}}, {@code toLowerCase(Locale.ROOT)} and replacing each run of
     * {@code [^\p{L}\p{N}]} with a space give, in two plain passes (every ticket's subject and body is normalised
     * once for routing, and regular expressions took most of that time).
     */
    static String normalise(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder unmarked = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            if (!isMark(c)) {
                unmarked.appendCodePoint(c);
            }
        }
        String lower = unmarked.toString().toLowerCase(Locale.ROOT); // the whole text: a final sigma depends on what follows
        StringBuilder words = new StringBuilder(lower.length() + 2).append(' ');
        boolean between = false;
        for (int i = 0; i < lower.length(); ) {
            int c = lower.codePointAt(i);
            i += Character.charCount(c);
            if (isLetterOrNumber(c)) {
                if (between && words.length() > 1) {
                    words.append(' ');
                }
                words.appendCodePoint(c);
                between = false;
            } else {
                between = true;
            }
        }
        return words.append(' ').toString();
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isLetterOrNumber(int c) {
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER, Character.MODIFIER_LETTER,
                 Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** True when the word (or phrase) appears whole in text already {@link #normalise normalised}. */
    static boolean appearsIn(String normalisedText, String word) {
        String w = normalise(word);
        return !w.isBlank() && normalisedText.contains(w);
    }
}
