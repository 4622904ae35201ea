package org.atende.channels.email.mime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.jspecify.annotations.Nullable;

/**
 * The type of an attachment from its content, by Apache Tika's magic bytes (tika-core alone: its
 * signature table of some 1,500 types, no parsers), with the file name as a hint (a {@code .docx} is a
 * zip that only its name tells). A declared type is kept unless it says nothing
 * ({@code application/octet-stream} and the like) or the content is surely something else (a PDF sent
 * as {@code image/jpeg}); a more specific declared type of what the content is (a {@code .xlsx} declared
 * as such, detected as a zip) is kept. TNEF ({@code winmail.dat}) and BinHex files stay as they came.
 */
final class FileType {

    private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();
    private static final MediaTypeRegistry REGISTRY = TYPES.getMediaTypeRegistry();
    private static final Set<String> SAYS_NOTHING = Set.of("application/octet-stream", "application/x-download", "application/download",
            "application/unknown", "binary/octet-stream", "application/force-download", "application/x-unknown",
            "application/x-msdownload", "application/binary", "application/x-octet-stream", "unknown/unknown");
    private static final Set<String> AS_THEY_CAME = Set.of("application/ms-tnef", "application/vnd.ms-tnef",
            "application/mac-binhex40", "application/binhex", "application/binhex4", "application/x-binhex40", "application/x-mac-binhex40");
    static final String MAIL = "message/rfc822";

    private FileType() {
    }

    /** The detected type of the bytes, named or not; {@code application/octet-stream} when nothing is recognised. */
    static String detect(byte[] bytes, @Nullable String filename) {
        Metadata metadata = new Metadata();
        if (filename != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
        }
        try {
            return TYPES.detect(new ByteArrayInputStream(bytes), metadata).getBaseType().toString();
        } catch (IOException | RuntimeException e) {
            return "application/octet-stream";
        }
    }

    /** The type an attachment is stored with: the declared one, or what its content is when the declared one is wrong or says nothing. */
    static String of(String declared, byte[] bytes, @Nullable String filename) {
        String type = declared.toLowerCase(Locale.ROOT);
        if (AS_THEY_CAME.contains(type)) {
            return type;
        }
        String detected = detect(bytes, filename);
        if (detected.equals("application/octet-stream") || detected.equals(type)) {
            return type;
        }
        if (SAYS_NOTHING.contains(type)) {
            return detected;
        }
        if (detected.startsWith("text/") && !detected.equals("text/html")) {
            return type; // text has no magic: a declared text type (csv, calendar, vcard) knows better
        }
        MediaType d = REGISTRY.normalize(MediaType.parse(detected));
        MediaType t = MediaType.parse(type);
        if (t == null || d == null) {
            return type;
        }
        t = REGISTRY.normalize(t);
        if (REGISTRY.isSpecializationOf(d, t)) {
            return detected; // a zip declared, a .docx found
        }
        return t.equals(d) || REGISTRY.isSpecializationOf(t, d) ? type : detected;
    }

    /** Whether the bytes are a mail (a forwarded {@code .eml} under whatever type it was sent). */
    static boolean isMail(byte[] bytes, @Nullable String filename) {
        return MAIL.equals(detect(bytes, filename));
    }
}
