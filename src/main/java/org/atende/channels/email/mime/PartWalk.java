package org.atende.channels.email.mime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * One walk over the parts of one mail, gathering its text, its HTML, its files and any report. In
 * {@code multipart/alternative} the text part gives the text and the richest part the HTML; other
 * renderings ({@code text/enriched}, {@code text/watch-html}) are skipped. A forwarded
 * {@code message/rfc822} is kept as an {@code .eml} file and its text appended under a "Forwarded
 * message" line (its own files stay inside the {@code .eml}). Signatures ({@code .p7s}, {@code .asc}) are
 * skipped. A part that cannot be read leaves a note in the text; the other parts are read all the same.
 * A multipart whose body has no boundary lines at all is read as the text it is. Files are typed from
 * their content ({@link FileType}): a mail sent as {@code application/octet-stream} is read as a forwarded
 * mail. Uuencoded files (a part, or blocks in a plain text) are decoded.
 */
final class PartWalk {

    static final int MAX_DEPTH = 10;
    static final int MAX_PARTS = 1000;
    private static final Set<String> UUENCODED = Set.of("application/x-uuencode", "text/x-uuencode", "application/uuencode");
    private static final Set<String> SIGNATURES = Set.of("application/pkcs7-signature", "application/x-pkcs7-signature",
            "application/pgp-signature");

    private final Session session;
    private final long maxAttachmentBytes;
    private int parts;
    private int unnamed;
    private boolean tooBig;
    final BodyParts content = new BodyParts();
    @Nullable Bounce bounce;
    /** What a {@code multipart/report} that is not a failure is: a delivery report, a read receipt. */
    @Nullable String report;
    /** The Message-ID of the first mail found inside this one (forwarded, or returned in a bounce). */
    @Nullable String nestedMessageId;

    PartWalk(Session session, long maxAttachmentBytes) {
        this.session = session;
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    PartWalk read(MimeMessage mail) {
        walk(mail, content, 0, false);
        return this;
    }

    private void walk(Part part, BodyParts c, int depth, boolean inRelated) {
        if (depth > MAX_DEPTH || ++parts > MAX_PARTS) {
            if (!tooBig) {
                tooBig = true;
                c.note("the rest of this mail nests too deep or has too many parts to read");
            }
            return;
        }
        try {
            PartInfo info = PartInfo.of(part);
            String type = info.type();
            if (type.startsWith("multipart/")) {
                multipart(part, info, c, depth);
            } else if (type.equals("message/rfc822") || type.equals("message/global")) {
                forwarded(part, info, c, depth);
            } else if (!info.isFile() && type.equals("text/plain")) {
                plainText(PartContent.decodedText(part, info), c);
            } else if (!info.isFile() && type.equals("text/html")) {
                c.addHtml(PartContent.decodedText(part, info));
            } else if (!SIGNATURES.contains(type)) {
                attach(part, info, c, inRelated, depth);
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            c.note("a part of this mail could not be read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    /** A plain text, with the files of any uuencoded blocks in it taken out. */
    private void plainText(String text, BodyParts c) {
        Uuencoded.Split split = Uuencoded.split(text);
        c.addText(split.text());
        for (Uuencoded.File f : split.files()) {
            String name = f.name() != null ? f.name() : "attachment-" + (++unnamed) + ".bin";
            c.keep(name, FileType.of("application/octet-stream", f.bytes(), name), new PartContent(f.bytes(), f.bytes().length, false),
                    null, false, maxAttachmentBytes);
        }
    }

    private void multipart(Part part, PartInfo info, BodyParts c, int depth) throws MessagingException, IOException {
        Multipart mp;
        try {
            mp = multipartOf(part, info);
        } catch (MessagingException | IOException | RuntimeException e) {
            // no boundary line at all (or none that matches): the body is the text, as a reader of the raw mail would see it
            PartContent body = PartContent.text(part, PartContent.MAX_TEXT);
            String text = TextDecoding.decode(body.bytes() == null ? new byte[0] : body.bytes(), info.charset())
                    .replace("\r\n", "\n").replace('\r', '\n');
            plainText(text, c);
            return;
        }
        switch (info.type()) {
            case "multipart/alternative" -> alternative(mp, c, depth);
            case "multipart/report" -> report(mp, c, depth);
            default -> {
                boolean related = info.type().equals("multipart/related");
                for (int i = 0; i < mp.getCount(); i++) {
                    walk(mp.getBodyPart(i), c, depth + 1, related);
                }
            }
        }
    }

    /** jakarta.mail's reading, or, when it refuses the header (strict parameters), the same bytes with a clean one. */
    private static Multipart multipartOf(Part part, PartInfo info) throws MessagingException, IOException {
        try {
            if (part.getContent() instanceof Multipart mp) {
                mp.getCount(); // parses now, so that a failure falls back here
                return mp;
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            // fall back below
        }
        String boundary = info.contentType().get("boundary");
        byte[] body = PartContent.file(part, Long.MAX_VALUE).bytes();
        body = body == null ? new byte[0] : body;
        try {
            return parsed(body, boundary);
        } catch (MessagingException | RuntimeException e) {
            String written = boundaryWritten(body); // the header names one boundary, the body uses another
            if (written == null || written.equals(boundary)) {
                throw e;
            }
            return parsed(body, written);
        }
    }

    private static Multipart parsed(byte[] body, @Nullable String boundary) throws MessagingException {
        MimeMultipart mp = new MimeMultipart(new ByteArrayDataSource(body,
                boundary == null ? "multipart/mixed" : "multipart/mixed; boundary=\"" + boundary.replace("\"", "") + "\""));
        mp.getCount();
        return mp;
    }

    private static final java.util.regex.Pattern BOUNDARY_LINE = java.util.regex.Pattern.compile(
            "(?m)^--([^\\s\"]{1,70}?)[ \\t]*\\r?\\n(?=[A-Za-z-]+[ \\t]*:)");

    /** The boundary a body's first boundary line uses, if a part's headers follow it. */
    private static @Nullable String boundaryWritten(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 64 * 1024), java.nio.charset.StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher m = BOUNDARY_LINE.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    private void alternative(Multipart mp, BodyParts c, int depth) throws MessagingException {
        BodyParts plain = new BodyParts();
        BodyParts rich = new BodyParts();
        for (int i = 0; i < mp.getCount(); i++) {
            Part p = mp.getBodyPart(i);
            PartInfo info = PartInfo.of(p);
            String t = info.type();
            if (t.equals("text/plain") && !info.isFile()) {
                walk(p, plain, depth + 1, false);
            } else if (!t.startsWith("text/") || t.equals("text/html") || t.equals("text/calendar")) {
                walk(p, rich, depth + 1, false);
            }
        }
        String html = rich.html();
        c.addReadings(plain.hasText() ? plain.plainText() : rich.plainText(), html == null ? "" : html);
        c.addFiles(plain);
        c.addFiles(rich);
    }

    /** A report (RFC 6522): its human part is read as text, its machine part for the failure it reports. */
    private void report(Multipart mp, BodyParts c, int depth) throws MessagingException, IOException {
        String status = null;
        String original = null;
        for (int i = 0; i < mp.getCount(); i++) {
            Part p = mp.getBodyPart(i);
            String t = PartInfo.of(p).type();
            if (t.equals("message/delivery-status") || t.equals("message/global-delivery-status")) {
                status = PartContent.head(p);
            } else if (t.equals("message/rfc822") || t.equals("message/global") || t.endsWith("/rfc822-headers")) {
                original = DeliveryReport.messageIdIn(PartContent.head(p));
                nestedMessageId = nestedMessageId == null ? original : nestedMessageId;
            } else if (t.equals("message/disposition-notification")) {
                report = "a read receipt";
            } else if (t.equals("message/feedback-report")) {
                report = "a feedback report";
            } else {
                walk(p, c, depth + 1, false);
            }
        }
        if (status != null) {
            bounce = DeliveryReport.fromStatus(status, original);
            report = bounce == null ? "a delivery report of a mail that was delivered" : report;
        }
    }

    private void forwarded(Part part, PartInfo info, BodyParts c, int depth) throws MessagingException, IOException {
        PartContent raw = PartContent.file(part, maxAttachmentBytes);
        forwarded(raw, raw.bytes() != null ? new ByteArrayInputStream(raw.bytes()) : part.getInputStream(), info.filename(), c, depth);
    }

    private void forwarded(PartContent raw, java.io.InputStream source, @Nullable String filename, BodyParts c, int depth)
            throws MessagingException {
        MimeMessage inner = new MimeMessage(session, source);
        String subject = EncodedWords.decode(nonNull(Automation.header(inner, "Subject"))).strip();
        if (nestedMessageId == null) {
            nestedMessageId = MessageIds.first(Automation.header(inner, "Message-ID"));
        }
        BodyParts forward = new BodyParts();
        walk(inner, forward, depth + 1, false);
        String name = filename != null ? filename : PartInfo.safeName(subject.replaceAll("[\\\\/:*?\"<>|]", "_"));
        name = name == null ? "forwarded-" + (++unnamed) + ".eml" : name.endsWith(".eml") ? name : name + ".eml";
        c.keep(name, FileType.MAIL, raw, null, false, maxAttachmentBytes);
        MailAddress from = Addresses.first(Automation.header(inner, "From"));
        c.addAside("---------- Forwarded message ----------\n"
                + "From: " + (from == null ? "?" : from.name() == null ? from.address() : from.name() + " <" + from.address() + ">") + "\n"
                + "Date: " + EncodedWords.unfold(nonNull(Automation.header(inner, "Date"))).strip() + "\n"
                + "Subject: " + subject + "\n\n" + forward.text());
    }

    private void attach(Part part, PartInfo info, BodyParts c, boolean inRelated, int depth) throws MessagingException, IOException {
        String type = info.type();
        PartContent file = PartContent.file(part, maxAttachmentBytes);
        if (file.bytes() != null && UUENCODED.contains(type)) {
            Uuencoded.File decoded = Uuencoded.decode(file.bytes());
            if (decoded != null) {
                file = new PartContent(decoded.bytes(), decoded.bytes().length, false);
                info = info.filename() == null && decoded.name() != null ? info.named(decoded.name()) : info;
                type = "application/octet-stream";
            }
        }
        if (file.bytes() != null) {
            type = FileType.of(type, file.bytes(), info.filename());
            if (type.equals(FileType.MAIL)) { // a forwarded mail sent as something else
                forwarded(file, new ByteArrayInputStream(file.bytes()), info.filename(), c, depth);
                return;
            }
        }
        boolean image = type.startsWith("image/");
        boolean inline = image && !"attachment".equals(info.disposition())
                && (inRelated || info.contentId() != null || "inline".equals(info.disposition()));
        String name = info.filename() != null ? info.filename()
                : (image ? "image-" : "attachment-") + (++unnamed) + PartInfo.extension(info.type());
        c.keep(name, type, file, info.contentId(), inline, maxAttachmentBytes);
    }

    private static String nonNull(@Nullable String s) {
        return s == null ? "" : s;
    }
}
