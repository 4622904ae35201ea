package org.atende.customers;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What the customer is told about the allowance, in the contact's language: why a ticket was refused,
 * or that it was opened over the allowance and will be billed. Every channel sends these texts as they are.
 */
public final class QuotaMessages {

    private QuotaMessages() {
    }

    public static String refused(Language language, int allowance, int used, YearMonth month, Instant renewsAt, ZoneId zone) {
        String m = month(language, month);
        String renews = renewal(language, renewsAt, zone);
        return switch (language) {
            case ES -> "No hemos podido abrir su ticket: su plan de soporte incluye %s al mes y ya ha utilizado %d en %s. La asignación se renueva el %s. Si necesita ayuda urgente, contacte con su responsable de cuenta."
                    .formatted(tickets(allowance), used, m, renews);
            case PT -> "Não foi possível abrir o seu pedido: o seu plano de suporte inclui %s por mês e já utilizou %d em %s. A quota renova-se a %s. Se precisar de ajuda urgente, contacte o seu gestor de conta."
                    .formatted(tickets(allowance), used, m, renews);
            case EN -> "We could not open your ticket: your support plan includes %s a month and %d have been used in %s. The allowance renews on %s. If you need urgent help, contact your account manager."
                    .formatted(tickets(allowance), used, m, renews);
        };
    }

    public static String acceptedOverQuota(Language language, int allowance, int number, YearMonth month, Instant renewsAt,
            ZoneId zone) {
        String m = month(language, month);
        String renews = renewal(language, renewsAt, zone);
        return switch (language) {
            case ES -> "Su ticket está abierto. Su plan de soporte incluye %s al mes y este es el número %d de %s: supera la asignación y se facturará aparte. La asignación se renueva el %s."
                    .formatted(tickets(allowance), number, m, renews);
            case PT -> "O seu pedido está aberto. O seu plano de suporte inclui %s por mês e este é o n.º %d de %s: ultrapassa a quota e será faturado à parte. A quota renova-se a %s."
                    .formatted(tickets(allowance), number, m, renews);
            case EN -> "Your ticket is open. Your support plan includes %s a month and this is number %d in %s: it is over the allowance and will be billed separately. The allowance renews on %s."
                    .formatted(tickets(allowance), number, m, renews);
        };
    }

    /** "1 ticket", "5 tickets": the word is the same in the three languages. */
    private static String tickets(int n) {
        return n == 1 ? "1 ticket" : n + " tickets";
    }

    static Locale locale(Language language) {
        return switch (language) {
            case ES -> Locale.forLanguageTag("es-ES");
            case PT -> Locale.forLanguageTag("pt-PT");
            case EN -> Locale.forLanguageTag("en-GB");
        };
    }

    private static String month(Language language, YearMonth month) {
        String pattern = language == Language.EN ? "MMMM uuuu" : "MMMM 'de' uuuu";
        return DateTimeFormatter.ofPattern(pattern, locale(language)).format(month);
    }

    private static String renewal(Language language, Instant renewsAt, ZoneId zone) {
        String pattern = switch (language) {
            case ES -> "d 'de' MMMM 'de' uuuu 'a las' HH:mm";
            case PT -> "d 'de' MMMM 'de' uuuu 'às' HH:mm";
            case EN -> "d MMMM uuuu 'at' HH:mm";
        };
        return DateTimeFormatter.ofPattern(pattern, locale(language)).format(renewsAt.atZone(zone)) + " (" + zone.getId() + ")";
    }
}
