package org.atende.channels.email.mime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * Reads raw mail into a {@link ParsedMail}, leniently and without ever failing: broken headers, wrong
 * charsets, bad base64, missing boundaries, nesting and odd MIME structures all give the best reading
 * there is. In {@code multipart/alternative} the HTML is preferred and the text kept; inline images
 * ({@code cid:}) and attachments (names decoded from RFC 2231 and 2047) become attachments, a forwarded
 * {@code message/rfc822} becomes an {@code .eml} attachment with its text appended, TNEF
 * {@code winmail.dat} stays as it came, and a file over the size limit is dropped with a note.
 */
public final class MailReader {

    private static final Pattern ANGLED = Pattern.compile("<([^<>\\s]+)>");
    private static final Pattern BARE_ADDRESS = Pattern.compile("[\\w.+'-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final int MAX_DEPTH = 12;

    private final long maxAttachmentBytes;
    private final Automation automation;
    private final Session session;

    public MailReader(long maxAttachmentBytes, Set<String> ownAddresses, String ownDomain) {
        this.maxAttachmentBytes = maxAttachmentBytes;
        this.automation = new Automation(ownAddresses.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(
                java.util.stream.Collectors.toSet()), ownDomain);
        Properties p = new Properties();
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.decodetext.strict", "false");
        p.setProperty("mail.mime.decodefilename", "true");
        p.setProperty("mail.mime.decodeparameters", "true");
        p.setProperty("mail.mime.parameters.strict", "false");
        p.setProperty("mail.mime.base64.ignoreerrors", "true");
        p.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        p.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
        p.setProperty("mail.mime.multipart.ignoreexistingboundaryparameter", "false");
        p.setProperty("mail.mime.multipart.allowempty", "true");
        p.setProperty("mail.mime.uudecode.ignoreerrors", "true");
        p.setProperty("mail.mime.ignoreunknownencoding", "true");
        this.session = Session.getInstance(p);
    }

    public ParsedMail read(byte[] raw) {
        MimeMessage m;
        try {
            m = new MimeMessage(session, new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            return unreadable(raw, e);
        }
        String headerId = Automation.header(m, "Message-ID");
        String messageId = headerId == null ? null : firstId(headerId);
        boolean synthesized = messageId == null;
        if (synthesized) {
            messageId = "sha256-" + sha256(raw) + "@atende.invalid";
        }
        String subject = subject(m);
        MailAddress from = from(m);
        Collected c = new Collected();
        try {
            walk(m, c, 0, false);
        } catch (MessagingException | IOException | RuntimeException e) {
            c.text.append(c.text.isEmpty() ? "" : "\n").append("[part of this mail could not be read: ").append(e.getMessage()).append(']');
        }
        String html = c.html.isEmpty() ? null : HtmlText.sanitise(c.html.toString());
        String text = !c.text.isEmpty() ? c.text.toString().strip() : html == null ? "" : HtmlText.toText(html);
        String newText = !c.text.isEmpty() ? QuotedHistory.fold(text) : html == null ? "" : QuotedHistory.fold(HtmlText.newText(html));
        MailKind kind;
        String because;
        if (c.bounce != null) {
            kind = MailKind.BOUNCE;
            because = "a delivery report";
        } else if (from != null && isDaemon(from) && looksLikeBounce(subject)) {
            kind = MailKind.BOUNCE;
            because = "a delivery failure from " + from.address();
            c.bounce = new Bounce(referencedId(text), firstAddressAfter(text, "Final-Recipient:"), null, true, null);
        } else {
            Automation.Verdict v = automation.judge(m, from, subject, messageId, synthesized);
            kind = v.kind();
            because = v.because();
        }
        return new ParsedMail(messageId, synthesized, inReplyTo(m), references(m), subject, from, date(m), text, html, newText,
                c.attachments, c.dropped, kind, because, c.bounce);
    }

    /** What the walk over the parts gathers. */
    private static final class Collected {
        final StringBuilder text = new StringBuilder();
        final StringBuilder html = new StringBuilder();
        final List<MailAttachment> attachments = new ArrayList<>();
        final List<String> dropped = new ArrayList<>();
        @Nullable Bounce bounce;
        int unnamed;
    }

    private void walk(Part part, Collected c, int depth, boolean inRelated) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            return;
        }
        String type = baseType(part);
        if (type.startsWith("multipart/")) {
            Object content = part.getContent();
            if (!(content instanceof Multipart mp)) {
                text(part, c);
                return;
            }
            if (type.equals("multipart/alternative")) {
                alternative(mp, c, depth);
            } else if (type.equals("multipart/report")) {
                report(mp, c, depth);
            } else {
                for (int i = 0; i < mp.getCount(); i++) {
                    walk(mp.getBodyPart(i), c, depth + 1, type.equals("multipart/related"));
                }
            }
            return;
        }
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition(part)) || filename(part) != null && !type.startsWith("text/plain")
                && !type.startsWith("text/html");
        if (!attachment && type.equals("text/plain")) {
            append(c.text, text(part, c));
        } else if (!attachment && type.equals("text/html")) {
            c.html.append(text(part, c));
        } else if (type.equals("message/rfc822")) {
            forwarded(part, c, depth);
        } else {
            attach(part, type, c, inRelated);
        }
    }

    /** Both readings of the same content: the HTML is what is shown, the text is kept. */
    private void alternative(Multipart mp, Collected c, int depth) throws MessagingException, IOException {
        Collected plain = new Collected();
        Collected rich = new Collected();
        for (int i = 0; i < mp.getCount(); i++) {
            BodyPart p = mp.getBodyPart(i);
            String t = baseType(p);
            Collected target = t.equals("text/plain") ? plain : rich;
            walk(p, target, depth + 1, false);
        }
        append(c.text, plain.text.toString());
        c.html.append(rich.html);
        if (plain.text.isEmpty()) {
            append(c.text, rich.text.toString());
        }
        c.attachments.addAll(plain.attachments);
        c.attachments.addAll(rich.attachments);
        c.dropped.addAll(plain.dropped);
        c.dropped.addAll(rich.dropped);
    }

    /** A delivery report (RFC 3464): the human part, the machine part, and the returned mail or its headers. */
    private void report(Multipart mp, Collected c, int depth) throws MessagingException, IOException {
        String recipient = null;
        String status = null;
        String action = null;
        String diagnostic = null;
        String original = null;
        for (int i = 0; i < mp.getCount(); i++) {
            BodyPart p = mp.getBodyPart(i);
            String t = baseType(p);
            if (t.equals("message/delivery-status")) {
                String fields = new String(bytes(p.getInputStream(), Long.MAX_VALUE), StandardCharsets.UTF_8);
                recipient = fieldValue(fields, "Final-Recipient");
                status = fieldValue(fields, "Status");
                action = fieldValue(fields, "Action");
                diagnostic = fieldValue(fields, "Diagnostic-Code");
            } else if (t.equals("message/rfc822") || t.equals("text/rfc822-headers")) {
                String headers = new String(bytes(p.getInputStream(), 256 * 1024), StandardCharsets.UTF_8);
                original = referencedId(headers);
            } else if (i == 0) {
                walk(p, c, depth + 1, false);
            }
        }
        if (action == null || action.toLowerCase(Locale.ROOT).startsWith("failed") || action.toLowerCase(Locale.ROOT).startsWith("delayed")) {
            if (recipient != null && recipient.contains(";")) {
                recipient = recipient.substring(recipient.indexOf(';') + 1).strip();
            }
            c.bounce = new Bounce(original, recipient, status, status != null && status.startsWith("5"), diagnostic);
        }
    }

    private void forwarded(Part part, Collected c, int depth) throws MessagingException, IOException {
        byte[] raw = bytes(part.getInputStream(), maxAttachmentBytes + 1);
        String name = filename(part);
        ParsedMail inner = depth < MAX_DEPTH ? read(raw) : null;
        String fileName = name != null ? name : inner != null && !inner.subject().isBlank()
                ? inner.subject().replaceAll("[\\\\/:*?\"<>|]", "_") + ".eml" : "forwarded-" + (++c.unnamed) + ".eml";
        keep(c, fileName.endsWith(".eml") ? fileName : fileName + ".eml", "message/rfc822", raw, null, false);
        if (inner != null) {
            append(c.text, "---------- Forwarded message ----------\nFrom: "
                    + (inner.from() == null ? "?" : inner.from().address()) + "\nSubject: " + inner.subject() + "\n\n" + inner.text());
        }
    }

    private void attach(Part part, String type, Collected c, boolean inRelated) throws MessagingException, IOException {
        String name = filename(part);
        String contentId = Automation.header(part, "Content-ID");
        if (contentId != null) {
            Matcher m = ANGLED.matcher(contentId);
            contentId = m.find() ? m.group(1) : contentId.strip();
        }
        boolean inline = !Part.ATTACHMENT.equalsIgnoreCase(disposition(part)) && (inRelated || contentId != null)
                && type.startsWith("image/");
        if (name == null) {
            name = (inline ? "image-" : "attachment-") + (++c.unnamed) + extension(type);
        }
        byte[] bytes = content(part, maxAttachmentBytes + 1);
        keep(c, name, type, bytes, contentId, inline);
    }

    private void keep(Collected c, String name, String type, byte[] bytes, @Nullable String contentId, boolean inline) {
        if (bytes.length > maxAttachmentBytes) {
            c.dropped.add(name + " was not kept: it is larger than the " + size(maxAttachmentBytes) + " limit");
        } else if (bytes.length > 0) {
            c.attachments.add(new MailAttachment(name, type, bytes, contentId, inline));
        }
    }

    private static String text(Part part, Collected c) throws MessagingException, IOException {
        byte[] bytes = content(part, 20L * 1024 * 1024);
        String charset = null;
        try {
            charset = new ContentType(part.getContentType()).getParameter("charset");
        } catch (Exception e) {
            // an unreadable Content-Type: decode by the bytes alone
        }
        return TextDecoding.decode(bytes, charset);
    }

    /**
     * A part's decoded bytes. Base64 with stray characters or a bad end is decoded by hand from what is
     * valid in it, rather than lost.
     */
    private static byte[] content(Part part, long limit) throws MessagingException, IOException {
        try {
            return bytes(part.getInputStream(), limit);
        } catch (IOException e) {
            InputStream raw = part instanceof jakarta.mail.internet.MimeBodyPart body ? body.getRawInputStream()
                    : part instanceof MimeMessage message ? message.getRawInputStream() : null;
            String encoding = part instanceof jakarta.mail.internet.MimePart mp ? mp.getEncoding() : null;
            if (raw == null || encoding == null || !encoding.equalsIgnoreCase("base64")) {
                throw e;
            }
            String cleaned = new String(bytes(raw, limit * 2), StandardCharsets.US_ASCII).replaceAll("[^A-Za-z0-9+/]", "");
            return java.util.Base64.getDecoder().decode(cleaned.substring(0, cleaned.length() - cleaned.length() % 4));
        }
    }

    private static void append(StringBuilder b, String s) {
        if (s.isBlank()) {
            return;
        }
        if (!b.isEmpty()) {
            b.append("\n\n");
        }
        b.append(s.replace("\r\n", "\n").strip());
    }

    private static byte[] bytes(InputStream in, long limit) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > limit) {
                    return new byte[(int) Math.min(limit, Integer.MAX_VALUE - 8)]; // the size alone says it is too large
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static String baseType(Part part) {
        try {
            String ct = part.getContentType();
            if (ct == null) {
                return "text/plain";
            }
            return new ContentType(ct).getBaseType().toLowerCase(Locale.ROOT);
        } catch (Exception e) {
            return "application/octet-stream";
        }
    }

    private static @Nullable String disposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static @Nullable String filename(Part part) {
        try {
            String name = part.getFileName();
            if (name == null) {
                name = new ContentType(part.getContentType()).getParameter("name");
            }
            if (name == null || name.isBlank()) {
                return null;
            }
            name = MimeUtility.decodeText(name.strip());
            return name.replaceAll("[\\p{Cntrl}]", "").strip();
        } catch (Exception e) {
            return null;
        }
    }

    private static String size(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes >= 1024 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    private static String extension(String type) {
        return switch (type) {
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "image/gif" -> ".gif";
            case "application/pdf" -> ".pdf";
            case "text/calendar" -> ".ics";
            case "text/plain" -> ".txt";
            case "text/html" -> ".html";
            case "application/ms-tnef" -> ".dat";
            default -> ".bin";
        };
    }

    private static String subject(MimeMessage m) {
        String raw = Automation.header(m, "Subject");
        return raw == null ? "" : decodeHeader(raw).replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    /**
     * A header's text: raw 8-bit bytes (UTF-8 sent without encoding, or Latin-1) read by {@link TextDecoding},
     * then RFC 2047 encoded-words decoded, leniently.
     */
    static String decodeHeader(String raw) {
        String unfolded = MimeUtility.unfold(raw);
        if (unfolded.chars().anyMatch(c -> c > 0x7F && c <= 0xFF)) {
            unfolded = TextDecoding.decode(unfolded.getBytes(StandardCharsets.ISO_8859_1), null);
        }
        try {
            return MimeUtility.decodeText(unfolded);
        } catch (java.io.UnsupportedEncodingException | RuntimeException e) {
            return unfolded;
        }
    }

    private static @Nullable MailAddress from(MimeMessage m) {
        String raw = Automation.header(m, "From");
        if (raw == null) {
            raw = Automation.header(m, "Sender");
        }
        if (raw == null) {
            return null;
        }
        if (raw.chars().anyMatch(c -> c > 0x7F && c <= 0xFF)) { // an 8-bit display name, sent without encoding
            raw = TextDecoding.decode(raw.getBytes(StandardCharsets.ISO_8859_1), null);
        }
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(raw, false);
            for (InternetAddress a : parsed) {
                if (a.getAddress() != null && a.getAddress().contains("@") && !a.isGroup()) {
                    return new MailAddress(a.getAddress().strip().toLowerCase(Locale.ROOT), blankToNull(a.getPersonal()));
                }
            }
        } catch (AddressException e) {
            // fall through to a plain search
        }
        Matcher bare = BARE_ADDRESS.matcher(raw);
        return bare.find() ? new MailAddress(bare.group().toLowerCase(Locale.ROOT), null) : null;
    }

    private static @Nullable Instant date(MimeMessage m) {
        try {
            return m.getSentDate() == null ? null : m.getSentDate().toInstant();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static @Nullable String inReplyTo(MimeMessage m) {
        String raw = Automation.header(m, "In-Reply-To");
        return raw == null ? null : firstId(raw);
    }

    private static List<String> references(MimeMessage m) {
        String raw = Automation.header(m, "References");
        List<String> ids = new ArrayList<>();
        if (raw != null) {
            Matcher matcher = ANGLED.matcher(raw);
            while (matcher.find() && ids.size() < 100) {
                ids.add(matcher.group(1));
            }
        }
        return ids;
    }

    private static @Nullable String firstId(String raw) {
        Matcher m = ANGLED.matcher(raw);
        if (m.find()) {
            return m.group(1);
        }
        String bare = raw.strip();
        return bare.isEmpty() || bare.contains(" ") ? null : bare;
    }

    /** The Message-ID named in returned headers or a quoted original. */
    private static @Nullable String referencedId(String text) {
        Matcher m = Pattern.compile("(?im)^message-id:\\s*<?([^<>\\s]+@[^<>\\s]+)>?").matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static @Nullable String fieldValue(String fields, String name) {
        Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(.+)$").matcher(fields);
        return m.find() ? m.group(1).strip() : null;
    }

    private static @Nullable String firstAddressAfter(String text, String label) {
        int at = text.indexOf(label);
        Matcher m = BARE_ADDRESS.matcher(at < 0 ? text : text.substring(at));
        return m.find() ? m.group() : null;
    }

    private static boolean isDaemon(MailAddress from) {
        String local = from.address().substring(0, Math.max(0, from.address().indexOf('@')));
        return local.equals("mailer-daemon") || local.equals("postmaster");
    }

    private static boolean looksLikeBounce(String subject) {
        return subject.toLowerCase(Locale.ROOT).matches(
                ".*(undeliver|delivery status notification|mail delivery failed|returned mail|delivery failure|failure notice|no se ha podido entregar|não entregue).*");
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ParsedMail unreadable(byte[] raw, Exception e) {
        return new ParsedMail("sha256-" + sha256(raw) + "@atende.invalid", true, null, List.of(), "", null, null,
                "[this mail could not be read: " + e.getMessage() + "]", null, "", List.of(), List.of(), MailKind.AUTOMATED,
                "unreadable", null);
    }
}
