package org.atende.channels.email;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import org.eclipse.angus.mail.imap.IMAPFolder;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;

/**
 * Reads a mailbox's unseen mail over IMAP and marks each seen only after the desk has committed it: a
 * crash before the commit leaves the mail unseen (read again next time), a crash between the commit and
 * the flag makes the next read find it known (flagged then, nothing else done). Mails are fetched whole, 50
 * to a command, with {@code BODY.PEEK}, so reading never marks a mail seen by itself; each batch is
 * flagged in one command once all of it is committed. A mail that fails three times in a row
 * is kept as unreadable, with its source, and marked seen, so one bad mail cannot stop the mailbox.
 */
@Component
class MailboxPoller {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);
    private static final int ATTEMPTS_BEFORE_GIVING_UP = 3;
    private static final int BATCH = 50;
    private static final FetchProfile WHOLE_MESSAGES = new FetchProfile();

    static {
        WHOLE_MESSAGES.add(IMAPFolder.FetchProfileItem.MESSAGE);
        WHOLE_MESSAGES.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
        WHOLE_MESSAGES.add(UIDFolder.FetchProfileItem.UID);
    }

    /** What one read of a mailbox did. */
    record Result(int read, int duplicates, int failed) {
    }

    private final InboundMail inbound;
    private final UnreadableMail unreadable;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final MailboxHealth health;

    MailboxPoller(InboundMail inbound, UnreadableMail unreadable, MailboxHealth health) {
        this.inbound = inbound;
        this.unreadable = unreadable;
        this.health = health;
    }

    /** Reads the mailbox's unseen mail, and records on {@link MailboxHealth} how that went. */
    Result poll(EmailProperties.Mailbox mailbox) throws MessagingException {
        try {
            Result result = read(mailbox);
            health.succeeded(mailbox, result.read());
            return result;
        } catch (MessagingException | RuntimeException e) {
            health.failed(mailbox, e);
            throw e;
        }
    }

    /** Logs in and opens the folder once, reading nothing: does the mailbox answer to these settings? */
    static void tryLogin(EmailProperties.Mailbox mailbox) throws MessagingException {
        Store store = Session.getInstance(sessionProperties(mailbox)).getStore(mailbox.tls() ? "imaps" : "imap");
        store.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password());
        try {
            Folder folder = store.getFolder(mailbox.folder());
            folder.open(Folder.READ_ONLY);
            folder.close(false);
        } finally {
            store.close();
        }
    }

    private Result read(EmailProperties.Mailbox mailbox) throws MessagingException {
        Store store = Session.getInstance(sessionProperties(mailbox)).getStore(mailbox.tls() ? "imaps" : "imap");
        store.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password());
        try {
            Folder folder = store.getFolder(mailbox.folder());
            folder.open(Folder.READ_WRITE);
            try {
                return readUnseen(mailbox, folder);
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
    }

    private Result readUnseen(EmailProperties.Mailbox mailbox, Folder folder) throws MessagingException {
        int read = 0;
        int duplicates = 0;
        int failed = 0;
        long validity = folder instanceof UIDFolder uids ? uids.getUIDValidity() : 0;
        Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        for (int from = 0; from < unseen.length; from += BATCH) {
            Message[] batch = Arrays.copyOfRange(unseen, from, Math.min(unseen.length, from + BATCH));
            folder.fetch(batch, WHOLE_MESSAGES); // one command for the batch, not three a mail
            List<Message> done = new ArrayList<>();
            for (Message message : batch) {
                String where = mailbox.label() + "/" + validity + "/"
                        + (folder instanceof UIDFolder uids ? uids.getUID(message) : message.getMessageNumber());
                byte[] raw;
                Instant arrived;
                try {
                    raw = source(message);
                    arrived = message.getReceivedDate() == null ? null : message.getReceivedDate().toInstant();
                } catch (MessagingException | IOException e) {
                    log.warn("Could not fetch {}: {}", where, e.getMessage());
                    failed++;
                    continue;
                }
                try {
                    InboundOutcome outcome = inbound.accept(mailbox.label(), raw, arrived);
                    if (outcome.kind() == InboundOutcome.Kind.DUPLICATE) {
                        duplicates++;
                    } else {
                        read++;
                        health.taken(mailbox, arrived);
                    }
                    failures.remove(where);
                } catch (RuntimeException e) {
                    int times = failures.merge(where, 1, Integer::sum);
                    log.error("Mail {} could not be taken in (attempt {}): {}", where, times, e.toString(), e);
                    if (times < ATTEMPTS_BEFORE_GIVING_UP || !unreadable.keep(mailbox.label(), raw, e)) {
                        failed++;
                        continue; // left unseen: read again next time
                    }
                    failures.remove(where);
                }
                done.add(message);
            }
            if (!done.isEmpty()) { // only now: what the desk has of them is committed
                folder.setFlags(done.toArray(Message[]::new), new Flags(Flags.Flag.SEEN), true);
            }
        }
        return new Result(read, duplicates, failed);
    }

    private static byte[] source(Message message) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    private static Properties sessionProperties(EmailProperties.Mailbox mailbox) {
        Properties p = new Properties();
        String protocol = mailbox.tls() ? "imaps" : "imap";
        p.setProperty("mail." + protocol + ".peek", "true");
        p.setProperty("mail." + protocol + ".connectiontimeout", "20000");
        p.setProperty("mail." + protocol + ".timeout", "60000");
        if (!mailbox.tls() && !isLocal(mailbox.host())) {
            p.setProperty("mail.imap.starttls.enable", "true");
            p.setProperty("mail.imap.starttls.required", "true");
        }
        return p;
    }

    /** A mailbox on this machine (a test server, a local relay) may be read without TLS. */
    private static boolean isLocal(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1");
    }
}
