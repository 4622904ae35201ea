package org.atende.identity.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.atende.customers.Language;

/** The invitation e-mail in Spanish, Portuguese and English. */
final class InvitationTexts {

    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    private InvitationTexts() {
    }

    static String subject(Language language) {
        return switch (language) {
            case ES -> "Su acceso a Atende";
            case PT -> "O seu acesso ao Atende";
            case EN -> "Your access to Atende";
        };
    }

    static String body(Language language, String name, String link, Instant expiresAt) {
        String until = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", locale(language)).format(expiresAt.atZone(LISBON));
        return switch (language) {
            case ES -> "Hola, " + name + ":\n\nLe hemos dado acceso a Atende, el servicio de atención al cliente. "
                    + "Para elegir su contraseña, abra este enlace:\n\n" + link + "\n\nEl enlace sirve una sola vez y caduca el "
                    + until + " (hora de Lisboa). Si no esperaba este mensaje, puede ignorarlo.\n";
            case PT -> "Olá, " + name + ",\n\nDemos-lhe acesso ao Atende, o apoio ao cliente. "
                    + "Para escolher a sua palavra-passe, abra esta ligação:\n\n" + link + "\n\nA ligação serve uma só vez e expira a "
                    + until + " (hora de Lisboa). Se não esperava esta mensagem, pode ignorá-la.\n";
            case EN -> "Hello " + name + ",\n\nYou have been given access to Atende, the customer care desk. "
                    + "To choose your password, open this link:\n\n" + link + "\n\nThe link works once and expires on "
                    + until + " (Lisbon time). If you did not expect this message, you can ignore it.\n";
        };
    }

    private static Locale locale(Language language) {
        return Locale.forLanguageTag(language.name().toLowerCase(Locale.ROOT));
    }
}
