package org.atende.channels.email;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code atende.email.*}: the e-mail channel. It is on when {@code address} is set.
 *
 * @param address the support address: the From of what the desk sends, and an address of its own when
 *        reading ({@code ATENDE_EMAIL_ADDRESS})
 * @param domain the domain of the Message-IDs the desk writes (default: the address's)
 * @param mailboxes the IMAP mailboxes read into tickets
 * @param unknownSenders what a mail from an address of no known contact or domain does: {@code TRIAGE}
 *        (a contact in the triage organisation) or {@code REFUSE} (an automatic answer, no ticket)
 * @param triageOrganisation the organisation that collects unknown senders
 * @param maxAttachmentSize attachments larger than this are dropped, with a note on the ticket
 * @param acknowledgementsPerHour the most acknowledgements one sender gets in an hour
 * @param intakeThreads how many unrelated mails of a batch are taken in at the same time (mails of one
 *        sender or one thread always one after the other); one organisation's new tickets wait for each
 *        other on its allowance lock, so more than 1 pays only when the mail comes from many organisations
 */
@ConfigurationProperties("atende.email")
public record EmailProperties(@Nullable String address, @Nullable String domain, @DefaultValue List<Mailbox> mailboxes,
        @DefaultValue("TRIAGE") UnknownSenders unknownSenders, @DefaultValue("Triage") String triageOrganisation,
        @DefaultValue("10MB") DataSize maxAttachmentSize, @DefaultValue("3") int acknowledgementsPerHour,
        @DefaultValue("1") int intakeThreads) {

    public EmailProperties {
        if (intakeThreads < 1) {
            throw new IllegalArgumentException("atende.email.intake-threads must be at least 1, not " + intakeThreads);
        }
    }

    public enum UnknownSenders {
        TRIAGE, REFUSE
    }

    /**
     * One IMAP mailbox.
     *
     * @param name how logs and records name it (default: user@host)
     * @param tls IMAPS (implicit TLS, port 993) when true; plain IMAP with STARTTLS required otherwise
     * @param pollInterval pause between two reads of this mailbox
     */
    public record Mailbox(@Nullable String name, String host, @DefaultValue("993") int port, @DefaultValue("true") boolean tls,
            String username, String password, @DefaultValue("INBOX") String folder,
            @DefaultValue("PT1M") Duration pollInterval) {

        public String label() {
            return name != null && !name.isBlank() ? name : username + "@" + host;
        }
    }

    public boolean enabled() {
        return address != null && !address.isBlank();
    }

    public String ownAddress() {
        return address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
    }

    public String messageIdDomain() {
        if (domain != null && !domain.isBlank()) {
            return domain.strip().toLowerCase(Locale.ROOT);
        }
        String own = ownAddress();
        return own.contains("@") ? own.substring(own.indexOf('@') + 1) : "atende.invalid";
    }
}
