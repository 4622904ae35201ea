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
 */
final class PartWalk {

    static final int MAX_DEPTH = 10;
    static final int MAX_PARTS = 1000;
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
                c.addText(PartContent.decodedText(part, info));
            } else if (!info.isFile() && type.equals("text/html")) {
                c.html.append(PartContent.decodedText(part, info));
            } else if (!SIGNATURES.contains(type)) {
                attach(part, info, c, inRelated);
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            c.note("a part of this mail could not be read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    private void multipart(Part part, PartInfo info, BodyParts c, int depth) throws MessagingException, IOException {
        Multipart mp = multipartOf(part, info);
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
        MimeMultipart mp = new MimeMultipart(new ByteArrayDataSource(body == null ? new byte[0] : body,
                boundary == null ? "multipart/mixed" : "multipart/mixed; boundary=\"" + boundary.replace("\"", "") + "\""));
        mp.getCount();
        return mp;
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
        c.addText(!plain.text.isEmpty() ? plain.text.toString() : rich.text.toString());
        c.addAllButText(plain);
        c.addAllButText(rich);
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
        MimeMessage inner = new MimeMessage(session, raw.bytes() != null ? new ByteArrayInputStream(raw.bytes()) : part.getInputStream());
        String subject = EncodedWords.decode(nonNull(Automation.header(inner, "Subject"))).strip();
        if (nestedMessageId == null) {
            nestedMessageId = MessageIds.first(Automation.header(inner, "Message-ID"));
        }
        BodyParts forward = new BodyParts();
        walk(inner, forward, depth + 1, false);
        String name = info.filename() != null ? info.filename() : PartInfo.safeName(subject.replaceAll("[\\\\/:*?\"<>|]", "_"));
        name = name == null ? "forwarded-" + (++unnamed) + ".eml" : name.endsWith(".eml") ? name : name + ".eml";
        c.keep(name, "message/rfc822", raw, null, false, maxAttachmentBytes);
        MailAddress from = Addresses.first(Automation.header(inner, "From"));
        String body = !forward.text.isEmpty() ? forward.text.toString()
                : forward.html.isEmpty() ? "" : HtmlText.toText(forward.html.toString());
        c.addText("---------- Forwarded message ----------\n"
                + "From: " + (from == null ? "?" : from.name() == null ? from.address() : from.name() + " <" + from.address() + ">") + "\n"
                + "Date: " + EncodedWords.unfold(nonNull(Automation.header(inner, "Date"))).strip() + "\n"
                + "Subject: " + subject + "\n\n" + body);
    }

    private void attach(Part part, PartInfo info, BodyParts c, boolean inRelated) throws MessagingException, IOException {
        String type = info.type();
        boolean image = type.startsWith("image/");
        boolean inline = image && !"attachment".equals(info.disposition())
                && (inRelated || info.contentId() != null || "inline".equals(info.disposition()));
        String name = info.filename() != null ? info.filename()
                : (image ? "image-" : "attachment-") + (++unnamed) + PartInfo.extension(type);
        c.keep(name, type, PartContent.file(part, maxAttachmentBytes), info.contentId(), inline, maxAttachmentBytes);
    }

    private static String nonNull(@Nullable String s) {
        return s == null ? "" : s;
    }
}
