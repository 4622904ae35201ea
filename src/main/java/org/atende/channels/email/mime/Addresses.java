package org.atende.channels.email.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Address headers read leniently: groups are opened up ({@code Team: a@x, b@y;}), display names decoded,
 * addresses lower-cased. jakarta.mail's lenient parsing takes anything with an {@code @} for an address
 * ({@code "Ana" <ana@exa mple.com} whole); an address with spaces, brackets or no domain is left out.
 */
final class Addresses {

    private static final Pattern VALID = Pattern.compile("[^\\s<>()\\[\\]@,;:\"]+@[^\\s<>()\\[\\]@,;:\"]+\\.[^\\s<>()\\[\\]@,;:\"]+");
    private static final Pattern ANGLED = Pattern.compile("<\\s*([^<>\\s]+@[^<>\\s]+)\\s*>");
    private static final int MAX = 500;

    private Addresses() {
    }

    static List<MailAddress> parse(@Nullable String header) {
        List<MailAddress> found = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return found;
        }
        String raw = EncodedWords.raw8bit(EncodedWords.unfold(header));
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

    static @Nullable MailAddress first(@Nullable String header) {
        List<MailAddress> all = parse(header);
        return all.isEmpty() ? null : all.getFirst();
    }

    private static void add(List<MailAddress> found, InternetAddress a) {
        if (a.getAddress() == null) {
            return;
        }
        valid(a.getAddress()).ifPresent(address -> {
            String name = a.getPersonal();
            if (name != null && name.contains("=?")) {
                name = EncodedWords.decode(name); // jakarta.mail left it encoded: a charset it does not know, or glued words
            }
            found.add(new MailAddress(address, name == null || name.isBlank() ? null : name.strip()));
        });
    }

    private static java.util.Optional<String> valid(String address) {
        String a = address.strip();
        return VALID.matcher(a).matches() ? java.util.Optional.of(a.toLowerCase(Locale.ROOT)) : java.util.Optional.empty();
    }
}
