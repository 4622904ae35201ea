package org.atende.channels.email.mime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;

/**
 * The decoded bytes of one part, read up to a limit: over it, a file keeps only its size and a text its
 * beginning ({@code cut}, 4 MB of text is more than any person writes). When jakarta.mail cannot decode
 * a part (an unknown transfer encoding, base64 that breaks off), the raw bytes are decoded here
 * leniently instead of losing the part.
 */
record PartContent(byte @Nullable [] bytes, long size, boolean cut) {

    static final long MAX_TEXT = 4L * 1024 * 1024;
    private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([\\w.:-]+)");

    /** The bytes of a file, or none (only the size) when there are more than {@code limit}. */
    static PartContent file(Part part, long limit) throws MessagingException, IOException {
        return read(part, limit, false);
    }

    /** The first {@code limit} bytes of a text, {@code cut} when there were more. */
    static PartContent text(Part part, long limit) throws MessagingException, IOException {
        return read(part, limit, true);
    }

    /** A text part as a string: in its charset (an HTML part's may be in a meta tag), flowed lines joined. */
    static String decodedText(Part part, PartInfo info) throws MessagingException, IOException {
        PartContent read = text(part, MAX_TEXT);
        byte[] bytes = read.bytes() == null ? new byte[0] : read.bytes();
        String charset = info.charset();
        if (charset == null && info.type().equals("text/html")) {
            Matcher m = META_CHARSET.matcher(new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1));
            charset = m.find() ? m.group(1) : null;
        }
        String text = TextDecoding.decode(bytes, charset).replace("\r\n", "\n").replace('\r', '\n');
        if (info.flowed()) {
            text = FlowedText.join(text, info.deleteSpace());
        }
        return read.cut() ? text + "\n[… the rest of this text (" + size(read.size()) + " in all) was not kept]" : text;
    }

    /** The beginning of a machine-written part (a delivery status, returned headers) as text. */
    static String head(Part part) throws MessagingException, IOException {
        PartContent read = text(part, 256 * 1024);
        return TextDecoding.decode(read.bytes() == null ? new byte[0] : read.bytes(), null);
    }

    /** A size as people read it: 900 bytes, 12 KB, 11 MB, 10.5 MB. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return (bytes + 512) / 1024 + " KB";
        }
        double mb = bytes / (1024.0 * 1024);
        return (mb == Math.rint(mb) ? String.valueOf((long) mb) : String.format(Locale.ROOT, "%.1f", mb)) + " MB";
    }

    private static PartContent read(Part part, long limit, boolean keepHead) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return drain(in, limit, keepHead);
        } catch (IOException | MessagingException e) {
            InputStream raw = raw(part);
            if (raw == null) {
                throw e;
            }
            byte[] encoded;
            try (raw) {
                encoded = raw.readAllBytes(); // no larger than the mail, which is in memory already
            }
            String[] cte = part.getHeader("Content-Transfer-Encoding");
            String encoding = cte == null || cte.length == 0 ? "" : cte[0].strip().toLowerCase(Locale.ROOT);
            byte[] decoded = switch (encoding) {
                case "base64" -> EncodedWords.base64(new String(encoded, StandardCharsets.ISO_8859_1));
                case "quoted-printable" -> quotedPrintable(encoded);
                case "x-uuencode", "uuencode", "x-uue" -> { // jakarta.mail's decoder wants the begin line this one lacks
                    Uuencoded.File file = Uuencoded.decode(encoded);
                    yield file == null ? encoded : file.bytes();
                }
                default -> encoded;
            };
            return drain(new ByteArrayInputStream(decoded), limit, keepHead);
        }
    }

    private static @Nullable InputStream raw(Part part) throws MessagingException {
        if (part instanceof MimeBodyPart p) {
            return p.getRawInputStream();
        }
        if (part instanceof MimeMessage m) {
            return m.getRawInputStream();
        }
        return null;
    }

    private static PartContent drain(InputStream in, long limit, boolean keepHead) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (total + n <= limit) {
                out.write(buffer, 0, n);
            } else if (keepHead && total < limit) {
                out.write(buffer, 0, (int) (limit - total));
            }
            total += n;
        }
        if (total <= limit) {
            return new PartContent(out.toByteArray(), total, false);
        }
        return keepHead ? new PartContent(out.toByteArray(), total, true) : new PartContent(null, total, true);
    }

    /** Quoted-printable that keeps what it cannot decode: a stray {@code =} stays, a soft line break goes. */
    static byte[] quotedPrintable(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '=' && i + 1 < in.length && (in[i + 1] == '\n' || in[i + 1] == '\r')) {
                i += in[i + 1] == '\r' && i + 2 < in.length && in[i + 2] == '\n' ? 2 : 1;
            } else if (b == '=' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out.write(hex(in[i + 1]) * 16 + hex(in[i + 2]));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        return EncodedWords.hex((char) (b & 0xFF));
    }
}
