package org.atende.reporting;

import java.time.YearMonth;

import org.atende.customers.OrganisationId;
import org.jspecify.annotations.Nullable;

/** An organisation's use of its monthly ticket allowance (null: unlimited), as the quota keeps it. */
public record QuotaUse(OrganisationId organisationId, String organisation, YearMonth month, @Nullable Integer allowance,
        int used, int overQuota) {
}
