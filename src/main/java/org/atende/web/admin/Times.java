package org.atende.web.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.atende.sla.PromiseWording;
import org.atende.sla.SlaTarget;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Instants as the admin pages show them: in Lisbon, the support time zone, with the zone named. Used as {@code @times} in templates. */
@Component("adminTimes")
public class Times {

    static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    /** "Fri 4 Dec 14:05 (Lisbon)", "sex 4 dez 14:05 (Lisboa)": in the page's language, the city too. */
    public String show(@Nullable Instant at, Locale locale) {
        if (at == null) {
            return "—";
        }
        return DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", locale).format(at.atZone(LISBON))
                + (locale.getLanguage().equals("es") || locale.getLanguage().equals("pt") ? " (Lisboa)" : " (Lisbon)");
    }

    /** A service-level target in the page's language ("8 horas úteis", "1 día hábil"), as {@code @adminTimes.target(t, #locale)}. */
    public String target(@Nullable SlaTarget target, Locale locale) {
        return target == null ? "—" : PromiseWording.target(locale, target);
    }

    /** "Mon 7 Dec 11:05" in Lisbon, for tables whose caption names the zone. */
    public String brief(@Nullable Instant at, Locale locale) {
        return at == null ? "—" : DateTimeFormatter.ofPattern("EEE d MMM HH:mm", locale).format(at.atZone(LISBON));
    }

    /** "Mon 7 Dec 11:05" in a given zone, for previews on a calendar of another zone. */
    public String showIn(@Nullable Instant at, ZoneId zone, Locale locale) {
        if (at == null) {
            return "—";
        }
        return DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", locale).format(at.atZone(zone));
    }
}
