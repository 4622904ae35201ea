package org.atende.channels.email;

import org.atende.identity.InvitationMail;
import org.atende.notifications.Outbox;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts identity's invitations in the outbox, in the transaction that issued them (a plain listener, so
 * the mail, which carries the link, is never kept as an event publication).
 */
@Component
class InvitationMailer {

    private final Outbox outbox;
    private final MailComposer composer;

    InvitationMailer(Outbox outbox, MailComposer composer) {
        this.outbox = outbox;
        this.composer = composer;
    }

    @EventListener
    void send(InvitationMail mail) {
        outbox.enqueue(composer.notice(mail.recipient(), mail.subject(), mail.body()));
    }
}
