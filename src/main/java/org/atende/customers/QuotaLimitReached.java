package org.atende.customers;

import java.time.Instant;
import java.time.YearMonth;

/**
 * An organisation's ticket took the last unit of its plan's monthly allowance ({@code at}: when). Published
 * in the transaction that takes the unit, each time the count reaches the allowance (a unit given back and
 * taken again reaches it again); listeners that report it keep one per organisation and month.
 */
public record QuotaLimitReached(OrganisationId organisationId, YearMonth month, int allowance, Instant at) {
}
