package org.atende.knowledge.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Times on these pages: in the support time zone, which is named next to them. */
@Component
class SupportTime {

    private final ZoneId zone;

    SupportTime(@Value("${atende.calendar.zone:Europe/Lisbon}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    String format(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withZone(zone).format(instant);
    }

    String day(LocalDate day, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day);
    }

    String zone() {
        return zone.getId();
    }
}
