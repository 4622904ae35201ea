package org.atende.customers;

/** An organisation's name changed: what finds its tickets by their organisation. */
public record OrganisationRenamed(OrganisationId organisationId) {
}
