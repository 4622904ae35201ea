package org.atende.knowledge;

import org.atende.customers.Language;

/** The same article in another language. */
public record Translation(long id, Language language, String slug, String title, ArticleStatus status) {
}
