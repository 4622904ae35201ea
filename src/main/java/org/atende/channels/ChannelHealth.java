package org.atende.channels;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.atende.channels.email.MailboxHealth;
import org.atende.channels.whatsapp.WhatsAppHealth;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * How the channels are doing, for the admin pages: the e-mail channel's mailboxes (settings without
 * the password, last poll, last error, mails read) and WhatsApp's settings (without secrets) with its
 * webhook handshake, last signed notification and last Graph API error. What each instance saw itself.
 */
@Service
public class ChannelHealth {

    /** A mailbox: its settings and what its polls did. {@code reachable} is null before the first poll. */
    public record Mailbox(String label, String host, int port, boolean tls, String username, String folder,
            Duration pollInterval, @Nullable Instant lastPollAt, @Nullable Instant lastSuccessAt,
            @Nullable Instant lastErrorAt, @Nullable String lastError, long messagesRead, @Nullable Boolean reachable) {

        static Mailbox of(MailboxHealth.MailboxState s) {
            return new Mailbox(s.label(), s.host(), s.port(), s.tls(), s.username(), s.folder(), s.pollInterval(),
                    s.lastPollAt(), s.lastSuccessAt(), s.lastErrorAt(), s.lastError(), s.messagesRead(), s.reachable());
        }
    }

    /** The e-mail channel: on when a support address is set. */
    public record Email(boolean enabled, String address, List<Mailbox> mailboxes) {
    }

    /** WhatsApp: on when number, token and app secret are set; verified once Meta's handshake or a signed notification came. */
    public record WhatsApp(boolean enabled, @Nullable String phoneNumberId, String graphVersion, boolean verifyTokenSet,
            @Nullable Instant lastHandshakeAt, @Nullable Instant lastSignedNotificationAt, @Nullable Instant lastGraphErrorAt,
            @Nullable String lastGraphError, boolean webhookVerified) {
    }

    private final MailboxHealth mailboxes;
    private final WhatsAppHealth whatsapp;

    ChannelHealth(MailboxHealth mailboxes, WhatsAppHealth whatsapp) {
        this.mailboxes = mailboxes;
        this.whatsapp = whatsapp;
    }

    public Email email() {
        return new Email(mailboxes.enabled(), mailboxes.address(), mailboxes.mailboxes().stream().map(Mailbox::of).toList());
    }

    /** Tries a mailbox's IMAP login once, now; recorded like a poll. */
    public Mailbox checkMailbox(String label) {
        return Mailbox.of(mailboxes.check(label));
    }

    public WhatsApp whatsapp() {
        var s = whatsapp.state();
        return new WhatsApp(s.enabled(), s.phoneNumberId(), s.graphVersion(), s.verifyTokenSet(), s.lastHandshakeAt(),
                s.lastSignedNotificationAt(), s.lastGraphErrorAt(), s.lastGraphError(), s.webhookVerified());
    }
}
