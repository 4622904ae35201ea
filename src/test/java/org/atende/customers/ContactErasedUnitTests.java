package org.atende.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ContactErasedUnitTests {

    final ContactErased erased = new ContactErased(new ContactId(7), new OrganisationId(2),
            Set.of("Ana Silva", "Ana", "Al"), Set.of("ana.silva@padaria.pt", "+351912345678", "351912345678"), Set.of(11L),
            Instant.parse("2026-12-05T10:00:00Z"));

    @Test
    void replacesEveryNameAndAddressWhateverTheirCase() {
        assertThat(erased.scrub("Olá ANA SILVA, respondemos para Ana.Silva@Padaria.PT e +351912345678."))
                .isEqualTo("Olá [erased], respondemos para [erased] e [erased].");
    }

    @Test
    void replacesTheLongestFirstSoThatNoPieceOfANameIsLeft() {
        assertThat(erased.scrub("Ana Silva ligou; a Ana volta a ligar")).isEqualTo("[erased] ligou; a [erased] volta a ligar");
        assertThat(erased.scrub("WhatsApp 351912345678")).isEqualTo("WhatsApp [erased]");
    }

    @Test
    void leavesNamesTooShortToTellFromOrdinaryWords() {
        assertThat(erased.scrub("Alterámos a fatura")).isEqualTo("Alterámos a fatura");
        assertThat(erased.scrub("Analisámos o pedido da Banana Lda, ref. 13519123456789"))
                .as("a name or number inside a longer word or number").isEqualTo("Analisámos o pedido da Banana Lda, ref. 13519123456789");
        assertThat(erased.scrub(null)).isNull();
    }

    @Test
    void talliesWhatEachModuleReports() {
        erased.count("messages", 2);
        erased.count("messages", 1);
        erased.count("mails", 0);

        assertThat(erased.counted()).containsExactly(java.util.Map.entry("messages", 3));
        assertThat(erased.emails()).containsExactly("ana.silva@padaria.pt");
    }
}
