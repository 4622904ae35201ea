package org.atende.techservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

class SupportZoneUnitTests {

    final SupportZone lisbon = new SupportZone("Europe/Lisbon");

    @Test
    void aDayEndsAtTheNextMidnightInLisbonSummerOrWinter() {
        assertThat(lisbon.endOf(LocalDate.parse("2026-07-31"))).isEqualTo(Instant.parse("2026-07-31T23:00:00Z"));
        assertThat(lisbon.endOf(LocalDate.parse("2026-12-15"))).isEqualTo(Instant.parse("2026-12-16T00:00:00Z"));
        // the last Sunday of October is 25 hours long: summer time ends at 02:00 that night
        assertThat(lisbon.endOf(LocalDate.parse("2026-10-24"))).isEqualTo(Instant.parse("2026-10-24T23:00:00Z"));
        assertThat(lisbon.endOf(LocalDate.parse("2026-10-25"))).isEqualTo(Instant.parse("2026-10-26T00:00:00Z"));
    }

    @Test
    void todayIsLisbonsDate() {
        assertThat(lisbon.today(Instant.parse("2026-07-31T22:59:59Z"))).isEqualTo(LocalDate.parse("2026-07-31"));
        assertThat(lisbon.today(Instant.parse("2026-07-31T23:00:00Z"))).isEqualTo(LocalDate.parse("2026-08-01"));
    }

    @Test
    void aMonthStartsAtItsFirstMidnightInLisbon() {
        assertThat(lisbon.startOf(YearMonth.of(2026, 8))).isEqualTo(Instant.parse("2026-07-31T23:00:00Z"));
        assertThat(lisbon.startOf(YearMonth.of(2027, 1))).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Test
    void followsAnotherZoneWhenConfigured() {
        assertThat(new SupportZone(" Atlantic/Azores ").endOf(LocalDate.parse("2026-07-31")))
                .isEqualTo(Instant.parse("2026-08-01T00:00:00Z"));
        assertThatThrownBy(() -> new SupportZone("Mars/Olympus")).hasMessageContaining("atende.techservice.zone")
                .hasMessageContaining("Mars/Olympus");
    }
}
