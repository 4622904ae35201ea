package org.atende.knowledge;

import java.time.Instant;
import java.util.List;

import org.atende.customers.Language;
import org.jspecify.annotations.Nullable;

/**
 * An article as read: its Markdown and the safe HTML it renders to, a summary (written, or the start of
 * the text), its translations, and its counts so far.
 */
public record ArticleView(long id, String translationGroup, String slug, Language language, String title,
        @Nullable Category category, ArticleStatus status, String html, String markdown, String summary,
        Instant createdAt, Instant updatedAt, @Nullable Instant publishedAt, List<Translation> translations,
        Counts counts) {

    public boolean isPublished() {
        return status == ArticleStatus.PUBLISHED;
    }

    /** How often an article was viewed, suggested, and said to have solved the problem. */
    public record Counts(long views, long suggestions, long deflections) {
    }
}
