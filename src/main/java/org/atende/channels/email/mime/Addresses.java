package org.atende.channels.email.mime;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Address headers read leniently: groups are opened up ({@code Team: a@x, b@y;}), display names decoded
 * (RFC 2047, or taken from a comment: {@code ana@x.pt (Ana Silva)}), addresses lower-cased and their
 * domain in Unicode ({@code xn--mller-kva.de} is {@code müller.de}). Besides what RFC 5322 allows, the
 * forms people's programs write are read too: a name and an address without angle brackets
 * ({@code Ana Silva ana@cliente.pt}), a missing closing bracket, and a domain without a dot
 * ({@code ops@intranet}). An address with spaces or brackets in it, or no domain, is left out; so is one
 * made of an encoded-word that was never decoded ({@code =?utf-8?q?x?=@cliente.pt}): an address is only
 * ever read from the header's own characters, never from decoded text. A display name that decodes to
 * another address ({@code =?utf-8?q?ceo=40bank.example?= <x@evil.example>}) is dropped, so it can name
 * nobody.
 */
final class Addresses {

    private static final Pattern LOCAL = Pattern.compile("[^\\s<>()\\[\\]@,;:\"\\\\]+");
    private static final Pattern DOMAIN = Pattern.compile("[^\\s<>()\\[\\]@,;:\"\\\\.]+(\\.[^\\s<>()\\[\\]@,;:\"\\\\.]+)*");
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?[^?]*\\?[bBqQ]\\?");
    private static final Pattern WORD_RUN = Pattern.compile("=\\?[^?\\s]+\\?[bBqQ]\\?[^?\\s]*\\?=(\\s*=\\?[^?\\s]+\\?[bBqQ]\\?[^?\\s]*\\?=)*");
    private static final Pattern ANGLED = Pattern.compile("<\\s*([^<>\\s]+@[^<>\\s]+)\\s*>");
    private static final Pattern ANY_ADDRESS = Pattern.compile("[^\\s<>()\\[\\]@,;:\"]+@[^\\s<>()\\[\\]@,;:\"]+");
    private static final int MAX = 500;

    private Addresses() {
    }

    static List<MailAddress> parse(@Nullable String header) {
        List<MailAddress> found = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return found;
        }
        String raw = quotedNames(EncodedWords.raw8bit(EncodedWords.unfold(header)));
        try {
            for (InternetAddress a : InternetAddress.parseHeader(raw, false)) {
                if (a.isGroup()) {
                    for (InternetAddress member : a.getGroup(false)) {
                        add(found, member);
                    }
                } else {
                    add(found, a);
                }
                if (found.size() >= MAX) {
                    break;
                }
            }
        } catch (AddressException | RuntimeException e) {
            // not parseable as a list: take the addresses written in angle brackets
            Matcher m = ANGLED.matcher(raw);
            while (m.find() && found.size() < MAX) {
                valid(m.group(1)).ifPresent(address -> found.add(new MailAddress(address, null)));
            }
        }
        return found;
    }

    /**
     * The header with each run of encoded-words outside quotes and brackets decoded here (leniently:
     * windows-1252 for Latin-1, the ISO-2022-JP family, unknown charsets) and written as a quoted string,
     * so that what it decodes to (commas, brackets, an {@code @}) can never change the header's structure.
     * A run touching an {@code @} is part of an address and is left alone, to be refused as one.
     */
    static String quotedNames(String header) {
        if (!header.contains("=?")) {
            return header;
        }
        StringBuilder out = new StringBuilder(header.length());
        boolean quoted = false;
        int angle = 0;
        int i = 0;
        while (i < header.length()) {
            char c = header.charAt(i);
            if (!quoted && angle == 0 && c == '=' && header.startsWith("=?", i)) {
                Matcher run = WORD_RUN.matcher(header).region(i, header.length());
                if (run.lookingAt() && !touchesAt(header, i, run.end())) {
                    String decoded = EncodedWords.decode(run.group());
                    out.append('"').append(decoded.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                    i = run.end();
                    continue;
                }
            }
            if (c == '\\' && quoted && i + 1 < header.length()) {
                out.append(c).append(header.charAt(i + 1));
                i += 2;
                continue;
            }
            quoted = c == '"' ? !quoted : quoted;
            angle += !quoted && c == '<' ? 1 : !quoted && c == '>' && angle > 0 ? -1 : 0;
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static boolean touchesAt(String header, int start, int end) {
        return start > 0 && header.charAt(start - 1) == '@' || end < header.length() && header.charAt(end) == '@';
    }

    static @Nullable MailAddress first(@Nullable String header) {
        List<MailAddress> all = parse(header);
        return all.isEmpty() ? null : all.getFirst();
    }

    private static void add(List<MailAddress> found, InternetAddress a) {
        if (a.getAddress() == null) {
            return;
        }
        Optional<String> address = valid(a.getAddress());
        String name = a.getPersonal();
        if (address.isEmpty()) { // a whole item jakarta.mail could not split: a name and an address without brackets
            String item = a.getAddress().strip();
            int open = item.indexOf('<');
            String written;
            if (open >= 0) {
                int close = item.indexOf('>', open);
                written = item.substring(open + 1, close < 0 ? item.length() : close);
                name = item.substring(0, open);
            } else {
                int space = item.lastIndexOf(' ');
                written = item.substring(space + 1);
                name = space < 0 ? null : item.substring(0, space);
            }
            address = valid(written);
            name = name == null ? null : name.strip().replaceAll("^\"|\"$", "").strip();
        }
        if (address.isEmpty()) {
            return;
        }
        if (name != null && name.contains("=?")) {
            name = EncodedWords.decode(name); // jakarta.mail left it encoded: a charset it does not know, or glued words
        }
        found.add(new MailAddress(address.get(), name(name, address.get())));
    }

    /** A display name worth keeping: not blank, and not another address in disguise. */
    private static @Nullable String name(@Nullable String name, String address) {
        if (name == null || name.isBlank()) {
            return null;
        }
        Matcher other = ANY_ADDRESS.matcher(name);
        while (other.find()) {
            if (!other.group().toLowerCase(Locale.ROOT).equals(address)) {
                return null;
            }
        }
        return name.strip();
    }

    /** The address in lower case with its domain in Unicode, when it is one: a local part, an {@code @} and a domain. */
    static Optional<String> valid(String written) {
        String a = written.strip();
        int at = a.lastIndexOf('@');
        if (at <= 0 || at == a.length() - 1 || ENCODED_WORD.matcher(a).find()) {
            return Optional.empty();
        }
        String local = a.substring(0, at);
        String domain = a.substring(at + 1);
        if (!LOCAL.matcher(local).matches() || !DOMAIN.matcher(domain).matches()) {
            return Optional.empty();
        }
        try {
            domain = IDN.toUnicode(domain, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of((local + "@" + domain).toLowerCase(Locale.ROOT));
    }
}
