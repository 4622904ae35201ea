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

    /** Lower case, without accents, letters and digits separated by single spaces, with a space at each end. */
    static String normalise(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        return " " + plain.replaceAll("[^\\p{L}\\p{N}]+", " ").strip() + " ";
    }

    /** True when the word (or phrase) appears whole in text already {@link #normalise normalised}. */
    static boolean appearsIn(String normalisedText, String word) {
        String w = normalise(word);
        return !w.isBlank() && normalisedText.contains(w);
    }
}
