package org.atende.tickets;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.atende.customers.Language;
import org.atende.text.Terms;

/**
 * The ticket search's reading of words: a ticket's terms and a query word's stems are the shared
 * {@link Terms} (the knowledge base's H2 index uses the same rules). A query word is looked up by its stem
 * in each of the desk's languages, since a search does not know the language of the tickets it finds.
 */
final class SearchTerms {

    private SearchTerms() {
    }

    /** The stems a query word may have in a ticket of any of the desk's languages (none for a stop word everywhere). */
    static Set<String> anyLanguage(String word) {
        Set<String> stems = new LinkedHashSet<>();
        for (Language language : Language.values()) {
            stems.addAll(Terms.of(word, language));
        }
        return stems;
    }

    /** The words of a query, each folded to lower case without accents; a word written {@code -word} is excluded. */
    static Query query(String text) {
        List<String> wanted = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (String token : text.strip().split("\\s+")) {
            boolean not = token.startsWith("-") && token.length() > 1;
            for (String word : Terms.fold(not ? token.substring(1) : token).split("[^a-z0-9]+")) {
                if (!word.isEmpty() && !word.equals("or")) {
                    (not ? excluded : wanted).add(word);
                }
            }
        }
        return new Query(wanted, excluded);
    }

    record Query(List<String> wanted, List<String> excluded) {
    }
}
