/**
 * Service-level targets: the support calendar they are measured on, stored calendars, policies,
 * the clocks of each ticket, the sweep that warns and marks breaches, and the escalation rules it evaluates.
 * <p>
 * Depends on {@code tickets} (its events drive the clocks; its facade takes timeline entries and the
 * queue's due time), {@code customers} (organisation, plan and policy of a ticket), {@code calendar}
 * (business time) and {@code identity} (the {@code Actor} its REST controllers check).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"calendar", "tickets", "customers", "identity", "problems", "operations", "audit"})
@org.jspecify.annotations.NullMarked
package org.atende.sla;
