package org.atende.macros;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.atende.customers.Language;

/**
 * A due time as a reply says it, in the reader's language and zone: "até seg. 14:00", "hasta el lun. 14:00",
 * "by Mon 14:00" within the coming six days, with the date further out ("até seg. 21 dez. 14:00"). The
 * abbreviations are written here: the JDK's short forms differ by version and are not what people write
 * ("segunda", "lun").
 */
final class DueWording {

    private static final String[] PT_DAYS = {"seg.", "ter.", "qua.", "qui.", "sex.", "sáb.", "dom."};
    private static final String[] ES_DAYS = {"lun.", "mar.", "mié.", "jue.", "vie.", "sáb.", "dom."};
    private static final String[] EN_DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] PT_MONTHS = {"jan.", "fev.", "mar.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.", "out.", "nov.", "dez."};
    private static final String[] ES_MONTHS = {"ene.", "feb.", "mar.", "abr.", "may.", "jun.", "jul.", "ago.", "sept.", "oct.", "nov.", "dic."};
    private static final String[] EN_MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private DueWording() {
    }

    static String by(Language language, Instant due, ZoneId zone, Instant now) {
        ZonedDateTime at = due.atZone(zone);
        int day = at.getDayOfWeek().getValue() - 1;
        int month = at.getMonthValue() - 1;
        boolean near = Duration.between(now, due).abs().compareTo(Duration.ofDays(6)) < 0;
        String time = String.format("%02d:%02d", at.getHour(), at.getMinute());
        return switch (language) {
            case PT -> "até " + PT_DAYS[day] + (near ? "" : " " + at.getDayOfMonth() + " " + PT_MONTHS[month]) + " " + time;
            case ES -> "hasta el " + ES_DAYS[day] + (near ? "" : " " + at.getDayOfMonth() + " " + ES_MONTHS[month]) + " " + time;
            case EN -> "by " + EN_DAYS[day] + (near ? "" : " " + at.getDayOfMonth() + " " + EN_MONTHS[month]) + " " + time;
        };
    }

    /** What a due placeholder says when no clock is running towards a time ahead. */
    static String soon(Language language) {
        return switch (language) {
            case PT -> "o mais brevemente possível";
            case ES -> "lo antes posible";
            case EN -> "as soon as possible";
        };
    }
}
