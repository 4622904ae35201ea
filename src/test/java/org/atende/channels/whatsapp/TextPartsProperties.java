package org.atende.channels.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atende.support.PropertyCases.between;
import static org.atende.support.PropertyCases.cases;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Texts of every shape split for WhatsApp: paragraphs, sentences, long words, emoji written with two
 * UTF-16 units, runs of blank lines. Whatever the text, the parts fit, come in order, lose nothing but
 * the whitespace at the cuts, and split no character in two.
 */
class TextPartsProperties {

    private static final List<String> WORDS = List.of("a", "encomenda", "não", "chegou", "Olá", "👍", "😀😀", "factura", "#1042",
            "https://atende.example/help/pt/reset", "x".repeat(700), "ñandú", "日本語", "ok.", "porquê?", "sim!");

    record Case(String text, int max) {
    }

    static Case text(SplittableRandom r) {
        int max = between(r, 8, 400);
        StringBuilder b = new StringBuilder();
        int words = between(r, 0, 600);
        for (int i = 0; i < words; i++) {
            b.append(WORDS.get(r.nextInt(WORDS.size())));
            int sep = r.nextInt(20);
            b.append(sep == 0 ? "\n\n" : sep == 1 ? ". " : sep == 2 ? "\n" : sep == 3 ? "\n\n\n " : " ");
        }
        return new Case(b.toString(), max);
    }

    @TestFactory
    Stream<DynamicTest> partsFitComeInOrderAndLoseNothingButTheWhitespaceAtTheCuts() {
        return cases("partsFitComeInOrderAndLoseNothingButTheWhitespaceAtTheCuts", 300, TextPartsProperties::text, c -> {
            List<String> parts = TextParts.split(c.text(), c.max());
            assertThat(parts).isNotEmpty().allSatisfy(p -> {
                assertThat(p.length()).isLessThanOrEqualTo(c.max());
                assertThat(p).isEqualTo(p.strip());
                if (!c.text().isBlank()) {
                    assertThat(p).isNotEmpty();
                }
                assertThat(Character.isLowSurrogate(p.isEmpty() ? 'a' : p.charAt(0))).as("no character split in two").isFalse();
                assertThat(Character.isHighSurrogate(p.isEmpty() ? 'a' : p.charAt(p.length() - 1))).isFalse();
            });
            assertThat(String.join("", parts).replaceAll("\\s", "")).isEqualTo(c.text().replaceAll("\\s", ""));
            if (c.text().strip().length() <= c.max()) {
                assertThat(parts).containsExactly(c.text().strip());
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> noPartIsCutShortWhenTheTextCouldFillIt() {
        return cases("noPartIsCutShortWhenTheTextCouldFillIt", 200, TextPartsProperties::text, c -> {
            List<String> parts = TextParts.split(c.text(), c.max());
            int at = c.text().indexOf(parts.getFirst());
            for (int i = 0; i < parts.size() - 1; i++) {
                int next = c.text().indexOf(parts.get(i + 1), at + parts.get(i).length());
                assertThat(next - at).as("every part but the last takes at least half the limit of the text (its cut whitespace included)")
                        .isGreaterThanOrEqualTo(c.max() / 2);
                at = next;
            }
        });
    }
}
