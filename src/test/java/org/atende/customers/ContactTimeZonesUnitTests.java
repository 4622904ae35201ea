package org.atende.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** A new contact's zone from their number's country, refined where the number says more. */
class ContactTimeZonesUnitTests {

    static final ZoneId SUPPORT = ZoneId.of("Europe/Lisbon");

    @Test
    void readsTheCountryOfTheNumbersTheDeskServes() {
        assertThat(ContactTimeZones.of("+351912345678", SUPPORT)).isEqualTo(ZoneId.of("Europe/Lisbon"));
        assertThat(ContactTimeZones.of("+34611222333", SUPPORT)).isEqualTo(ZoneId.of("Europe/Madrid"));
        assertThat(ContactTimeZones.of("+5511987654321", SUPPORT)).isEqualTo(ZoneId.of("America/Sao_Paulo"));
        assertThat(ContactTimeZones.of("+447400123456", SUPPORT)).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(ContactTimeZones.of("+447911123456", SUPPORT)).as("a Guernsey mobile, though +44").isEqualTo(ZoneId.of("Europe/Guernsey"));
        assertThat(ContactTimeZones.of("+244923456789", SUPPORT)).isEqualTo(ZoneId.of("Africa/Luanda"));
        assertThat(ContactTimeZones.of("+5215512345678", SUPPORT)).isEqualTo(ZoneId.of("America/Mexico_City"));
        assertThat(ContactTimeZones.of("351912345678", SUPPORT)).as("WhatsApp's digits without the +").isEqualTo(ZoneId.of("Europe/Lisbon"));
    }

    @Test
    void refinesWhereTheNumberTellsTheRegion() {
        assertThat(ContactTimeZones.of("+34928123456", SUPPORT)).as("a Gran Canaria landline").isEqualTo(ZoneId.of("Atlantic/Canary"));
        assertThat(ContactTimeZones.of("+351296123456", SUPPORT)).as("a São Miguel landline").isEqualTo(ZoneId.of("Atlantic/Azores"));
        assertThat(ContactTimeZones.of("+351291123456", SUPPORT)).as("a Funchal landline").isEqualTo(ZoneId.of("Atlantic/Madeira"));
        assertThat(ContactTimeZones.of("+5592987654321", SUPPORT)).as("a Manaus mobile").isEqualTo(ZoneId.of("America/Manaus"));
    }

    @Test
    void aMobileSaysNothingOfTheIslands() {
        assertThat(ContactTimeZones.of("+34611222333", SUPPORT)).as("a Spanish mobile, wherever it is").isEqualTo(ZoneId.of("Europe/Madrid"));
    }

    @Test
    void fallsBackToTheSupportZoneWhereTheNumberCannotTell() {
        assertThat(ContactTimeZones.fromPhone("+12025550123")).as("the US spans six zones").isEmpty();
        assertThat(ContactTimeZones.fromPhone("+81312345678")).as("a country the desk does not serve").isEmpty();
        assertThat(ContactTimeZones.of("not a number", SUPPORT)).isEqualTo(SUPPORT);
        assertThat(ContactTimeZones.of(null, SUPPORT)).isEqualTo(SUPPORT);
    }

    @Test
    void onlyIanaIdsAreZones() {
        assertThat(ContactTimeZones.isZoneId("Europe/Madrid")).isTrue();
        assertThat(ContactTimeZones.isZoneId("+01:00")).isFalse();
        assertThat(ContactTimeZones.isZoneId("Madrid")).isFalse();
        assertThat(ContactTimeZones.isZoneId(null)).isFalse();
    }
}
