package org.atende.channels.whatsapp;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The real type of a file a WhatsApp message carried, and a name for it. The payload names a type
 * ({@code audio/ogg; codecs=opus} for a voice note, {@code image/webp} for a sticker, {@code video/mp4});
 * the Graph API's media answer sometimes says less, and the bytes have the last word: a declared type the
 * bytes agree with is kept with its codecs, one they contradict gives way to what the bytes are.
 */
final class MediaTypes {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private MediaTypes() {
    }

    /** The type to store: the payload's, else the Graph API's, unless the bytes say otherwise. */
    static String of(@Nullable String payload, @Nullable String graph, byte[] bytes) {
        String declared = usable(payload) ? payload.strip() : usable(graph) ? graph.strip() : null;
        String sniffed = sniff(bytes);
        if (declared == null) {
            return sniffed == null ? "application/octet-stream" : sniffed;
        }
        if (sniffed == null || compatible(base(declared), sniffed)) {
            return declared;
        }
        return sniffed;
    }

    /** What the first bytes say, for the types WhatsApp carries; null when they say nothing known. */
    static @Nullable String sniff(byte[] b) {
        if (starts(b, "OggS")) {
            return "audio/ogg";
        }
        if (b.length >= 12 && starts(b, "RIFF") && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        if (b.length >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
            String brand = new String(b, 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            return brand.startsWith("M4A") ? "audio/mp4" : brand.startsWith("3g") ? "video/3gpp" : "video/mp4";
        }
        if (starts(b, "#!AMR")) {
            return "audio/amr";
        }
        if (starts(b, "ID3")) {
            return "audio/mpeg";
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xF6) == 0xF0) {
            return "audio/aac"; // an ADTS header
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0) {
            return "audio/mpeg";
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 4 && (b[0] & 0xFF) == 0x89 && starts(b, 1, "PNG")) {
            return "image/png";
        }
        if (starts(b, "%PDF")) {
            return "application/pdf";
        }
        return null;
    }

    /** A file name: the payload's (given the right extension if it has none), else the kind and the message's time. */
    static String filename(MessageContent content, String type, Instant sentAt) {
        String extension = extension(type);
        MessageContent.Media media = content.media();
        if (media != null && media.filename() != null && !media.filename().isBlank()) {
            String name = media.filename().strip();
            return name.contains(".") || extension.isEmpty() ? name : name + extension;
        }
        String kind = media != null && media.voice() ? "voice-note" : content.kind().name().toLowerCase(Locale.ROOT);
        return kind + "-" + STAMP.format(sentAt) + (extension.isEmpty() ? ".bin" : extension);
    }

    static String extension(String type) {
        return switch (base(type)) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/webp" -> ".webp";
            case "image/gif" -> ".gif";
            case "audio/ogg", "audio/opus" -> ".ogg";
            case "audio/mpeg" -> ".mp3";
            case "audio/mp4" -> ".m4a";
            case "audio/aac" -> ".aac";
            case "audio/amr" -> ".amr";
            case "video/mp4" -> ".mp4";
            case "video/3gpp", "audio/3gpp" -> ".3gp";
            case "application/pdf" -> ".pdf";
            case "text/plain" -> ".txt";
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> ".docx";
            case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> ".xlsx";
            case "application/vnd.openxmlformats-officedocument.presentationml.presentation" -> ".pptx";
            default -> "";
        };
    }

    static String base(String type) {
        return type.split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    /** Whether the bytes' type and the declared one name the same thing (MP4's kin share one box format). */
    private static boolean compatible(String declared, String sniffed) {
        if (declared.equals(sniffed)) {
            return true;
        }
        var iso = java.util.Set.of("video/mp4", "audio/mp4", "video/3gpp", "audio/3gpp", "audio/aac");
        return (iso.contains(declared) && iso.contains(sniffed)) || (declared.equals("audio/opus") && sniffed.equals("audio/ogg"));
    }

    private static boolean usable(@Nullable String type) {
        return type != null && !type.isBlank() && !base(type).equals("application/octet-stream") && type.contains("/");
    }

    private static boolean starts(byte[] b, String magic) {
        return starts(b, 0, magic);
    }

    private static boolean starts(byte[] b, int offset, String magic) {
        if (b.length < offset + magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if (b[offset + i] != magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
