package org.atende.tickets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.atende.text.Terms;
import org.springframework.web.util.HtmlUtils;

/**
 * The snippet of a search hit: a few words around the first place a message the reader may see has one of
 * the query's words (by stem, accents aside), HTML-escaped, the matched words wrapped in {@code <mark>}.
 * The same on both databases, so that what is escaped never depends on the database's highlighter.
 */
final class Snippets {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");
    private static final int BEFORE = 8;
    private static final int AFTER = 16;

    private Snippets() {
    }

    /** {@code texts}: per ticket, the texts to look in, in order. A ticket whose texts have none of the words has no snippet. */
    static Map<TicketId, String> of(String query, Map<TicketId, List<String>> texts) {
        Set<String> stems = new HashSet<>();
        SearchTerms.query(query).wanted().forEach(w -> stems.addAll(SearchTerms.anyLanguage(w)));
        Map<TicketId, String> found = new LinkedHashMap<>();
        if (stems.isEmpty()) {
            return found;
        }
        texts.forEach((id, list) -> {
            for (String text : list) {
                String snippet = snippet(text, stems);
                if (snippet != null) {
                    found.put(id, snippet);
                    break;
                }
            }
        });
        return found;
    }

    static String snippet(String text, Set<String> stems) {
        List<int[]> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        int first = -1;
        while (m.find()) {
            boolean hit = matches(m.group(), stems);
            if (hit && first < 0) {
                first = words.size();
            }
            words.add(new int[] {m.start(), m.end(), hit ? 1 : 0});
        }
        if (first < 0) {
            return null;
        }
        int from = Math.max(0, first - BEFORE);
        int to = Math.min(words.size() - 1, first + AFTER);
        StringBuilder out = new StringBuilder();
        if (from > 0) {
            out.append("… ");
        }
        int at = words.get(from)[0];
        for (int i = from; i <= to; i++) {
            int[] w = words.get(i);
            out.append(HtmlUtils.htmlEscape(text.substring(at, w[0])));
            String word = HtmlUtils.htmlEscape(text.substring(w[0], w[1]));
            out.append(w[2] == 1 ? "<mark>" + word + "</mark>" : word);
            at = w[1];
        }
        if (to < words.size() - 1) {
            out.append(" …");
        }
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    private static boolean matches(String word, Set<String> stems) {
        Set<String> own = new HashSet<>();
        String folded = Terms.fold(word);
        for (var language : org.atende.customers.Language.values()) {
            own.add(Terms.stem(folded, language));
        }
        own.retainAll(stems);
        return !own.isEmpty();
    }

    /** Per ticket, its texts in order: the messages the reader may see, then the subject. */
    static Map<TicketId, List<String>> texts(List<TicketView> tickets, Map<Long, List<String>> bodies) {
        Map<TicketId, List<String>> texts = new HashMap<>();
        for (TicketView t : tickets) {
            List<String> list = new ArrayList<>();
            list.addAll(bodies.getOrDefault(t.id().value(), List.of()));
            list.add(t.subject());
            texts.put(t.id(), list);
        }
        return texts;
    }
}
