package org.atende.calendar;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Public holidays of a country ({@code PT}), optionally with those of a subdivision, written as a
 * path of region codes ({@code 11/LSB}: Lisbon district, Lisbon municipality). Observances, such
 * as Portugal's Carnival, never close the desk.
 */
public record HolidayRule(String country, @Nullable String subdivision) {

    public HolidayRule {
        if (country.isBlank()) {
            throw new InvalidCalendarException("a holiday rule needs a country code, e.g. PT");
        }
        country = country.strip().toUpperCase(Locale.ROOT);
        if (subdivision != null && subdivision.isBlank()) {
            subdivision = null;
        }
    }

    public static HolidayRule country(String country) {
        return new HolidayRule(country, null);
    }

    public String[] subdivisionPath() {
        return subdivision == null ? new String[0] : subdivision.strip().split("\\s*/\\s*");
    }

    @Override
    public String toString() {
        return subdivision == null ? country : country + "/" + subdivision;
    }
}
