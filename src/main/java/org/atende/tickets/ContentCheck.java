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
 * desk accepts: images, PDF, office documents, archives, plain text, CSV, JSON and e-mail. Anything
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
        } else {
            throw TicketProblems.attachmentRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "attachments of type " + type + " are not accepted");
        }
        if (!ok) {
            throw TicketProblems.attachmentRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "content-mismatch",
                    "the file's content is not " + type);
        }
        return type;
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
