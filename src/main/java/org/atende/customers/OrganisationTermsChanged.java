package org.atende.customers;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** An organisation moved to another plan or calendar: its open tickets' clocks follow. */
public record OrganisationTermsChanged(OrganisationId organisationId, PlanId planId, @Nullable Long calendarId, Instant at) {
}
