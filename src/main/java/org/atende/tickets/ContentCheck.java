package org.atende.tickets;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;

/**
 * Decides whether an upload's bytes are what its declared content type says, for the types the
 * desk accepts: images, PDF, office documents, archives, plain text, CSV, JSON, e-mail, and the audio and
 * video that chat apps send (Ogg/Opus voice notes, MP3, AAC, AMR, MP4, 3GP). Anything
 * else, and any declared type whose bytes say otherwise, is refused.
 */
final class ContentCheck {

    private static final Map<String, byte[]> MAGIC = Map.of(
            "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'},
            "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            "image/gif", new byte[] {'G', 'I', 'F', '8'},
            "application/pdf", new byte[] {'%', 'P', 'D', 'F'},
            "application/zip", new byte[] {'P', 'K', 3, 4});
    private static final Set<String> ZIP_BASED = Set.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation");
    private static final Set<String> TEXT = Set.of("text/plain", "text/csv", "application/json", "message/rfc822");
    /** ISO base media files (MP4, M4A, 3GP): a {@code ftyp} box first. */
    private static final Set<String> ISO_MEDIA = Set.of("video/mp4", "audio/mp4", "video/3gpp", "audio/3gpp");

    private ContentCheck() {
    }

    /** The normalised content type, or a refusal that says why. */
    static String accepted(String declared, byte[] content) {
        String type = declared.split(";")[0].strip().toLowerCase(Locale.ROOT);
        boolean ok;
        if (MAGIC.containsKey(type)) {
            ok = startsWith(content, MAGIC.get(type));
        } else if (ZIP_BASED.contains(type)) {
            ok = startsWith(content, MAGIC.get("application/zip"));
        } else if (type.equals("image/webp")) {
            ok = content.length >= 12 && startsWith(content, new byte[] {'R', 'I', 'F', 'F'})
                    && content[8] == 'W' && content[9] == 'E' && content[10] == 'B' && content[11] == 'P';
        } else if (TEXT.contains(type)) {
            ok = isText(content);
        } else if (type.equals("audio/ogg") || type.equals("audio/opus") || type.equals("video/ogg")) {
            ok = startsWith(content, new byte[] {'O', 'g', 'g', 'S'});
        } else if (ISO_MEDIA.contains(type)) {
            ok = isoMedia(content);
        } else if (type.equals("audio/mpeg")) {
            ok = startsWith(content, new byte[] {'I', 'D', '3'}) || frameSync(content);
        } else if (type.equals("audio/aac")) {
            ok = frameSync(content) || isoMedia(content);
        } else if (type.equals("audio/amr")) {
            ok = startsWith(content, new byte[] {'#', '!', 'A', 'M', 'R'});
        } else {
            throw TicketProblems.attachmentRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "attachments of type " + type + " are not accepted");
        }
        if (!ok) {
            throw TicketProblems.attachmentRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "content-mismatch",
                    "the file's content is not " + type);
        }
        return type + codecs(declared, type);
    }

    /** Audio and video keep the codecs they were declared with ({@code audio/ogg; codecs=opus}: a voice note). */
    private static String codecs(String declared, String type) {
        if (!type.startsWith("audio/") && !type.startsWith("video/")) {
            return "";
        }
        for (String parameter : declared.split(";")) {
            String p = parameter.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("codecs=") && p.length() < 60 && p.matches("(?i)codecs=\"?[A-Za-z0-9., -]+\"?")) {
                return "; " + p;
            }
        }
        return "";
    }

    private static boolean isoMedia(byte[] content) {
        return content.length >= 12 && content[4] == 'f' && content[5] == 't' && content[6] == 'y' && content[7] == 'p';
    }

    /** An MPEG audio frame (MP3) or an ADTS frame (AAC): eleven set bits. */
    private static boolean frameSync(byte[] content) {
        return content.length >= 2 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xE0) == 0xE0;
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isText(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
