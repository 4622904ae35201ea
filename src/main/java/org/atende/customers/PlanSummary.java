package org.atende.customers;

import org.jspecify.annotations.Nullable;

/**
 * What other modules may know of a plan: the SLA policy its tickets are measured by, the priority a
 * ticket has until an agent triages it ({@code LOW}, {@code MEDIUM}, {@code HIGH}, {@code URGENT}), and
 * its monthly ticket allowance (null: unlimited) with what happens past it.
 */
public record PlanSummary(PlanId id, String name, long slaPolicyId, String defaultPriority,
        @Nullable Integer monthlyTicketAllowance, OverQuotaPolicy overQuotaPolicy) {

    /** An unlimited plan. */
    public PlanSummary(PlanId id, String name, long slaPolicyId, String defaultPriority) {
        this(id, name, slaPolicyId, defaultPriority, null, OverQuotaPolicy.ACCEPT_AND_FLAG);
    }

    public boolean isUnlimited() {
        return monthlyTicketAllowance == null;
    }
}
