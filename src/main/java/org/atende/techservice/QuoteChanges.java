package org.atende.techservice;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Changes to a draft: a field left null keeps its value. With {@code version}, the edit is refused
 * (409 {@code conflict}) when the quote changed since that version was read.
 */
public record QuoteChanges(@Nullable String description, @Nullable BigDecimal estimatedHours, @Nullable Long amountCents,
        @Nullable LocalDate validUntil, @Nullable Integer version) {
}
