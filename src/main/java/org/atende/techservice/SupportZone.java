package org.atende.techservice;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The time zone quotes are dated in: a quote is valid through the end of its last day there, and the
 * billing month runs from its first midnight there to the next. {@code atende.techservice.zone}, else the
 * support calendar's {@code atende.calendar.zone}, else Europe/Lisbon.
 */
@Component
class SupportZone {

    private final ZoneId zone;

    SupportZone(@Value("${atende.techservice.zone:${atende.calendar.zone:Europe/Lisbon}}") String zone) {
        try {
            this.zone = ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new IllegalStateException("atende.techservice.zone: unknown time zone '" + zone + "'", e);
        }
    }

    ZoneId zone() {
        return zone;
    }

    LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, zone);
    }

    /** The first instant after {@code day}: the moment a quote valid until {@code day} expires. */
    Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    Instant startOf(YearMonth month) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }
}
