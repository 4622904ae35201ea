package org.atende.customers;

import java.util.Optional;

import org.atende.operations.SettingsCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Organisations and plans as every module reads them on a ticket's way in (tickets for the default priority,
 * {@code sla} for the terms, quotas, routing, reports): kept in memory and checked once per transaction against
 * the settings' version ({@link SettingsCache}), so a change committed anywhere is seen by the next transaction.
 * {@link Customers} says {@link SettingsCache#changingHere()} before it writes either.
 */
@Component
class SettingsReads {

    private final JdbcClient jdbc;
    private final SettingsCache<OrganisationId, OrganisationSummary> organisations;
    private final SettingsCache<PlanId, PlanSummary> plans;

    SettingsReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.organisations = new SettingsCache<>(jdbc);
        this.plans = new SettingsCache<>(jdbc);
    }

    Optional<OrganisationSummary> organisation(OrganisationId id) {
        return organisations.get(id, () -> jdbc.sql(Customers.ORGANISATION + " WHERE o.id = ?").param(id.value())
                .query(Customers::organisation).optional());
    }

    Optional<PlanSummary> plan(PlanId id) {
        return plans.get(id, () -> jdbc.sql(Customers.PLAN + " WHERE id = ?").param(id.value()).query(Customers::plan).optional());
    }
}
