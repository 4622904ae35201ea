package org.atende.knowledge;

import org.jspecify.annotations.Nullable;

/** What a category is created or changed with; {@code position} orders the list (0 when absent). */
public record CategoryDraft(String slug, String nameEs, String namePt, String nameEn, @Nullable Integer position) {
}
