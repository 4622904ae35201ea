package org.atende.sla;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.atende.customers.Language;

/**
 * How a promise reads to a customer, in their language, on any channel: a target ("1 dia útil",
 * "4 business hours") and an instant in the support calendar's zone ("quinta-feira, 26 de novembro, às
 * 10:00 (hora de Lisboa)").
 */
public final class PromiseWording {

    private PromiseWording() {
    }

    /**
     * A target in business time, with the language's plural ("1 dia útil", "8 horas úteis", "1 día hábil",
     * "12 horas hábiles", "2 business days"): the one wording of targets and durations of pages, mails and
     * WhatsApp texts.
     */
    public static String target(Language language, SlaTarget target) {
        boolean days = target.unit() == TargetUnit.DAYS;
        int n = target.amount();
        boolean one = n == 1;
        return n + " " + switch (language) {
            case ES -> days ? (one ? "día hábil" : "días hábiles") : (one ? "hora hábil" : "horas hábiles");
            case PT -> days ? (one ? "dia útil" : "dias úteis") : (one ? "hora útil" : "horas úteis");
            case EN -> days ? (one ? "business day" : "business days") : (one ? "business hour" : "business hours");
        };
    }

    /** A target in the language of a page's locale (English for any other). */
    public static String target(Locale locale, SlaTarget target) {
        return target(language(locale), target);
    }

    /**
     * A target written as {@link SlaTarget#toString()} writes it ("12 business hours", as the API and the
     * reports' records keep it), in the language of a page's locale; any other text as it is.
     */
    public static String target(Locale locale, String english) {
        java.util.regex.Matcher m = ENGLISH.matcher(english.strip());
        if (!m.matches()) {
            return english;
        }
        int amount = Integer.parseInt(m.group(1));
        return amount <= 0 ? english : target(locale, new SlaTarget(amount, m.group(2).equals("day") ? TargetUnit.DAYS : TargetUnit.HOURS));
    }

    private static final java.util.regex.Pattern ENGLISH = java.util.regex.Pattern.compile("(\\d+) business (hour|day)s?");

    /** The language of a locale: Spanish, Portuguese, else English. */
    public static Language language(Locale locale) {
        return switch (locale.getLanguage()) {
            case "es" -> Language.ES;
            case "pt" -> Language.PT;
            default -> Language.EN;
        };
    }

    public static String when(Language language, Instant at, ZoneId zone) {
        Locale locale = locale(language);
        String pattern = switch (language) {
            case ES -> "EEEE d 'de' MMMM 'a las' HH:mm";
            case PT -> "EEEE, d 'de' MMMM, 'às' HH:mm";
            case EN -> "EEEE d MMMM 'at' HH:mm";
        };
        return DateTimeFormatter.ofPattern(pattern, locale).format(at.atZone(zone)) + " (" + zoneName(language, zone) + ")";
    }

    /**
     * An instant as a customer reads it: in their own zone, named by its city ("hora de Madrid"), and, when
     * the clock there shows another time than the support desk's, the desk's time beside it ("09:00 em
     * Lisboa"), with the desk's day when that differs too.
     */
    public static String when(Language language, Instant at, ZoneId customerZone, ZoneId supportZone) {
        if (customerZone.equals(supportZone)) {
            return when(language, at, supportZone);
        }
        var local = at.atZone(customerZone);
        var desk = at.atZone(supportZone);
        String own = when(language, at, customerZone);
        if (local.toLocalDateTime().equals(desk.toLocalDateTime())) {
            return own;
        }
        Locale locale = locale(language);
        String time = DateTimeFormatter.ofPattern(local.toLocalDate().equals(desk.toLocalDate()) ? "HH:mm" : "EEE d, HH:mm", locale)
                .format(desk);
        String city = city(language, supportZone);
        String beside = switch (language) {
            case ES -> time + " en " + city;
            case PT -> time + " em " + city;
            case EN -> time + " " + city + " time";
        };
        return own.substring(0, own.length() - 1) + "; " + beside + ")";
    }

    private static Locale locale(Language language) {
        return switch (language) {
            case ES -> Locale.forLanguageTag("es-ES");
            case PT -> Locale.forLanguageTag("pt-PT");
            case EN -> Locale.forLanguageTag("en-GB");
        };
    }

    private static String zoneName(Language language, ZoneId zone) {
        String city = city(language, zone);
        return language == Language.EN ? city + " time" : "hora de " + city;
    }

    /** The city a zone is named after, as the customer's language writes it (Europe/Lisbon: Lisboa, Lisbon). */
    static String city(Language language, ZoneId zone) {
        String id = zone.getId();
        String city = id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
        return switch (id) {
            case "Europe/Lisbon" -> language == Language.EN ? "Lisbon" : "Lisboa";
            case "Europe/London" -> language == Language.EN ? "London" : "Londres";
            case "America/Sao_Paulo" -> "São Paulo";
            case "Atlantic/Canary" -> language == Language.EN ? "Canary Islands" : language == Language.ES ? "Canarias" : "Canárias";
            case "Atlantic/Azores" -> language == Language.EN ? "Azores" : language == Language.ES ? "Azores" : "Açores";
            case "America/Mexico_City" -> language == Language.EN ? "Mexico City" : "Ciudad de México";
            case "America/Argentina/Buenos_Aires" -> "Buenos Aires";
            default -> id.contains("/") ? city : id;
        };
    }
}
