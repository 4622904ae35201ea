package org.atende.channels.email.mime;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Date;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;

/**
 * Reads raw mail (RFC 5322 bytes) into a {@link ParsedMail}, and never throws: broken headers, wrong or
 * unknown charsets, bad base64, missing boundaries, deep nesting and odd structures all give the best
 * reading there is, with a note in the text where a part could not be read. Input that is not a mail
 * at all (no header) comes back with {@link ParsedMail#unreadable()} set.
 * <p>
 * jakarta.mail's own leniency switches ({@code mail.mime.decodetext.strict},
 * {@code mail.mime.parameters.strict}, {@code mail.mime.base64.ignoreerrors}, …) are system properties,
 * read once per JVM when its classes load, so they are neither set nor relied on here; only
 * {@code mail.mime.address.strict} belongs to the session. Headers, parameters, encoded-words, charsets
 * and broken transfer encodings are read leniently by this package instead.
 * <p>
 * The reader knows the desk's own addresses and Message-ID domain, to tell its own mail coming back (a
 * loop) from a person's. Files over {@code maxAttachmentBytes} are not kept, only noted.
 */
public final class MailReader {

    /**
     * jakarta.mail-api 2.1 finds its stream provider anew, by a ServiceLoader scan of the whole class path,
     * for every body part, multipart, header block and transfer decoding (jakartaee/mail-api#699, #861):
     * a third of the time spent reading a mail. Named in this system property, it is one class lookup.
     * The name is Angus Mail's own provider, the one the scan finds; one set by the deployment is kept.
     */
    static {
        String property = "jakarta.mail.util.StreamProvider";
        if (System.getProperty(property) == null) {
            try {
                Class.forName("org.eclipse.angus.mail.util.MailStreamProvider", false, MailReader.class.getClassLoader());
                System.setProperty(property, "org.eclipse.angus.mail.util.MailStreamProvider");
            } catch (ClassNotFoundException e) {
                // another implementation of jakarta.mail: left to its own lookup
            }
        }
    }

    private final long maxAttachmentBytes;
    private final Automation automation;
    private final Session session;

    public MailReader(long maxAttachmentBytes, Set<String> ownAddresses, String ownDomain) {
        if (maxAttachmentBytes <= 0) {
            throw new IllegalArgumentException("the attachment size limit must be positive, not " + maxAttachmentBytes);
        }
        this.maxAttachmentBytes = maxAttachmentBytes;
        this.automation = new Automation(ownAddresses, ownDomain);
        Properties p = new Properties();
        p.setProperty("mail.mime.address.strict", "false");
        this.session = Session.getInstance(p);
    }

    public ParsedMail read(byte[] raw) {
        try {
            return parse(raw);
        } catch (MessagingException | RuntimeException | StackOverflowError e) { // a mail must never stop the mailbox
            return unreadable(raw, "it could not be parsed (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    private ParsedMail parse(byte[] raw) throws MessagingException {
        MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(raw));
        if (!hasHeaders(m)) {
            return unreadable(raw, "it has no mail headers");
        }
        String messageId = MessageIds.first(Automation.header(m, "Message-ID"));
        boolean synthesized = messageId == null;
        if (synthesized) {
            messageId = MessageIds.synthesized(raw);
        }
        HeaderCharset charset = new HeaderCharset(raw);
        String subject = subject(charset.decode(Automation.header(m, "Subject")));
        String fromWritten = Automation.header(m, "From");
        MailAddress from = Addresses.first(charset.decode(fromWritten));
        if (from == null) {
            from = Addresses.first(charset.decode(Automation.header(m, "Sender")));
        }
        Map<String, String> headers = Automation.relevant(m);
        PartWalk walk = new PartWalk(session, maxAttachmentBytes).read(m);
        String rawHtml = walk.content.html();
        String html = rawHtml == null ? null : HtmlText.sanitise(rawHtml);
        String text = walk.content.text();
        String newText = QuotedHistory.fold(text);
        if (rawHtml != null) { // the shorter of the two readings: a client marks its quotes more surely in HTML
            String fromHtml = QuotedHistory.fold(HtmlText.newText(rawHtml));
            newText = !fromHtml.isBlank() && fromHtml.length() < newText.length() ? fromHtml : newText;
        }
        Automation.Verdict verdict = classify(walk, headers, from, subject, messageId, synthesized, text);
        Bounce bounce = walk.bounce;
        if (verdict.kind() == MailKind.BOUNCE && bounce == null) {
            bounce = DeliveryReport.fromText(text, headers.get("x-failed-recipients"), walk.nestedMessageId);
        }
        return new ParsedMail(messageId, synthesized, MessageIds.first(Automation.header(m, "In-Reply-To")),
                MessageIds.all(Automation.header(m, "References")), subject, from,
                Addresses.first(charset.decode(Automation.header(m, "Reply-To"))), Addresses.parse(charset.decode(Automation.header(m, "To"))),
                Addresses.parse(charset.decode(Automation.header(m, "Cc"))), returnPath(m), date(m), text, html, newText,
                walk.content.attachments, walk.content.dropped, verdict.kind(), verdict.because(), bounce, headers, null,
                Automation.noAnswer(headers, from), Automation.spam(headers),
                fromWritten == null ? null : clip(EncodedWords.unfold(charset.decode(fromWritten)).strip(), 998));
    }

    /**
     * A failure report is a bounce whatever else it says; a report of a delay, a delivery or a reading is
     * automated. A failure written for people (from a mail daemon, with a failure subject, or with Exim's
     * {@code X-Failed-Recipients}) is a bounce too. Everything else goes by its headers.
     */
    private Automation.Verdict classify(PartWalk walk, Map<String, String> headers, @Nullable MailAddress from, String subject,
            String messageId, boolean synthesized, String text) {
        if (walk.bounce != null) {
            return walk.bounce.failed()
                    ? new Automation.Verdict(MailKind.BOUNCE, "a delivery report: the mail could not be delivered")
                    : new Automation.Verdict(MailKind.AUTOMATED, "a delivery report: the mail is delayed");
        }
        if (walk.report != null) {
            return new Automation.Verdict(MailKind.AUTOMATED, walk.report);
        }
        boolean daemon = from != null && Automation.isDaemon(from.address());
        if (headers.containsKey("x-failed-recipients") || daemon && DeliveryReport.isFailureSubject(subject)) {
            return new Automation.Verdict(MailKind.BOUNCE, "a delivery failure written for people");
        }
        return automation.judge(headers, from, subject, messageId, synthesized);
    }

    private static boolean hasHeaders(MimeMessage m) throws MessagingException {
        Enumeration<String> lines = m.getAllHeaderLines();
        while (lines.hasMoreElements()) {
            if (lines.nextElement().matches("(?s)[!-9;-~]+\\s*:.*")) {
                return true;
            }
        }
        return false;
    }

    private static String subject(String raw) {
        return EncodedWords.decode(raw).replaceAll("[\\t\\p{Cntrl}]+", " ").strip();
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static @Nullable String returnPath(MimeMessage m) {
        String raw = Automation.header(m, "Return-Path");
        return raw == null ? null : EncodedWords.unfold(raw).strip();
    }

    private static @Nullable Instant date(MimeMessage m) {
        String raw = Automation.header(m, "Date");
        if (raw == null) {
            return null;
        }
        try {
            Date d = new MailDateFormat().parse(EncodedWords.unfold(raw).strip());
            return d == null ? null : d.toInstant();
        } catch (java.text.ParseException | RuntimeException e) {
            return null;
        }
    }

    private static ParsedMail unreadable(byte[] raw, String reason) {
        return new ParsedMail(MessageIds.synthesized(raw), true, null, List.of(), "", null, null, List.of(), List.of(), null, null,
                "", null, "", List.of(), List.of(), MailKind.AUTOMATED, "unreadable: " + reason, null, Map.of(), reason, "unreadable", false, null);
    }
}
