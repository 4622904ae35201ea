package org.atende.channels.email;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.atende.channels.email.mime.MailAttachment;
import org.atende.channels.email.mime.MailReader;
import org.atende.channels.email.mime.ParsedMail;
import org.atende.channels.email.mime.ReferenceMarker;
import org.atende.channels.email.mime.SubjectTag;
import org.atende.customers.ContactSummary;
import org.atende.customers.QuotaExhaustedException;
import org.atende.notifications.Outbox;
import org.atende.tickets.Attachments;
import org.atende.tickets.Channel;
import org.atende.tickets.MessageView;
import org.atende.tickets.OpenTicket;
import org.atende.tickets.Reply;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.atende.tickets.TimelineEntry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns one mail from a mailbox into what it means for the desk, exactly once: the mail's key (its
 * Message-ID, or its source's digest) is claimed in the same transaction as the ticket change, so a mail
 * read again, or by two instances, changes nothing the second time. Automated mail opens nothing;
 * bounces mark the mail they answer failed; out-of-office answers are kept on their ticket without
 * reopening it; a person's mail joins its ticket when it answers one they take part in, and opens a
 * ticket otherwise (linked to the ticket it answered, if any).
 * <p>
 * Nothing is dropped for want of a sender: a person's mail with no readable sender opens a ticket in the
 * triage organisation, on its unidentified-sender contact, tagged {@value #NO_SENDER}, with the
 * {@code From} as written at the top of its text. A mail a spam filter flagged opens a ticket tagged
 * {@value #LIKELY_SPAM} on the sender's contact if there is one, else on the unidentified-sender contact
 * (no contact is made from it). The desk writes nothing by itself (acknowledgement, refusal) to a sender
 * the mail says not to ({@link ParsedMail#noAnswer()}); the ticket's timeline says why.
 */
@Component
class InboundMail {

    private static final Logger log = LoggerFactory.getLogger(InboundMail.class);
    private static final int MAX_BODY = 1_000_000;
    static final String NO_SENDER = "no-sender";
    static final String LIKELY_SPAM = "likely-spam";

    private final MailReader reader;
    private final InboundRecords records;
    private final MailThreads threads;
    private final SenderDirectory senders;
    private final Tickets tickets;
    private final Attachments attachments;
    private final Outbox outbox;
    private final MailComposer composer;
    private final Acknowledgements acknowledgements;
    private final TransactionTemplate transactions;
    private final Clock clock;

    InboundMail(MailReader reader, InboundRecords records, MailThreads threads, SenderDirectory senders, Tickets tickets,
            Attachments attachments, Outbox outbox, MailComposer composer, Acknowledgements acknowledgements,
            PlatformTransactionManager transactions, Clock clock) {
        this.reader = reader;
        this.records = records;
        this.threads = threads;
        this.senders = senders;
        this.tickets = tickets;
        this.attachments = attachments;
        this.outbox = outbox;
        this.composer = composer;
        this.acknowledgements = acknowledgements;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Reads one mail that arrived in {@code mailbox} at {@code arrivedAt}; safe to call again with the same mail. */
    InboundOutcome accept(String mailbox, byte[] raw, @Nullable Instant arrivedAt) {
        ParsedMail mail = reader.read(raw);
        String key = key(mail, raw);
        if (records.known(key)) {
            return InboundOutcome.of(InboundOutcome.Kind.DUPLICATE, null, null);
        }
        return take(mailbox, raw, mail, key, arrivedAt);
    }

    /** The key a mail is recorded under: its Message-ID's, or its source's digest when it has none. */
    static String key(ParsedMail mail, byte[] raw) {
        return mail.messageIdSynthesized() ? MailThreads.sha256(raw) : MailThreads.key(mail.messageId());
    }

    /**
     * Takes in a mail already read, whose key was not on record a moment ago (a mailbox reader checks a
     * whole batch in one query): the key's unique claim still makes a second reading change nothing.
     */
    InboundOutcome take(String mailbox, byte[] raw, ParsedMail mail, String key, @Nullable Instant arrivedAt) {
        Instant now = clock.instant();
        Instant receivedAt = arrivedAt == null || arrivedAt.isAfter(now) ? now : arrivedAt;
        try {
            return Objects.requireNonNull(transactions.execute(tx -> process(mailbox, raw, mail, key, receivedAt)));
        } catch (DuplicateKeyException e) { // another reader claimed it first and committed
            return InboundOutcome.of(InboundOutcome.Kind.DUPLICATE, null, null);
        } catch (QuotaExhaustedException e) { // nothing of the attempt was kept: record the refusal and answer it
            return Objects.requireNonNull(transactions.execute(tx -> refuseOverQuota(mailbox, raw, mail, key, e)));
        }
    }

    private InboundOutcome process(String mailbox, byte[] raw, ParsedMail mail, String key, Instant receivedAt) {
        String from = mail.from() == null ? null : mail.from().address();
        long id = records.claim(key, mail.messageId(), mailbox, from, mail.subject(), raw, clock.instant());
        Long[] messageRef = {null};
        InboundOutcome outcome = switch (mail.kind()) {
            case AUTOMATED -> InboundOutcome.of(InboundOutcome.Kind.IGNORED, null, "automated mail: " + mail.automatedBecause());
            case BOUNCE -> bounce(mail);
            case OUT_OF_OFFICE -> outOfOffice(mail, receivedAt, messageRef);
            case HUMAN -> from == null ? withoutSender(mail, receivedAt, messageRef) : fromPerson(mail, receivedAt, messageRef);
        };
        records.settle(id, outcome, messageRef[0], mail.html(), mail.text());
        return outcome;
    }

    private InboundOutcome bounce(ParsedMail mail) {
        var bounce = mail.bounce();
        if (bounce == null || bounce.originalMessageId() == null) {
            return InboundOutcome.of(InboundOutcome.Kind.BOUNCE, null, "a bounce that names no mail of ours");
        }
        String original = MailThreads.normalise(bounce.originalMessageId());
        String reason = "bounced" + (bounce.recipient() == null ? "" : " for " + bounce.recipient())
                + (bounce.status() == null ? "" : ", status " + bounce.status())
                + (bounce.diagnostic() == null ? "" : ": " + bounce.diagnostic());
        boolean ours = outbox.markUndelivered(original, reason);
        TicketId ticket = threads.ticketOf(List.of(original)).orElse(null);
        return InboundOutcome.of(InboundOutcome.Kind.BOUNCE, ticket, ours ? reason : "a bounce of a mail the desk did not send: " + reason);
    }

    private InboundOutcome outOfOffice(ParsedMail mail, Instant receivedAt, Long[] messageRef) {
        Optional<TicketId> ticket = thread(mail);
        Optional<ContactSummary> contact = mail.from() == null ? Optional.empty() : senders.known(mail.from().address());
        if (ticket.isEmpty() || contact.isEmpty()) {
            return InboundOutcome.of(InboundOutcome.Kind.IGNORED, null, "an automatic answer to no ticket of a known contact");
        }
        try {
            MessageView m = tickets.recordAutoReply(contact.get(), ticket.get(), body(mail, true), Channel.EMAIL, receivedAt);
            messageRef[0] = m.id();
            threads.remember(mail.messageId(), ticket.get(), true);
            return InboundOutcome.of(InboundOutcome.Kind.AUTO_REPLY, ticket.get(), "kept as an automatic answer");
        } catch (org.springframework.web.ErrorResponseException e) { // another organisation's ticket: not theirs to write on
            return InboundOutcome.of(InboundOutcome.Kind.IGNORED, null, "an automatic answer to a ticket of another organisation");
        }
    }

    /** A person's mail with no address to answer: a ticket in triage for a person to read, never dropped. */
    private InboundOutcome withoutSender(ParsedMail mail, Instant receivedAt, Long[] messageRef) {
        ContactSummary unidentified = senders.unidentified();
        TicketView opened = open(mail, unidentified, receivedAt, messageRef, Set.of(NO_SENDER),
                "[No readable sender. From as written: " + Objects.requireNonNullElse(mail.fromWritten(), "(none)") + "]\n\n");
        return InboundOutcome.of(InboundOutcome.Kind.TICKET_OPENED, opened.id(), "no readable sender: kept in triage");
    }

    private InboundOutcome fromPerson(ParsedMail mail, Instant receivedAt, Long[] messageRef) {
        var sender = Objects.requireNonNull(mail.from());
        Optional<ContactSummary> found = mail.likelySpam()
                ? Optional.of(senders.known(sender.address()).orElseGet(senders::unidentified))
                : senders.contactFor(sender.address(), sender.name());
        if (found.isEmpty()) {
            if (mail.noAnswer() == null) {
                outbox.enqueue(composer.answerWithoutTicket(sender.address(), MailTexts.refusedSubject(mail.subject()),
                        MailTexts.unknownSender(), mail.messageId()));
            }
            return InboundOutcome.of(InboundOutcome.Kind.REFUSED, null, "unknown sender " + sender.address()
                    + (mail.noAnswer() == null ? "" : "; not answered: " + mail.noAnswer()));
        }
        ContactSummary contact = found.get();
        Optional<TicketView> answered = thread(mail).flatMap(tickets::lookup);
        if (answered.isPresent()) {
            TicketView t = answered.get();
            boolean participant = t.organisationId().equals(contact.organisationId()) && tickets.participants(t.id()).contains(contact.id());
            if (participant && t.status() != TicketStatus.CLOSED) {
                MessageView m = tickets.replyFrom(contact, t.id(), new Reply(body(mail, true), false, null, Channel.EMAIL), receivedAt);
                messageRef[0] = m.id();
                threads.remember(mail.messageId(), t.id(), true);
                keepAttachments(mail, t.id(), m.id(), contact);
                return InboundOutcome.of(InboundOutcome.Kind.MESSAGE_ADDED, t.id(), null);
            }
            TicketView opened = open(mail, contact, receivedAt, messageRef);
            String why = participant ? "a reply to closed ticket #" + t.number() : "a reply to #" + t.number() + " from " + contact.email()
                    + ", who does not take part in it";
            tickets.recordOnTimeline(opened.id(), TimelineEntry.bySystem(clock.instant(), "LINKED", "opened from " + why));
            tickets.recordOnTimeline(t.id(), TimelineEntry.bySystem(clock.instant(), "LINKED",
                    "#" + opened.number() + " opened from " + why));
            return InboundOutcome.of(InboundOutcome.Kind.TICKET_OPENED, opened.id(), "linked to #" + t.number());
        }
        TicketView opened = open(mail, contact, receivedAt, messageRef);
        return InboundOutcome.of(InboundOutcome.Kind.TICKET_OPENED, opened.id(), null);
    }

    private TicketView open(ParsedMail mail, ContactSummary contact, Instant receivedAt, Long[] messageRef) {
        boolean unidentified = senders.isUnidentified(contact);
        return open(mail, contact, receivedAt, messageRef, mail.likelySpam() ? Set.of(LIKELY_SPAM) : Set.of(),
                mail.likelySpam() && unidentified ? "[Flagged as spam. From: " + Objects.requireNonNull(mail.from()).address() + "]\n\n" : "");
    }

    private TicketView open(ParsedMail mail, ContactSummary contact, Instant receivedAt, Long[] messageRef, Set<String> tags,
            String preface) {
        String subject = mail.subject().isBlank() ? "(no subject)" : mail.subject().strip();
        String body = preface + body(mail, false);
        TicketView opened = tickets.openFor(contact, new OpenTicket(null, null, Channel.EMAIL,
                subject.length() > 300 ? subject.substring(0, 300) : subject, body, null, null, null, tags, receivedAt));
        long first = tickets.messagesOf(opened.id()).getFirst().id();
        messageRef[0] = first;
        threads.remember(mail.messageId(), opened.id(), true); // before the acknowledgement, which answers this mail
        keepAttachments(mail, opened.id(), first, contact);
        if (mail.noAnswer() == null) {
            acknowledgements.acknowledge(opened, contact, body);
        } else {
            tickets.recordOnTimeline(opened.id(), TimelineEntry.bySystem(clock.instant(), "ACKNOWLEDGEMENT_SKIPPED",
                    "not acknowledged: " + mail.noAnswer()));
        }
        return opened;
    }

    private void keepAttachments(ParsedMail mail, TicketId ticket, long messageId, ContactSummary contact) {
        List<String> notes = new ArrayList<>(mail.dropped());
        for (MailAttachment a : mail.attachments()) {
            attachments.attachReceived(ticket, messageId, a.filename(), a.contentType(), a.bytes(), contact.name()).ifPresent(notes::add);
        }
        for (String note : notes) {
            tickets.recordOnTimeline(ticket, TimelineEntry.bySystem(clock.instant(), "ATTACHMENT_DROPPED", note));
        }
    }

    /** The ticket a mail answers: by its references to mails of the desk, then by the subject's tag, then by a body marker. */
    private Optional<TicketId> thread(ParsedMail mail) {
        List<String> ids = new ArrayList<>();
        if (mail.inReplyTo() != null) {
            ids.add(mail.inReplyTo());
        }
        ids.addAll(mail.references().reversed()); // the nearest ancestor first
        Optional<TicketId> byHeaders = threads.ticketOf(ids);
        if (byHeaders.isPresent()) {
            return byHeaders;
        }
        OptionalLong tagged = SubjectTag.find(mail.subject());
        if (tagged.isPresent()) {
            Optional<TicketView> t = tickets.lookupByNumber(tagged.getAsLong());
            if (t.isPresent()) {
                return Optional.of(t.get().id());
            }
        }
        return ReferenceMarker.find(mail.text() + "\n" + Objects.requireNonNullElse(mail.html(), ""))
                .flatMap(id -> threads.ticketOf(List.of(id)));
    }

    private InboundOutcome refuseOverQuota(String mailbox, byte[] raw, ParsedMail mail, String key, QuotaExhaustedException e) {
        String from = mail.from() == null ? null : mail.from().address();
        long id = records.claim(key, mail.messageId(), mailbox, from, mail.subject(), raw, clock.instant());
        if (from != null && mail.noAnswer() == null) {
            outbox.enqueue(composer.answerWithoutTicket(from, MailTexts.refusedSubject(mail.subject()), e.customerMessage(),
                    mail.messageId()));
        }
        InboundOutcome outcome = InboundOutcome.of(InboundOutcome.Kind.REFUSED, null, "monthly allowance used up: " + e.used() + " of " + e.allowance());
        records.settle(id, outcome, null, mail.html(), mail.text());
        log.info("Mail {} from {} refused: the organisation's monthly allowance is used up", mail.messageId(), from);
        return outcome;
    }

    /** The text that goes on the ticket: for an answer, without the quoted history (kept in the mail's record). */
    private static String body(ParsedMail mail, boolean answer) {
        String text = answer && !mail.newText().isBlank() ? mail.newText() : mail.text();
        if (text.isBlank()) {
            text = mail.attachments().isEmpty() ? "(no text)" : "(no text; " + mail.attachments().size() + " attachment(s))";
        }
        return text.length() > MAX_BODY ? text.substring(0, MAX_BODY - 40) + "\n[… cut: the whole mail is kept]" : text.strip();
    }
}
