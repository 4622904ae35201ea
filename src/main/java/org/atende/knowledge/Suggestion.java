package org.atende.knowledge;

import org.atende.customers.Language;

/**
 * A published article matching a text: what a list of results or suggestions shows. {@code score} only
 * orders the results of one search.
 */
public record Suggestion(long id, String slug, Language language, String title, String excerpt, double score) {
}
