package org.atende.customers;

/**
 * What other modules may know of a plan: the SLA policy its tickets are measured by, and the
 * priority a ticket has until an agent triages it ({@code LOW}, {@code MEDIUM}, {@code HIGH}, {@code URGENT}).
 */
public record PlanSummary(PlanId id, String name, long slaPolicyId, String defaultPriority) {
}
