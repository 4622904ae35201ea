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

    public static String target(Language language, SlaTarget target) {
        boolean days = target.unit() == TargetUnit.DAYS;
        int n = target.amount();
        return switch (language) {
            case ES -> n + (days ? (n == 1 ? " día laborable" : " días laborables") : (n == 1 ? " hora laborable" : " horas laborables"));
            case PT -> n + (days ? (n == 1 ? " dia útil" : " dias úteis") : (n == 1 ? " hora útil" : " horas úteis"));
            case EN -> n + (days ? (n == 1 ? " business day" : " business days") : (n == 1 ? " business hour" : " business hours"));
        };
    }

    public static String when(Language language, Instant at, ZoneId zone) {
        Locale locale = switch (language) {
            case ES -> Locale.forLanguageTag("es-ES");
            case PT -> Locale.forLanguageTag("pt-PT");
            case EN -> Locale.forLanguageTag("en-GB");
        };
        String pattern = switch (language) {
            case ES -> "EEEE d 'de' MMMM 'a las' HH:mm";
            case PT -> "EEEE, d 'de' MMMM, 'às' HH:mm";
            case EN -> "EEEE d MMMM 'at' HH:mm";
        };
        return DateTimeFormatter.ofPattern(pattern, locale).format(at.atZone(zone)) + " (" + zoneName(language, zone) + ")";
    }

    private static String zoneName(Language language, ZoneId zone) {
        if (!zone.getId().equals("Europe/Lisbon")) {
            return zone.getId();
        }
        return language == Language.EN ? "Lisbon time" : "hora de Lisboa";
    }
}
