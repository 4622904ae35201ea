package org.atende.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atende.support.PropertyCases.cases;

import java.text.Normalizer;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Word conditions' text: the plain passes of {@link Words#normalise} give what the regular expressions define. */
class WordsProperties {

    /** Pieces of what customers write: accents precomposed and combining, other scripts, signs, odd spaces, emoji, broken surrogates. */
    private static final String[] PIECES = {"fatura", "FATÚRA", "nota de crédito", "Ação", "e\u0301", "\u0301", "\u20dd", "ß", "İstanbul",
            "ΛΟΓΟΣ", "λόγος", "Σ", "ǅ", "ﬁ", "²", "½", "Ⅻ", "٣", "日本語", "한국어", "\u00a0", "\t", "\r\n", " ", "  ", "-", "_", "/", "€",
            "100%", "n.º", "👍", "😀x", "\ud83d", "\ude00", "ª", "ʰ", "\u0903", "Ñ", "Ø", "Ł", "ŉ", "\u200b", "ı", "I\u0307", "Å"};

    @TestFactory
    Stream<DynamicTest> normalisesAsTheRegularExpressionsDefine() {
        return cases("normalisesAsTheRegularExpressionsDefine", 300, WordsProperties::text,
                text -> assertThat(Words.normalise(text)).as("%s", text.codePoints().mapToObj(Integer::toHexString).toList())
                        .isEqualTo(byRegularExpressions(text)));
    }

    @Test
    void keepsWholeWordsWithoutAccentsOrCase() {
        assertThat(Words.normalise("A FATÚRA não sai!")).isEqualTo(" a fatura nao sai ");
        assertThat(Words.normalise("  -- ")).isEqualTo("  ");
        assertThat(Words.appearsIn(Words.normalise("Nota de crédito, n.º 12"), "nota de credito")).isTrue();
        assertThat(Words.appearsIn(Words.normalise("faturação"), "fatura")).isFalse();
    }

    private static String text(SplittableRandom r) {
        StringBuilder s = new StringBuilder();
        int pieces = r.nextInt(0, 12);
        for (int i = 0; i < pieces; i++) {
            s.append(PIECES[r.nextInt(PIECES.length)]);
        }
        return s.toString();
    }

    private static String byRegularExpressions(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        return " " + plain.replaceAll("[^\\p{L}\\p{N}]+", " ").strip() + " ";
    }
}
