package org.atende.techservice;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What a quote proposes: the work, its estimate in hours (up to two decimals), its price in euro cents,
 * and the last day it may be accepted (through the end of that day in the support time zone). Every
 * field is required; the facade names each one missing or wrong.
 */
public record QuoteDraft(@Nullable String description, @Nullable BigDecimal estimatedHours, @Nullable Long amountCents,
        @Nullable LocalDate validUntil) {
}
