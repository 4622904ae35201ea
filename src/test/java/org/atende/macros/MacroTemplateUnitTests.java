package org.atende.macros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.atende.customers.Language;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MacroTemplateUnitTests {

    static Map<Placeholder, String> values() {
        Map<Placeholder, String> v = new EnumMap<>(Placeholder.class);
        v.put(Placeholder.CONTACT_FIRST_NAME, "Joana");
        v.put(Placeholder.TICKET_NUMBER, "1042");
        v.put(Placeholder.FIRST_RESPONSE_DUE, "até seg. 14:00");
        v.put(Placeholder.AGENT_NAME, "Inês $1 \\ Duarte"); // replacement syntax in a value stays text
        return v;
    }

    @Nested
    class Checking {

        @Test
        void listsEveryUnknownPlaceholderAsWritten() {
            var faults = MacroTemplate.faults("Olá {{contact.firstname}}, {{contact.age}} e {{ ticket.owner }} e {{}}.");

            assertThat(faults).extracting(MacroTemplate.Fault::text)
                    .containsExactly("{{contact.age}}", "{{ ticket.owner }}", "{{}}");
            assertThat(faults).extracting(MacroTemplate.Fault::code).containsOnly(MacroTemplate.UNKNOWN);
        }

        @Test
        void acceptsKnownPlaceholdersWithSpacesAndAnyCase() {
            assertThat(MacroTemplate.faults("{{ Contact.FirstName }} {{sla.resolutionDue}} {single} }} {")).isEmpty();
        }

        @Test
        void findsAPlaceholderLeftOpenBeforeAnotherAndAtTheEnd() {
            var faults = MacroTemplate.faults("Olá {{contact.firstName, o pedido {{ticket.number}} vence {{sla.firstResponseDue");

            assertThat(faults).extracting(MacroTemplate.Fault::code).containsExactly(MacroTemplate.UNCLOSED, MacroTemplate.UNCLOSED);
            assertThat(faults.get(1).text()).isEqualTo("{{sla.firstResponseDue");
        }
    }

    @Nested
    class Filling {

        @Test
        void fillsEveryPlaceholderAndKeepsValuesLiteral() {
            assertThat(MacroTemplate.fill("Olá {{contact.firstName}}! Pedido #{{ ticket.number }} respondido {{sla.firstResponseDue}}. {{agent.name}}",
                    values())).isEqualTo("Olá Joana! Pedido #1042 respondido até seg. 14:00. Inês $1 \\ Duarte");
        }

        @Test
        void refusesToFillAnUnknownPlaceholderRatherThanSendItRaw() {
            assertThatThrownBy(() -> MacroTemplate.fill("Olá {{contact.age}}", values())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("{{contact.age}}");
        }
    }

    @Nested
    class DueTimes {

        ZoneId lisbon = ZoneId.of("Europe/Lisbon");
        Instant thursday = Instant.parse("2026-12-03T10:00:00Z");
        Instant mondayTwoPm = Instant.parse("2026-12-07T14:00:00Z");

        @Test
        void writesTheWeekdayAndTimeInEachLanguage() {
            assertThat(DueWording.by(Language.PT, mondayTwoPm, lisbon, thursday)).isEqualTo("até seg. 14:00");
            assertThat(DueWording.by(Language.ES, mondayTwoPm, lisbon, thursday)).isEqualTo("hasta el lun. 14:00");
            assertThat(DueWording.by(Language.EN, mondayTwoPm, lisbon, thursday)).isEqualTo("by Mon 14:00");
        }

        @Test
        void writesTheReadersOwnClock() {
            assertThat(DueWording.by(Language.ES, mondayTwoPm, ZoneId.of("Europe/Madrid"), thursday)).isEqualTo("hasta el lun. 15:00");
            assertThat(DueWording.by(Language.PT, mondayTwoPm, ZoneId.of("America/Sao_Paulo"), thursday)).isEqualTo("até seg. 11:00");
        }

        @Test
        void addsTheDateBeyondTheComingWeek() {
            Instant far = Instant.parse("2026-12-21T14:00:00Z");
            assertThat(DueWording.by(Language.PT, far, lisbon, thursday)).isEqualTo("até seg. 21 dez. 14:00");
            assertThat(DueWording.by(Language.ES, far, lisbon, thursday)).isEqualTo("hasta el lun. 21 dic. 14:00");
            assertThat(DueWording.by(Language.EN, far, lisbon, thursday)).isEqualTo("by Mon 21 Dec 14:00");
        }

        @Test
        void crossesTheSummerTimeChange() {
            Instant sundayAfterChange = Instant.parse("2026-03-29T13:00:00Z"); // 14:00 in Lisbon, summer time
            assertThat(DueWording.by(Language.EN, sundayAfterChange, lisbon, Instant.parse("2026-03-27T10:00:00Z")))
                    .isEqualTo("by Sun 14:00");
        }
    }

    @Test
    void answersInTheTicketsLanguageThenEnglishPortugueseSpanish() {
        assertThat(MacroTexts.fallbackOrder(Language.ES)).isEqualTo(List.of(Language.ES, Language.EN, Language.PT));
        assertThat(MacroTexts.fallbackOrder(Language.PT)).isEqualTo(List.of(Language.PT, Language.EN, Language.ES));
        assertThat(MacroTexts.fallbackOrder(Language.EN)).isEqualTo(List.of(Language.EN, Language.PT, Language.ES));
    }
}
