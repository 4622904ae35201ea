package org.atende.customers;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A contact's personal data is being erased, in this transaction: every module that keeps some of it
 * (messages and their files, mail sources, WhatsApp payloads, outgoing messages, user accounts) anonymises
 * or removes it in a synchronous listener, and says how much in {@link #count}. Tickets, their numbers,
 * subjects, clocks and every figure stay. {@code names} are what the person was called (the contact's
 * name, its users' names); {@code addresses} every e-mail address, phone number (E.164 and WhatsApp's bare
 * digits) and WhatsApp user id they were reached at; {@code userIds} the accounts linked to the contact.
 */
public record ContactErased(ContactId contactId, OrganisationId organisationId, Set<String> names, Set<String> addresses,
        Set<Long> userIds, Instant at, Map<String, Integer> tally) {

    /** What an erased text, name or address reads as. */
    public static final String ERASED = "[erased]";

    public ContactErased {
        names = Set.copyOf(names);
        addresses = Set.copyOf(addresses);
        userIds = Set.copyOf(userIds);
        tally = new ConcurrentHashMap<>(tally);
    }

    public ContactErased(ContactId contactId, OrganisationId organisationId, Set<String> names, Set<String> addresses,
            Set<Long> userIds, Instant at) {
        this(contactId, organisationId, names, addresses, userIds, at, Map.of());
    }

    /** A listener's report: {@code n} things of a kind erased (e.g. "messages", 3). */
    public void count(String what, int n) {
        if (n > 0) {
            tally.merge(what, n, Integer::sum);
        }
    }

    /** What the listeners reported, by kind. */
    public Map<String, Integer> counted() {
        return new TreeMap<>(tally);
    }

    /** The addresses that are e-mail addresses. */
    public List<String> emails() {
        return addresses.stream().filter(a -> a.contains("@")).sorted().toList();
    }

    /** The names and addresses, longest first, each at least 3 characters (shorter ones would erase ordinary words). */
    public List<String> identifiers() {
        return java.util.stream.Stream.concat(names.stream(), addresses.stream()).map(String::strip)
                .filter(s -> s.length() >= 3).distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /**
     * The text with every name and address replaced by {@value #ERASED} where it stands as a whole (case
     * ignored; not inside a longer word or number); null stays null.
     */
    public @Nullable String scrub(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String identifier : identifiers()) {
            if (result.toLowerCase(Locale.ROOT).contains(identifier.toLowerCase(Locale.ROOT))) {
                // whole words only: "Ana" goes, "Analisámos" stays
                result = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(identifier) + "(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(result).replaceAll(Matcher.quoteReplacement(ERASED));
            }
        }
        return result;
    }
}
