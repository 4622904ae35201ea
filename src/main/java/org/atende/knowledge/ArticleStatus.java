package org.atende.knowledge;

/** A draft is seen by staff only; a published article by everyone, in search and suggestions. */
public enum ArticleStatus {
    DRAFT, PUBLISHED
}
