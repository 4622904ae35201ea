package org.atende.channels.whatsapp;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** Reads a {@code multipart/form-data} body (RFC 7578) as the Graph stand-in receives it: each part's name, file name, type and bytes. */
final class MultipartForm {

    record Part(String name, @Nullable String filename, @Nullable String contentType, byte[] bytes) {

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("(?i)content-disposition:\\s*form-data;.*?\\bname=\"([^\"]*)\"(?:;\\s*filename=\"([^\"]*)\")?");
    private static final Pattern TYPE = Pattern.compile("(?im)^content-type:\\s*(.+?)\\s*$");

    private MultipartForm() {
    }

    static Map<String, Part> parse(@Nullable String contentType, byte[] body) {
        Map<String, Part> parts = new LinkedHashMap<>();
        Matcher b = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (!b.find()) {
            return parts;
        }
        byte[] delimiter = ("--" + b.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int start = at + delimiter.length;
            if (start + 2 <= body.length && body[start] == '-' && body[start + 1] == '-') {
                break; // the closing delimiter
            }
            start += 2; // CRLF after the delimiter
            int next = indexOf(body, delimiter, start);
            if (next < 0) {
                break;
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
            byte[] content = java.util.Arrays.copyOfRange(body, headersEnd + 4, next - 2); // the CRLF before the delimiter
            Matcher name = NAME.matcher(headers);
            Matcher type = TYPE.matcher(headers);
            if (name.find()) {
                parts.put(name.group(1), new Part(name.group(1), name.group(2), type.find() ? type.group(1) : null, content));
            }
            at = next;
        }
        return parts;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
