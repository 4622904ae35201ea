package org.atende.channels.email;

import org.atende.customers.Language;
import org.atende.notifications.Outbox;
import org.atende.notifications.Outgoing;
import org.atende.satisfaction.SatisfactionRequested;
import org.atende.tickets.Channel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Asks by e-mail whether the answer helped: two one-click links (good, bad) and the page for a comment, in the
 * contact's language, in the ticket's thread. Queued in the survey's transaction.
 */
@Component
class SurveyMail {

    private final Outbox outbox;
    private final MailComposer composer;
    private final EmailProperties properties;
    private final org.atende.customers.Customers customers;
    private final String baseUrl;
    private final java.time.Clock clock;

    SurveyMail(Outbox outbox, MailComposer composer, EmailProperties properties, org.atende.customers.Customers customers,
            @Value("${atende.web.base-url:http://localhost:8080}") String baseUrl, java.time.Clock clock) {
        this.clock = clock;
        this.outbox = outbox;
        this.composer = composer;
        this.properties = properties;
        this.customers = customers;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @EventListener
    void on(SatisfactionRequested e) {
        if (e.askBy() != Channel.EMAIL || !properties.enabled()) {
            return;
        }
        customers.contact(e.contactId()).filter(c -> c.email() != null).ifPresent(contact -> {
            String page = baseUrl + "/satisfaction/" + e.token();
            long days = Math.max(1, Math.round(java.time.Duration.between(clock.instant(), e.expiresAt()).toHours() / 24.0));
            Outgoing mail = composer.aboutTicket(Outgoing.Purpose.SURVEY, e.ticketId(), e.ticketNumber(), null, contact.email(),
                    subject(e.language()) + " — " + e.subject(), body(e.language(), page, days), e.language(), true);
            outbox.enqueue(mail);
        });
    }

    static String subject(Language language) {
        return switch (language) {
            case ES -> "¿Le ayudó nuestra respuesta?";
            case PT -> "A nossa resposta ajudou?";
            case EN -> "Did our answer help?";
        };
    }

    static String body(Language language, String page, long days) {
        return switch (language) {
            case ES -> """
                    Hemos resuelto su solicitud. ¿Le ayudó nuestra respuesta? Un clic basta:

                    Sí, me ayudó: %s/good
                    No, no me ayudó: %s/bad

                    Si quiere, díganos algo más: %s
                    El enlace sirve una vez y caduca en %d días.""".formatted(page, page, page, days);
            case PT -> """
                    Resolvemos o seu pedido. A nossa resposta ajudou? Basta um clique:

                    Sim, ajudou: %s/good
                    Não, não ajudou: %s/bad

                    Se quiser, diga-nos mais alguma coisa: %s
                    A ligação serve uma vez e expira em %d dias.""".formatted(page, page, page, days);
            case EN -> """
                    We have resolved your request. Did our answer help? One click is enough:

                    Yes, it helped: %s/good
                    No, it did not help: %s/bad

                    If you like, tell us more: %s
                    The link works once and expires in %d days.""".formatted(page, page, page, days);
        };
    }
}
