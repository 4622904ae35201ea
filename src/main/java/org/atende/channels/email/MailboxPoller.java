package org.atende.channels.email;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.atende.channels.email.mime.MailReader;
import org.atende.channels.email.mime.ParsedMail;
import org.jspecify.annotations.Nullable;
import org.atende.outage.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
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
 * the flag makes the next read find it known (flagged then, nothing else done). Mails are fetched whole, up
 * to 100 (and 16 MB) to a command, with {@code BODY.PEEK}, so reading never marks a mail seen by itself; each batch is
 * flagged in one command once all of it is committed. A mail that fails three times in a row
 * is kept as unreadable, with its source, and marked seen, so one bad mail cannot stop the mailbox.
 * <p>
 * Each mail of a batch is read (parsed) once; the batch's keys are looked up in one query, and what is
 * on record already is only flagged. The rest is split into {@link IntakeLanes}: one sender's mails, and
 * one thread's, one after the other in the mailbox's order, unrelated mails side by side on
 * {@code atende.email.intake-threads} threads, each mail still in its own transaction. The batch is
 * flagged only once every lane is done, so what is flagged is committed as before.
 */
@Component
class MailboxPoller implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);
    private static final int ATTEMPTS_BEFORE_GIVING_UP = 3;
    /** At most this many mails, and this many bytes, fetched in one command and flagged in one command. */
    private static final int BATCH = 100;
    private static final long BATCH_BYTES = 16L * 1024 * 1024;
    private static final FetchProfile SIZES = new FetchProfile();
    private static final FetchProfile WHOLE_MESSAGES = new FetchProfile();

    static {
        SIZES.add(FetchProfile.Item.SIZE);
        WHOLE_MESSAGES.add(IMAPFolder.FetchProfileItem.MESSAGE);
        WHOLE_MESSAGES.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
        WHOLE_MESSAGES.add(UIDFolder.FetchProfileItem.UID);
    }

    /** What one read of a mailbox did. */
    record Result(int read, int duplicates, int failed) {
    }

    /** One mail of a batch, fetched and read. */
    private record Fetched(Message message, String where, byte[] raw, @Nullable Instant arrived, ParsedMail mail, String key) {
    }

    private final InboundMail inbound;
    private final UnreadableMail unreadable;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final MailboxHealth health;
    private final MailReader reader;
    private final InboundRecords records;
    private final ExecutorService lanes;

    MailboxPoller(InboundMail inbound, UnreadableMail unreadable, MailboxHealth health, MailReader reader, InboundRecords records,
            EmailProperties properties) {
        this.inbound = inbound;
        this.unreadable = unreadable;
        this.health = health;
        this.reader = reader;
        this.records = records;
        AtomicInteger n = new AtomicInteger();
        this.lanes = Executors.newFixedThreadPool(properties.intakeThreads(), r -> {
            Thread t = new Thread(r, "mail-intake-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void destroy() {
        lanes.shutdownNow();
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
        AtomicInteger read = new AtomicInteger();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long validity = folder instanceof UIDFolder uids ? uids.getUIDValidity() : 0;
        Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        folder.fetch(unseen, SIZES); // one command: the sizes that cut the batches
        for (int from = 0; from < unseen.length; ) {
            int to = from;
            long bytes = 0;
            while (to < unseen.length && to - from < BATCH && (to == from || bytes + size(unseen[to]) <= BATCH_BYTES)) {
                bytes += size(unseen[to++]);
            }
            Message[] batch = Arrays.copyOfRange(unseen, from, to);
            from = to;
            folder.fetch(batch, WHOLE_MESSAGES); // one command for the batch, not three a mail
            List<Fetched> fetched = new ArrayList<>();
            for (Message message : batch) {
                String where = mailbox.label() + "/" + validity + "/"
                        + (folder instanceof UIDFolder uids ? uids.getUID(message) : message.getMessageNumber());
                try {
                    byte[] raw = source(message);
                    Instant arrived = message.getReceivedDate() == null ? null : message.getReceivedDate().toInstant();
                    ParsedMail mail = reader.read(raw);
                    fetched.add(new Fetched(message, where, raw, arrived, mail, InboundMail.key(mail, raw)));
                } catch (MessagingException | IOException e) {
                    log.warn("Could not fetch {}: {}", where, e.getMessage());
                    failed.incrementAndGet();
                }
            }
            Set<String> known = records.known(fetched.stream().map(Fetched::key).toList());
            List<Message> done = Collections.synchronizedList(new ArrayList<>());
            List<Fetched> fresh = new ArrayList<>();
            for (Fetched f : fetched) {
                if (known.contains(f.key())) {
                    duplicates.incrementAndGet();
                    failures.remove(f.where());
                    done.add(f.message());
                } else {
                    fresh.add(f);
                }
            }
            List<Future<?>> running = new ArrayList<>();
            for (List<Fetched> lane : IntakeLanes.of(fresh, Fetched::mail)) {
                running.add(lanes.submit(() -> lane.forEach(f -> {
                    if (take(mailbox, f, read, duplicates, failed)) {
                        done.add(f.message());
                    }
                })));
            }
            try {
                awaitAll(running);
            } finally {
                flagSeen(folder, done); // only now: what the desk has of them is committed
            }
        }
        return new Result(read.get(), duplicates.get(), failed.get());
    }

    /** Takes one mail in; true when it may be flagged seen (taken in, known already, or kept as unreadable). */
    private boolean take(EmailProperties.Mailbox mailbox, Fetched f, AtomicInteger read, AtomicInteger duplicates, AtomicInteger failed) {
        try {
            InboundOutcome outcome = inbound.take(mailbox.label(), f.raw(), f.mail(), f.key(), f.arrived());
            (outcome.kind() == InboundOutcome.Kind.DUPLICATE ? duplicates : read).incrementAndGet();
            if (outcome.kind() != InboundOutcome.Kind.DUPLICATE) {
                health.taken(mailbox, f.arrived());
            }
            failures.remove(f.where());
            return true;
        } catch (RuntimeException e) {
            if (DatabaseOutage.isCause(e)) { // not the mail's fault: it stays unseen, no attempt counted
                throw e;
            }
            int times = failures.merge(f.where(), 1, Integer::sum);
            log.error("Mail {} could not be taken in (attempt {}): {}", f.where(), times, e.toString(), e);
            if (times < ATTEMPTS_BEFORE_GIVING_UP || !unreadable.keep(mailbox.label(), f.raw(), e)) {
                failed.incrementAndGet();
                return false; // left unseen: read again next time
            }
            failures.remove(f.where());
            return true;
        }
    }

    private static void awaitAll(List<Future<?>> running) throws MessagingException {
        for (Future<?> lane : running) {
            try {
                lane.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MessagingException("interrupted while taking mail in", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException stopped) {
                    throw stopped; // e.g. the database went away: the poll stops, nothing counted against the mail
                }
                throw new IllegalStateException("a lane of mail intake failed", e.getCause());
            }
        }
    }

    private static long size(Message message) {
        try {
            return Math.max(0, message.getSize());
        } catch (MessagingException e) {
            return 0;
        }
    }

    private static void flagSeen(Folder folder, List<Message> done) throws MessagingException {
        if (!done.isEmpty()) {
            folder.setFlags(done.toArray(Message[]::new), new Flags(Flags.Flag.SEEN), true);
        }
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
