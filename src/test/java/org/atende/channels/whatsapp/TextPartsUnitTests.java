package org.atende.channels.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Where a long text is cut: at a paragraph, else a sentence, else a word, else at the limit. */
class TextPartsUnitTests {

    @Test
    void aTextWithinTheLimitIsOnePart() {
        assertThat(TextParts.split("Olá Ana, já foi reenviada.", 4096)).containsExactly("Olá Ana, já foi reenviada.");
    }

    @Test
    void cutsAtTheLastParagraphBreakFirst() {
        String first = "Primeiro parágrafo. Com duas frases.";
        String second = "Segundo parágrafo, mais curto.";
        assertThat(TextParts.split(first + "\n\n" + second, first.length() + 5)).containsExactly(first, second);
    }

    @Test
    void cutsAtASentenceWhenNoParagraphBreakIsNearTheLimit() {
        assertThat(TextParts.split("Uma frase inteira. Outra frase que passa o limite", 30))
                .containsExactly("Uma frase inteira.", "Outra frase que passa o limite");
    }

    @Test
    void cutsAtAWordWhenThereIsNoSentenceEnd() {
        assertThat(TextParts.split("palavras sem pontuação nenhuma aqui", 20)).containsExactly("palavras sem", "pontuação nenhuma", "aqui");
    }

    @Test
    void cutsAnUnbrokenRunAtTheLimitButNeverInsideAnEmoji() {
        List<String> parts = TextParts.split("a".repeat(9) + "😀" + "b".repeat(5), 10);
        assertThat(parts).containsExactly("a".repeat(9), "😀" + "b".repeat(5));
    }

    @Test
    void aLongAnswerBecomesThreeWhatsAppMessagesCutBetweenParagraphs() {
        String paragraph = "Linha de uma resposta longa com detalhes do procedimento. ".repeat(25).strip();
        String text = String.join("\n\n", java.util.Collections.nCopies(6, paragraph));
        assertThat(text.length()).isGreaterThan(8700);
        List<String> parts = TextParts.split(text, WhatsAppOutbox.MAX_TEXT);
        assertThat(parts).hasSize(3).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(4096));
        assertThat(parts.getFirst()).endsWith("procedimento.");
    }
}
