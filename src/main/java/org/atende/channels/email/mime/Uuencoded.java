package org.atende.channels.email.mime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;

/**
 * Uuencoded files, decoded by jakarta.mail's own uudecoder: a part sent with
 * {@code Content-Transfer-Encoding: x-uuencode} (with or without its {@code begin} line) or typed
 * {@code application/x-uuencode}, and the {@code begin 644 name … end} blocks old clients put in the
 * middle of a plain text.
 */
final class Uuencoded {

    /** A file out of a uuencoded block: its name (from the {@code begin} line, if any) and its bytes. */
    record File(@Nullable String name, byte[] bytes) {
    }

    /** A text without its uuencoded blocks, and the files they held. */
    record Split(String text, List<File> files) {
    }

    private static final Pattern BLOCK = Pattern.compile("(?m)^begin(?:-base64)? [0-7]{3,4} ([^\\r\\n]+)\\r?\\n((?:[^\\r\\n]*\\r?\\n){1,}?)end[ \\t]*$");
    private static final Pattern BEGIN = Pattern.compile("(?m)^begin [0-7]{3,4} ([^\\r\\n]*)$");

    private Uuencoded() {
    }

    /** The file in a uuencoded body; a body without its {@code begin} line is read as if it had one. Null when it does not decode. */
    static @Nullable File decode(byte[] encoded) {
        String text = new String(encoded, StandardCharsets.ISO_8859_1);
        Matcher begin = BEGIN.matcher(text);
        String name = begin.find() ? PartInfo.safeName(begin.group(1).strip()) : null;
        byte[] whole = begin.reset().find() ? encoded : ("begin 644 file\r\n" + text).getBytes(StandardCharsets.ISO_8859_1);
        try (InputStream in = MimeUtility.decode(new ByteArrayInputStream(whole), "uuencode")) {
            return new File(name, in.readAllBytes());
        } catch (IOException | MessagingException | RuntimeException e) {
            return null;
        }
    }

    /** The uuencoded blocks of a text taken out as files; a block that does not decode stays in the text. */
    static Split split(String text) {
        if (!text.contains("begin ")) {
            return new Split(text, List.of());
        }
        List<File> files = new ArrayList<>();
        StringBuilder rest = new StringBuilder();
        Matcher m = BLOCK.matcher(text);
        int last = 0;
        while (m.find()) {
            File f = decode(m.group().getBytes(StandardCharsets.ISO_8859_1));
            if (f != null && f.bytes().length > 0) {
                files.add(f);
                rest.append(text, last, m.start());
                last = m.end();
            }
        }
        rest.append(text.substring(last));
        return new Split(files.isEmpty() ? text : rest.toString().replaceAll("\n{3,}", "\n\n").strip(), files);
    }
}
