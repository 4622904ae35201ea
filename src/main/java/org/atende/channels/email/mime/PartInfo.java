package org.atende.channels.email.mime;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import jakarta.mail.Part;

/**
 * What the headers of one part say, read leniently: its type (text/plain when missing or unreadable,
 * as RFC 2045 says), charset, file name (RFC 2231 or RFC 2047 encoded, without any folder), disposition
 * and Content-ID.
 */
record PartInfo(String type, HeaderParams contentType, @Nullable String filename, @Nullable String disposition,
        @Nullable String contentId) {

    static PartInfo of(Part part) {
        HeaderParams ct = HeaderParams.parse(Automation.header(part, "Content-Type"));
        HeaderParams cd = HeaderParams.parse(Automation.header(part, "Content-Disposition"));
        String type = ct.value().matches("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+") ? ct.value() : "text/plain";
        String name = cd.get("filename") != null ? cd.get("filename") : ct.get("name");
        String id = Automation.header(part, "Content-ID");
        if (id != null) {
            id = EncodedWords.unfold(id).strip().replaceAll("^<|>$", "").strip();
        }
        return new PartInfo(type, ct, safeName(name), cd.value().isEmpty() ? null : cd.value(),
                id == null || id.isEmpty() ? null : id);
    }

    /** A file rather than the text of the mail: marked as an attachment, or named and not marked inline. */
    boolean isFile() {
        return "attachment".equals(disposition) || filename != null && !"inline".equals(disposition);
    }

    /** The same part under a name found elsewhere (a uuencoded file's {@code begin} line). */
    PartInfo named(String name) {
        return new PartInfo(type, contentType, safeName(name), disposition, contentId);
    }

    @Nullable String charset() {
        return contentType.get("charset");
    }

    boolean flowed() {
        return "flowed".equalsIgnoreCase(contentType.get("format"));
    }

    boolean deleteSpace() {
        return "yes".equalsIgnoreCase(contentType.get("delsp"));
    }

    /** A name decoded and safe to store: no folders ({@code C:\Users\…\}, {@code ../}), no control characters. */
    static @Nullable String safeName(@Nullable String name) {
        if (name == null) {
            return null;
        }
        String n = EncodedWords.decode(name).replaceAll("\\p{Cntrl}", "");
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1).strip();
        while (n.startsWith(".")) {
            n = n.substring(1);
        }
        n = n.length() > 200 ? n.substring(0, 150) + n.substring(n.length() - 50) : n;
        return n.isBlank() ? null : n;
    }

    static String extension(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "image/png" -> ".png";
            case "image/jpeg", "image/jpg", "image/pjpeg" -> ".jpg";
            case "image/gif" -> ".gif";
            case "image/webp" -> ".webp";
            case "image/bmp" -> ".bmp";
            case "image/tiff" -> ".tif";
            case "image/svg+xml" -> ".svg";
            case "application/pdf" -> ".pdf";
            case "application/zip", "application/x-zip-compressed" -> ".zip";
            case "text/calendar", "application/ics" -> ".ics";
            case "text/plain" -> ".txt";
            case "text/html" -> ".html";
            case "text/csv" -> ".csv";
            case "text/vcard", "text/x-vcard" -> ".vcf";
            case "message/rfc822", "message/global" -> ".eml";
            case "application/ms-tnef", "application/vnd.ms-tnef" -> ".dat";
            default -> ".bin";
        };
    }
}
