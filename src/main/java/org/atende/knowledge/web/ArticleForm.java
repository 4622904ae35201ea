package org.atende.knowledge.web;

import java.util.Locale;

import org.atende.customers.Language;
import org.atende.knowledge.ArticleDraft;
import org.atende.knowledge.ArticleView;
import org.jspecify.annotations.Nullable;

/**
 * The editor's fields as typed. Everything stays text so that a bad value is shown back as it was
 * written, with the knowledge base's reason next to it.
 */
record ArticleForm(@Nullable String language, @Nullable String title, @Nullable String slug,
        @Nullable String summary, @Nullable String categoryId, @Nullable String markdown,
        @Nullable String translationOf) {

    static ArticleForm blank(@Nullable Language language, @Nullable Long translationOf, @Nullable Long categoryId) {
        return new ArticleForm(language == null ? null : language.name(), "", "", "",
                categoryId == null ? null : categoryId.toString(), "", translationOf == null ? null : translationOf.toString());
    }

    static ArticleForm of(ArticleView article, @Nullable String writtenSummary) {
        return new ArticleForm(article.language().name(), article.title(), article.slug(),
                writtenSummary == null ? "" : writtenSummary,
                article.category() == null ? null : Long.toString(article.category().id()), article.markdown(), null);
    }

    ArticleDraft draft() {
        return new ArticleDraft(text(slug), chosenLanguage(), text(title), summary, text(markdown), number(categoryId),
                number(translationOf));
    }

    /** Null when none was chosen (the knowledge base then says the language is missing). */
    private @Nullable Language chosenLanguage() {
        if (language == null || language.isBlank()) {
            return null;
        }
        try {
            return Language.valueOf(language.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static @Nullable Long number(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + value);
        }
    }
}
