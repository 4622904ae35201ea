package org.atende.audit;

import org.jspecify.annotations.Nullable;

/** One field's value before and after a change (null: absent, or not set). */
public record FieldChange(@Nullable String before, @Nullable String after) {
}
