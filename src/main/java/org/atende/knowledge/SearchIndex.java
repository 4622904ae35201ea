package org.atende.knowledge;

import java.util.List;

import org.atende.customers.Language;
import org.jspecify.annotations.Nullable;

/** Finds published articles of one language by their words; PostgreSQL and H2 each have their own. */
interface SearchIndex {

    /** Rewrites the article's entry, in its language; called in the transaction that saves it. */
    void index(long articleId, Language language, String title, @Nullable String summary, String text);

    /** Articles with every word of the query, best first; when none has them all, those with some. */
    List<Hit> search(String query, Language language, int limit);

    /** Articles that match a customer's free text well enough to be worth suggesting, best first. */
    List<Hit> suggest(String text, Language language, int limit);

    record Hit(long articleId, double score) {
    }
}
