/**
 * The knowledge base: articles in Spanish, Portuguese and English (Markdown, rendered to safe HTML),
 * linked to their translations, in categories, drafted then published; full-text search in each
 * article's language, the suggestions shown to customers as they write and in automatic replies, and
 * per-day counts of views, suggestions and deflections.
 * <p>
 * Depends on {@code customers} (the {@code Language}s the desk speaks) and {@code identity} (the
 * {@code Actor} its REST API checks) and {@code text} (how its H2 index reads words, as the tickets' does).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"customers", "identity", "problems", "text"})
@org.jspecify.annotations.NullMarked
package org.atende.knowledge;
