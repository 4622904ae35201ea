package org.atende.channels.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.atende.customers.ContactSummary;
import org.atende.customers.ContactId;
import org.atende.customers.Language;
import org.atende.customers.OrganisationId;
import org.atende.sla.SlaTarget;
import org.atende.sla.TargetUnit;
import org.junit.jupiter.api.Test;

/** The chat texts: short, in the contact's language, with the number, the target and the opening hours. */
class WhatsAppTextsUnitTests {

    static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    static final Instant DUE = Instant.parse("2026-11-26T10:00:00Z");
    static final Instant OPENS = Instant.parse("2026-11-30T09:00:00Z");

    @Test
    void acknowledgesInPortuguese() {
        assertThat(WhatsAppTexts.acknowledgement(Language.PT, "Ana", 1042, new SlaTarget(1, TargetUnit.DAYS), DUE, null, LISBON, LISBON))
                .isEqualTo("""
                        Olá Ana, recebemos a sua mensagem: pedido *#1042*.
                        Objetivo de primeira resposta: 1 dia útil (até quinta-feira, 26 de novembro, às 10:00 (hora de Lisboa)).
                        Responda aqui para acrescentar informação.""");
    }

    @Test
    void acknowledgesInSpanishOutOfHoursWithTheNextOpening() {
        assertThat(WhatsAppTexts.acknowledgement(Language.ES, "Lucía", 7, new SlaTarget(4, TargetUnit.HOURS), DUE, OPENS, LISBON, LISBON))
                .contains("Hola Lucía", "ticket *#7*", "Objetivo de primera respuesta: 4 horas hábiles",
                        "volvemos el lunes 30 de noviembre a las 09:00 (hora de Lisboa)", "Responda aquí");
    }

    @Test
    void acknowledgesInEnglishWithoutATargetForATicketWithoutClocks() {
        String text = WhatsAppTexts.acknowledgement(Language.EN, "John", 99, null, null, OPENS, LISBON, LISBON);
        assertThat(text).contains("Hello John", "ticket *#99*", "back on Monday 30 November at 09:00 (Lisbon time)", "Reply here")
                .doesNotContain("target");
    }

    @Test
    void everyAcknowledgementIsShortForAChat() {
        for (Language language : Language.values()) {
            assertThat(WhatsAppTexts.acknowledgement(language, "Maria Fernanda", 123456, new SlaTarget(2, TargetUnit.DAYS), DUE, OPENS,
                    LISBON, LISBON)).hasSizeLessThan(320);
            assertThat(WhatsAppTexts.acknowledgement(language, "Maria Fernanda", 123456, new SlaTarget(2, TargetUnit.DAYS), DUE, OPENS,
                    ZoneId.of("America/Sao_Paulo"), LISBON)).as("with the desk's time beside the contact's").hasSizeLessThan(400);
        }
    }

    @Test
    void aReplyNamesItsTicketUnderTheText() {
        assertThat(WhatsAppTexts.aboutTicket(Language.PT, 1042, "  Já foi reenviada.\n")).isEqualTo("Já foi reenviada.\n\n_Pedido #1042_");
        assertThat(WhatsAppTexts.aboutTicket(Language.EN, 1042, "Sent again.")).endsWith("_Ticket #1042_");
    }

    @Test
    void aContactIsReachedByPhoneDigitsElseByUserId() {
        var org = new OrganisationId(1);
        assertThat(WhatsAppAddress.of(new ContactSummary(new ContactId(1), org, "A", null, "+351 912 345 678", Language.PT, "PT.1")))
                .contains("351912345678");
        assertThat(WhatsAppAddress.of(new ContactSummary(new ContactId(2), org, "B", null, null, Language.PT, "PT.7741029384756")))
                .contains("PT.7741029384756");
        assertThat(WhatsAppAddress.of(new ContactSummary(new ContactId(3), org, "C", "c@x.pt", null, Language.PT, null))).isEmpty();
        assertThat(WhatsAppAddress.isPhone("351912345678")).isTrue();
        assertThat(WhatsAppAddress.isPhone("PT.7741029384756")).isFalse();
    }

    @Test
    void theLanguageAndTheSendingNumberTravelInTheSubject() {
        for (Language language : Language.values()) {
            assertThat(SendingLabel.of(new SendingLabel(language, "220033004400551").subject()))
                    .isEqualTo(new SendingLabel(language, "220033004400551"));
            assertThat(SendingLabel.of(new SendingLabel(language, null).subject())).isEqualTo(new SendingLabel(language, null));
        }
        assertThat(SendingLabel.of(null)).isEqualTo(new SendingLabel(Language.PT, null));
        assertThat(SendingLabel.of("lang=xx")).isEqualTo(new SendingLabel(Language.PT, null));
        assertThat(SendingLabel.of("lang=es").number()).as("queued before there were several numbers").isNull();
    }

    @Test
    void aSpanishCustomerReadsMadridTimeWithLisbonTimeBeside() {
        assertThat(WhatsAppTexts.acknowledgement(Language.ES, "Lucía", 7, new SlaTarget(4, TargetUnit.HOURS), DUE, null,
                ZoneId.of("Europe/Madrid"), LISBON))
                .contains("antes del jueves 26 de noviembre a las 11:00 (hora de Madrid; 10:00 en Lisboa)");
    }

    @Test
    void aBrazilianCustomerReadsSaoPauloTimeAndTheDeskDayWhenItDiffers() {
        Instant late = Instant.parse("2026-11-27T01:30:00Z"); // 22:30 on Thursday in São Paulo, 01:30 on Friday in Lisbon
        assertThat(WhatsAppTexts.acknowledgement(Language.PT, "Bruno", 8, new SlaTarget(4, TargetUnit.HOURS), late, null,
                ZoneId.of("America/Sao_Paulo"), LISBON))
                .contains("até quinta-feira, 26 de novembro, às 22:30 (hora de São Paulo; sexta 27, 01:30 em Lisboa)");
        assertThat(WhatsAppTexts.acknowledgement(Language.EN, "Ben", 9, null, null, OPENS, ZoneId.of("Europe/London"), LISBON))
                .as("London and Lisbon show the same time in November").contains("back on Monday 30 November at 09:00 (London time).");
    }
}
