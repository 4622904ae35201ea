package org.atende.channels.email.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * A {@code Content-Type} or {@code Content-Disposition} header read leniently: its value in lower case
 * and its parameters. Unquoted values with spaces, a missing closing quote and RFC 2231 values
 * ({@code filename*=UTF-8''…}, continuations {@code filename*0*=}) are all understood; the first of
 * duplicated parameters wins. jakarta.mail refuses the first two unless a JVM-wide property says otherwise.
 */
record HeaderParams(String value, Map<String, String> params) {

    static final HeaderParams NONE = new HeaderParams("", Map.of());

    static HeaderParams parse(@Nullable String header) {
        if (header == null) {
            return NONE;
        }
        String h = EncodedWords.raw8bit(EncodedWords.unfold(header));
        int semi = h.indexOf(';');
        String value = (semi < 0 ? h : h.substring(0, semi)).replaceAll("\\(.*?\\)", "").strip().toLowerCase(Locale.ROOT);
        Map<String, String> plain = new HashMap<>();
        Map<String, TreeMap<Integer, String>> segments = new HashMap<>();
        int i = semi < 0 ? h.length() : semi;
        while (i < h.length()) {
            while (i < h.length() && (h.charAt(i) == ';' || Character.isWhitespace(h.charAt(i)))) {
                i++;
            }
            int eq = i;
            while (eq < h.length() && h.charAt(eq) != '=' && h.charAt(eq) != ';') {
                eq++;
            }
            if (eq >= h.length() || h.charAt(eq) == ';') {
                i = eq; // a name without a value
                continue;
            }
            String name = h.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            StringBuilder v = new StringBuilder();
            int j = eq + 1;
            while (j < h.length() && h.charAt(j) == ' ') {
                j++;
            }
            if (j < h.length() && h.charAt(j) == '"') {
                for (j++; j < h.length() && h.charAt(j) != '"'; j++) {
                    if (h.charAt(j) == '\\' && j + 1 < h.length()) {
                        j++;
                    }
                    v.append(h.charAt(j));
                }
                while (j < h.length() && h.charAt(j) != ';') {
                    j++; // after the closing quote, anything up to the next parameter is noise
                }
            } else {
                for (; j < h.length() && h.charAt(j) != ';'; j++) {
                    v.append(h.charAt(j));
                }
            }
            i = j;
            add(name, v.toString().strip(), plain, segments);
        }
        segments.forEach((name, parts) -> plain.put(name, joined(parts)));
        return new HeaderParams(value, Map.copyOf(plain));
    }

    @Nullable String get(String name) {
        return params.get(name);
    }

    private static void add(String name, String value, Map<String, String> plain, Map<String, TreeMap<Integer, String>> segments) {
        int star = name.indexOf('*');
        if (star < 0) {
            plain.putIfAbsent(name, value);
            return;
        }
        String base = name.substring(0, star);
        String rest = name.substring(star + 1); // "", "0", "0*", "1*", "1"
        boolean encoded = rest.isEmpty() || rest.endsWith("*");
        String digits = rest.replace("*", "");
        boolean number = digits.chars().allMatch(Character::isDigit) && digits.length() < 4;
        int index = digits.isEmpty() ? 0 : number ? Integer.parseInt(digits) : -1;
        if (index >= 0) {
            segments.computeIfAbsent(base, k -> new TreeMap<>()).putIfAbsent(index, (encoded ? "*" : "=") + value);
        }
    }

    /** RFC 2231: percent-encoded segments in the charset the first one names, plain segments as they are. */
    private static String joined(TreeMap<Integer, String> parts) {
        String charset = null;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String part : parts.values()) {
            String v = part.substring(1);
            if (part.charAt(0) == '*') {
                if (charset == null) {
                    int q1 = v.indexOf('\'');
                    int q2 = q1 < 0 ? -1 : v.indexOf('\'', q1 + 1);
                    charset = q2 < 0 ? "" : v.substring(0, q1);
                    v = q2 < 0 ? v : v.substring(q2 + 1);
                }
                percentDecoded(v, bytes);
            } else {
                bytes.writeBytes(v.getBytes(StandardCharsets.UTF_8));
            }
        }
        return TextDecoding.decode(bytes.toByteArray(), charset == null || charset.isEmpty() ? null : charset);
    }

    private static void percentDecoded(String v, ByteArrayOutputStream out) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '%' && i + 2 < v.length() && EncodedWords.hex(v.charAt(i + 1)) >= 0 && EncodedWords.hex(v.charAt(i + 2)) >= 0) {
                out.write(EncodedWords.hex(v.charAt(i + 1)) * 16 + EncodedWords.hex(v.charAt(i + 2)));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
