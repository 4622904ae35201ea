package org.atende.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.atende.customers.Language;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The one set of rules both H2 search indexes read words by. */
class TermsUnitTests {

    @Nested
    class Folding {

        @Test
        void lowersAndDropsAccents() {
            assertThat(Terms.fold("Sesión Exportação ÁGUA")).isEqualTo("sesion exportacao agua");
        }
    }

    @Nested
    class Stemming {

        @Test
        void spanishSingularAndPluralMeet() {
            assertThat(Terms.of("sesión", Language.ES)).isEqualTo(Terms.of("sesiones", Language.ES));
        }

        @Test
        void portugueseVerbAndNounOfActionMeet() {
            assertThat(Terms.of("exportar", Language.PT)).isEqualTo(Terms.of("exportação", Language.PT));
            assertThat(Terms.of("faturas", Language.PT)).isEqualTo(Terms.of("fatura", Language.PT));
        }

        @Test
        void englishPluralMeetsSingular() {
            assertThat(Terms.of("invoices", Language.EN)).isEqualTo(Terms.of("invoice", Language.EN));
        }

        @Test
        void keepsNumbersWhole() {
            assertThat(Terms.stem("1042", Language.ES)).isEqualTo("1042");
        }
    }

    @Test
    void dropsTheLanguagesStopWordsAndOneLetterWordsKeepingTheOrder() {
        assertThat(Terms.of("Não consigo exportar a fatura", Language.PT)).containsExactly("consig", "export", "fatur");
        assertThat(Terms.of("the invoice is x", Language.EN)).containsExactly("invoic");
    }
}
