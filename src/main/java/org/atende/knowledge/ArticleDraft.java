package org.atende.knowledge;

import org.atende.customers.Language;
import org.jspecify.annotations.Nullable;

/**
 * What an article is written with. {@code slug} is its address within its language
 * ({@code /help/{language}/{slug}}); {@code translationOf} names an article in another language this
 * one translates (given at creation; ignored on update). New articles are drafts.
 */
public record ArticleDraft(String slug, Language language, String title, @Nullable String summary, String markdown,
        @Nullable Long categoryId, @Nullable Long translationOf) {
}
