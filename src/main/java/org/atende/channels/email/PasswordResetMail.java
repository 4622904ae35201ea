package org.atende.channels.email;

import java.time.ZoneId;
import java.util.List;

import org.atende.customers.Language;
import org.atende.identity.PasswordResetRequested;
import org.atende.notifications.Outbox;
import org.atende.notifications.Outgoing;
import org.atende.sla.PromiseWording;
import org.atende.tickets.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues the password-reset mail with its link, in the language of the account, in the transaction that
 * stored the link's token: the mail leaves if and only if the link exists. With the e-mail channel off,
 * nothing can be sent, and the link is of no use.
 */
@Component
class PasswordResetMail {

    private static final Logger log = LoggerFactory.getLogger(PasswordResetMail.class);

    private final Outbox outbox;
    private final EmailProperties properties;
    private final String baseUrl;
    private final ZoneId zone;

    PasswordResetMail(Outbox outbox, EmailProperties properties,
            @Value("${atende.web.base-url:http://localhost:8080}") String baseUrl,
            @Value("${atende.calendar.zone:Europe/Lisbon}") String zone) {
        this.outbox = outbox;
        this.properties = properties;
        this.zone = ZoneId.of(zone);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @EventListener
    void on(PasswordResetRequested e) {
        if (!properties.enabled()) {
            log.warn("Password reset for user {} not mailed: the e-mail channel is off", e.userId());
            return;
        }
        String link = baseUrl + "/password-reset/" + e.token();
        String until = PromiseWording.when(e.language(), e.expiresAt(), zone);
        outbox.enqueue(new Outgoing(Channel.EMAIL, Outgoing.Purpose.NOTICE, null, null, e.email(), subject(e.language()),
                body(e.language(), e.name(), link, until), "pw." + java.util.UUID.randomUUID() + "@" + properties.messageIdDomain(), null, List.of(), true));
    }

    static String subject(Language language) {
        return switch (language) {
            case ES -> "Restablecer su contraseña de Atende";
            case PT -> "Repor a sua palavra-passe do Atende";
            case EN -> "Reset your Atende password";
        };
    }

    static String body(Language language, String name, String link, String until) {
        return switch (language) {
            case ES -> """
                    Hola, %s:

                    Alguien (esperamos que usted) ha pedido restablecer la contraseña de su cuenta. Para elegir una nueva, abra este enlace:

                    %s

                    El enlace sirve una sola vez y caduca el %s. Si no lo ha pedido usted, ignore este mensaje: su contraseña no cambia.
                    """.formatted(name, link, until);
            case PT -> """
                    Olá, %s:

                    Alguém (esperamos que tenha sido você) pediu para repor a palavra-passe da sua conta. Para escolher uma nova, abra esta ligação:

                    %s

                    A ligação funciona uma única vez e expira %s. Se não foi você a pedir, ignore esta mensagem: a sua palavra-passe não muda.
                    """.formatted(name, link, until);
            case EN -> """
                    Hello %s,

                    Someone (we hope it was you) asked to reset the password of your account. To choose a new one, open this link:

                    %s

                    The link works once and expires on %s. If you did not ask for it, ignore this message: your password does not change.
                    """.formatted(name, link, until);
        };
    }
}
