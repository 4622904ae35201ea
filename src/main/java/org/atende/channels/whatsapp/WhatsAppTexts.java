package org.atende.channels.whatsapp;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.atende.customers.Language;
import org.atende.knowledge.Suggestion;
import org.atende.sla.PromiseWording;
import org.atende.sla.SlaTarget;
import org.jspecify.annotations.Nullable;

/**
 * What the desk writes on WhatsApp, in the contact's language: short, as in a chat. Targets are
 * targets ("objetivo"), never promises. {@code *…*} is bold and {@code _…_} italic on WhatsApp.
 */
public final class WhatsAppTexts {

    private WhatsAppTexts() {
    }

    /** The line under a reply that names the ticket, for a contact with several open. */
    static String ticketLine(Language language, long number) {
        return switch (language) {
            case ES -> "_Ticket #%d_".formatted(number);
            case PT -> "_Pedido #%d_".formatted(number);
            case EN -> "_Ticket #%d_".formatted(number);
        };
    }

    /** A reply or notice as it leaves: the text, then the ticket's line. */
    static String aboutTicket(Language language, long number, String body) {
        return body.strip() + "\n\n" + ticketLine(language, number);
    }

    /**
     * The acknowledgement of a new ticket: its number, the first-response target and when it falls, and
     * when the desk is closed, when it opens next; times in the contact's zone, with the desk's time beside
     * them when its clocks show another.
     */
    public static String acknowledgement(Language language, String name, long number, @Nullable SlaTarget target,
            @Nullable Instant due, @Nullable Instant opensAt, ZoneId contactZone, ZoneId deskZone) {
        StringBuilder b = new StringBuilder();
        switch (language) {
            case ES -> {
                b.append("Hola ").append(name).append(", hemos recibido su mensaje: ticket *#").append(number).append("*.");
                if (target != null && due != null) {
                    b.append("\nObjetivo de primera respuesta: ").append(target(language, target)).append(" (antes del ")
                            .append(when(language, due, contactZone, deskZone)).append(").");
                }
                if (opensAt != null) {
                    b.append("\nAhora estamos cerrados; volvemos el ").append(when(language, opensAt, contactZone, deskZone)).append(".");
                }
                b.append("\nResponda aquí para añadir información.");
            }
            case PT -> {
                b.append("Olá ").append(name).append(", recebemos a sua mensagem: pedido *#").append(number).append("*.");
                if (target != null && due != null) {
                    b.append("\nObjetivo de primeira resposta: ").append(target(language, target)).append(" (até ")
                            .append(when(language, due, contactZone, deskZone)).append(").");
                }
                if (opensAt != null) {
                    b.append("\nEstamos agora fechados; voltamos ").append(when(language, opensAt, contactZone, deskZone)).append(".");
                }
                b.append("\nResponda aqui para acrescentar informação.");
            }
            case EN -> {
                b.append("Hello ").append(name).append(", we have your message: ticket *#").append(number).append("*.");
                if (target != null && due != null) {
                    b.append("\nFirst-response target: ").append(target(language, target)).append(" (by ")
                            .append(when(language, due, contactZone, deskZone)).append(").");
                }
                if (opensAt != null) {
                    b.append("\nWe are closed now; back on ").append(when(language, opensAt, contactZone, deskZone)).append(".");
                }
                b.append("\nReply here to add to it.");
            }
        }
        return b.toString();
    }

    /** Help articles that may answer at once: one line each, the title and its public link. */
    static String helpArticles(Language language, List<Suggestion> articles, String baseUrl) {
        StringBuilder b = new StringBuilder(switch (language) {
            case ES -> "Quizá le ayude:";
            case PT -> "Talvez ajude:";
            case EN -> "This may help:";
        });
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        for (Suggestion article : articles) {
            b.append("\n• ").append(article.title()).append(" ").append(base).append("/help/")
                    .append(article.language().name().toLowerCase(Locale.ROOT)).append("/").append(article.slug());
        }
        return b.toString();
    }

    private static String target(Language language, SlaTarget target) {
        return PromiseWording.target(language, target);
    }

    private static String when(Language language, Instant at, ZoneId contactZone, ZoneId deskZone) {
        return PromiseWording.when(language, at, contactZone, deskZone);
    }
}
