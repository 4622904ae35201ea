package org.atende.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.atende.customers.Language;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Targets as each language words them, with its plural: the one wording of pages, mails and WhatsApp texts. */
class PromiseWordingUnitTests {

    @Nested
    class Portuguese {
        @Test
        void saysOneBusinessDayAndEightBusinessHours() {
            assertThat(PromiseWording.target(Language.PT, SlaTarget.days(1))).isEqualTo("1 dia útil");
            assertThat(PromiseWording.target(Language.PT, SlaTarget.days(2))).isEqualTo("2 dias úteis");
            assertThat(PromiseWording.target(Language.PT, SlaTarget.hours(1))).isEqualTo("1 hora útil");
            assertThat(PromiseWording.target(Language.PT, SlaTarget.hours(8))).isEqualTo("8 horas úteis");
        }
    }

    @Nested
    class Spanish {
        @Test
        void saysOneWorkingDayAndTwelveWorkingHours() {
            assertThat(PromiseWording.target(Language.ES, SlaTarget.days(1))).isEqualTo("1 día hábil");
            assertThat(PromiseWording.target(Language.ES, SlaTarget.days(3))).isEqualTo("3 días hábiles");
            assertThat(PromiseWording.target(Language.ES, SlaTarget.hours(1))).isEqualTo("1 hora hábil");
            assertThat(PromiseWording.target(Language.ES, SlaTarget.hours(12))).isEqualTo("12 horas hábiles");
        }
    }

    @Nested
    class English {
        @Test
        void saysBusinessDaysAndHoursAsTheApiWritesThem() {
            assertThat(PromiseWording.target(Language.EN, SlaTarget.days(2))).isEqualTo("2 business days")
                    .isEqualTo(SlaTarget.days(2).toString());
            assertThat(PromiseWording.target(Language.EN, SlaTarget.hours(1))).isEqualTo("1 business hour")
                    .isEqualTo(SlaTarget.hours(1).toString());
        }
    }

    @Nested
    class ByLocale {
        @Test
        void wordsAPageLocaleAndFallsBackToEnglish() {
            assertThat(PromiseWording.target(Locale.of("pt", "PT"), SlaTarget.hours(4))).isEqualTo("4 horas úteis");
            assertThat(PromiseWording.target(Locale.of("es"), SlaTarget.days(1))).isEqualTo("1 día hábil");
            assertThat(PromiseWording.target(Locale.FRENCH, SlaTarget.days(1))).isEqualTo("1 business day");
        }

        @Test
        void rewordsATargetKeptInEnglishAndLeavesOtherTextAsItIs() {
            assertThat(PromiseWording.target(Locale.of("pt"), "12 business hours")).isEqualTo("12 horas úteis");
            assertThat(PromiseWording.target(Locale.of("es"), "1 business day")).isEqualTo("1 día hábil");
            assertThat(PromiseWording.target(Locale.of("pt"), "—")).isEqualTo("—");
        }

        @Test
        void everyAmountFromOneToFortyEightRoundTripsInEveryLanguage() {
            for (int n = 1; n <= 48; n++) {
                for (TargetUnit unit : TargetUnit.values()) {
                    SlaTarget target = new SlaTarget(n, unit);
                    for (Language language : Language.values()) {
                        String worded = PromiseWording.target(language, target);
                        assertThat(worded).startsWith(n + " ");
                        assertThat(worded.endsWith("s")).as("plural: %s", worded).isEqualTo(n != 1);
                    }
                    assertThat(PromiseWording.target(Locale.ENGLISH, target.toString())).isEqualTo(target.toString());
                }
            }
        }
    }
}
