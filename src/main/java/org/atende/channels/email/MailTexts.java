package org.atende.channels.email;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.atende.customers.Language;
import org.atende.knowledge.Suggestion;
import org.atende.sla.PromiseWording;
import org.atende.sla.SlaTarget;
import org.jspecify.annotations.Nullable;

/**
 * What the desk writes in e-mails, in the contact's language: the line above which a reply goes, the
 * acknowledgement of a new ticket, and the answer to an unknown sender. Targets are called targets
 * ("objetivo"), with the terms' disclaimer.
 */
final class MailTexts {

    private MailTexts() {
    }

    static String replyAbove(Language language) {
        return switch (language) {
            case ES -> "-- Por favor, responda encima de esta línea --";
            case PT -> "-- Por favor responda por cima desta linha --";
            case EN -> "-- Please reply above this line --";
        };
    }

    static String ticketLine(Language language, long number) {
        return switch (language) {
            case ES -> "Ticket #%d".formatted(number);
            case PT -> "Pedido #%d".formatted(number);
            case EN -> "Ticket #%d".formatted(number);
        };
    }

    /**
     * The acknowledgement: the ticket number, the first-response target and when it falls (in the contact's
     * zone, with Lisbon time beside it when the clocks differ), and, when the desk is closed, its hours and
     * when it opens next.
     */
    static String acknowledgement(Language language, String name, long number, @Nullable SlaTarget target,
            @Nullable Instant due, @Nullable Instant opensAt, ZoneId contactZone, ZoneId zone) {
        StringBuilder b = new StringBuilder();
        switch (language) {
            case ES -> {
                b.append("Hola ").append(name).append(",\n\nHemos recibido su solicitud y la hemos registrado como ticket #")
                        .append(number).append(".\n");
                if (target != null && due != null) {
                    b.append("Nuestro objetivo de primera respuesta es de ").append(target(language, target))
                            .append(": antes del ").append(when(language, due, contactZone, zone)).append(".\n");
                }
                if (opensAt != null) {
                    b.append("Ahora estamos fuera del horario de asistencia (09:00–21:00, hora de Lisboa, días hábiles); "
                            + "volvemos el ").append(when(language, opensAt, contactZone, zone)).append(".\n");
                }
                b.append("\nResponda a este correo para añadir información al ticket.\n"
                        + "Los plazos indicados son objetivos de servicio, no compromisos vinculantes.\n");
            }
            case PT -> {
                b.append("Olá ").append(name).append(",\n\nRecebemos o seu pedido e registámo-lo com o número #")
                        .append(number).append(".\n");
                if (target != null && due != null) {
                    b.append("O nosso objetivo de primeira resposta é de ").append(target(language, target))
                            .append(": até ").append(when(language, due, contactZone, zone)).append(".\n");
                }
                if (opensAt != null) {
                    b.append("Estamos agora fora do horário de apoio (09:00–21:00, hora de Lisboa, dias úteis); "
                            + "voltamos a ").append(when(language, opensAt, contactZone, zone)).append(".\n");
                }
                b.append("\nResponda a este e-mail para acrescentar informação ao pedido.\n"
                        + "Os prazos indicados são objetivos de serviço, não compromissos vinculativos.\n");
            }
            case EN -> {
                b.append("Hello ").append(name).append(",\n\nWe have received your request and logged it as ticket #")
                        .append(number).append(".\n");
                if (target != null && due != null) {
                    b.append("Our first-response target is ").append(target(language, target))
                            .append(": by ").append(when(language, due, contactZone, zone)).append(".\n");
                }
                if (opensAt != null) {
                    b.append("We are now outside support hours (09:00–21:00 Lisbon time, working days); "
                            + "we are back on ").append(when(language, opensAt, contactZone, zone)).append(".\n");
                }
                b.append("\nReply to this e-mail to add to the ticket.\n"
                        + "The times given are service targets, not binding commitments.\n");
            }
        }
        return b.toString();
    }

    /** Help articles that may answer the request: each title, then its public link. */
    static String helpArticles(Language language, List<Suggestion> articles, String baseUrl) {
        StringBuilder b = new StringBuilder(switch (language) {
            case ES -> "Quizá estos artículos de nuestra ayuda resuelvan ya su consulta:\n";
            case PT -> "Talvez estes artigos da nossa ajuda resolvam já a sua questão:\n";
            case EN -> "These help articles may already answer your question:\n";
        });
        for (Suggestion article : articles) {
            b.append("- ").append(article.title()).append("\n  ").append(link(baseUrl, article)).append("\n");
        }
        return b.toString();
    }

    /** {@code {base}/help/{language}/{slug}}: the public page of a help article. */
    static String link(String baseUrl, Suggestion article) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + "/help/" + article.language().name().toLowerCase(java.util.Locale.ROOT) + "/" + article.slug();
    }

    static String acknowledgementSubject(Language language, String subject) {
        return switch (language) {
            case ES -> "Recibido: " + subject;
            case PT -> "Recebido: " + subject;
            case EN -> "Received: " + subject;
        };
    }

    /** To a sender the desk does not know, when unknown senders are refused: in the three languages. */
    static String unknownSender() {
        return """
                Hemos recibido su mensaje, pero esta dirección no está registrada como contacto de ningún cliente, \
                por lo que no hemos abierto ningún ticket. Escríbanos desde la dirección registrada de su empresa \
                o contacte con su responsable de cuenta.

                Recebemos a sua mensagem, mas este endereço não está registado como contacto de nenhum cliente, \
                pelo que não abrimos nenhum pedido. Escreva-nos a partir do endereço registado da sua empresa \
                ou contacte o seu gestor de conta.

                We received your message, but this address is not registered as a contact of any customer, so \
                no ticket was opened. Please write from your company's registered address or contact your \
                account manager.
                """;
    }

    static String refusedSubject(String subject) {
        return "Re: " + subject;
    }

    private static String target(Language language, SlaTarget target) {
        return PromiseWording.target(language, target);
    }

    private static String when(Language language, Instant at, ZoneId contactZone, ZoneId zone) {
        return PromiseWording.when(language, at, contactZone, zone);
    }

    private static String when(Language language, Instant at, ZoneId zone) {
        return PromiseWording.when(language, at, zone);
    }
}
