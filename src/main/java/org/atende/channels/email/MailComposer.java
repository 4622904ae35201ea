package org.atende.channels.email;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

import org.atende.channels.email.mime.ReferenceMarker;
import org.atende.channels.email.mime.SubjectTag;
import org.atende.customers.DeskNames;
import org.atende.customers.Language;
import org.atende.notifications.Outgoing;
import org.atende.tickets.Channel;
import org.atende.tickets.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Writes the desk's e-mails as they will leave: a Message-ID at the desk's domain (stable: stored with
 * the outbox row, so a retry is the same mail), {@code In-Reply-To} and {@code References} to the
 * ticket's thread, the {@code [#1042]} tag in the subject, the "reply above this line" marker on top and
 * a reference marker at the bottom (for providers that rewrite Message-IDs). The Message-ID joins the
 * ticket's thread at once, so an answer to it finds the ticket.
 */
@Component
class MailComposer {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EmailProperties properties;
    private final MailThreads threads;

    private final DeskNames names;

    MailComposer(EmailProperties properties, MailThreads threads, DeskNames names) {
        this.properties = properties;
        this.threads = threads;
        this.names = names;
    }

    /** A mail about a ticket: a reply, an acknowledgement or a notice. */
    Outgoing aboutTicket(Outgoing.Purpose purpose, TicketId ticket, long number, @Nullable Long ticketMessageId,
            String recipient, String subject, String body, Language language, boolean automatic) {
        String messageId = newMessageId("t" + ticket.value() + (ticketMessageId == null ? "" : ".m" + ticketMessageId));
        List<String> references = threads.of(ticket, 20);
        String inReplyTo = threads.latestInbound(ticket).orElse(references.isEmpty() ? null : references.getLast());
        String text = MailTexts.replyAbove(language) + "\n\n" + body.strip() + "\n\n-- \n" + names.of(language) + "\n"
                + MailTexts.ticketLine(language, number)
                + "\n" + ReferenceMarker.write(messageId) + "\n";
        threads.remember(messageId, ticket, false);
        return new Outgoing(Channel.EMAIL, purpose, ticket, ticketMessageId, recipient, SubjectTag.add(subject, number), text,
                messageId, inReplyTo, references, automatic);
    }

    /** An automatic answer to a mail that opened no ticket (a refusal), threaded to that mail only. */
    Outgoing answerWithoutTicket(String recipient, String subject, String body, @Nullable String inReplyTo) {
        String messageId = newMessageId("r");
        return new Outgoing(Channel.EMAIL, Outgoing.Purpose.REFUSAL, null, null, recipient, subject, body.strip() + "\n",
                messageId, inReplyTo, inReplyTo == null ? List.of() : List.of(inReplyTo), true);
    }

    /** A notice to a person, about no ticket (an invitation): a Message-ID of its own, no thread. */
    Outgoing notice(String recipient, String subject, String body) {
        return new Outgoing(Channel.EMAIL, Outgoing.Purpose.NOTICE, null, null, recipient, subject, body.strip() + "\n",
                newMessageId("n"), null, List.of(), true);
    }

    private String newMessageId(String prefix) {
        byte[] random = new byte[9];
        RANDOM.nextBytes(random);
        return prefix + "." + HexFormat.of().formatHex(random) + "@" + properties.messageIdDomain();
    }
}
