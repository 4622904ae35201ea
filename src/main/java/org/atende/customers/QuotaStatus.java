package org.atende.customers;

import java.time.Instant;
import java.time.YearMonth;

import org.jspecify.annotations.Nullable;

/**
 * An organisation's use of its monthly ticket allowance in one month of the support time zone.
 * {@code used} counts every unit held, over quota or not; {@code overQuota} those taken past the
 * allowance; {@code allowance} and {@code remaining} are null on an unlimited plan. {@code renewsAt}
 * is the first instant of the next month.
 */
public record QuotaStatus(OrganisationId organisationId, PlanId planId, YearMonth month, @Nullable Integer allowance,
        int used, int overQuota, @Nullable Integer remaining, OverQuotaPolicy policy, Instant renewsAt) {
}
