package org.atende.channels.portal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.atende.customers.Language;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Times as the portal shows them: in the support time zone, named, in the page's language. Templates
 * call it as {@code @portalDates}.
 */
@Component("portalDates")
public class PortalDates {

    private final ZoneId zone;

    PortalDates(@Value("${atende.calendar.zone:Europe/Lisbon}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public String format(@Nullable Instant at, Locale locale) {
        if (at == null) {
            return "";
        }
        return DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm", locale).format(at.atZone(zone)) + " (" + zone.getId() + ")";
    }

    /** For {@code <time datetime>}. */
    public String iso(@Nullable Instant at) {
        return at == null ? "" : at.toString();
    }

    ZoneId zone() {
        return zone;
    }

    static Language language(Locale locale) {
        return switch (locale.getLanguage()) {
            case "es" -> Language.ES;
            case "pt" -> Language.PT;
            default -> Language.EN;
        };
    }
}
