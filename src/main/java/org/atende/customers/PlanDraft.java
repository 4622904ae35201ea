package org.atende.customers;

import org.jspecify.annotations.Nullable;

/**
 * What a plan is created or replaced with: a unique name, the SLA policy its tickets are measured by,
 * the priority of untriaged tickets ({@code LOW}, {@code MEDIUM}, {@code HIGH} or {@code URGENT}), the
 * monthly ticket allowance (null: unlimited) and what happens past it.
 */
public record PlanDraft(String name, long slaPolicyId, String defaultPriority, @Nullable Integer monthlyTicketAllowance,
        OverQuotaPolicy overQuotaPolicy) {

    public PlanDraft {
        overQuotaPolicy = overQuotaPolicy == null ? OverQuotaPolicy.ACCEPT_AND_FLAG : overQuotaPolicy;
    }

    /** An unlimited plan. */
    public PlanDraft(String name, long slaPolicyId, String defaultPriority) {
        this(name, slaPolicyId, defaultPriority, null, OverQuotaPolicy.ACCEPT_AND_FLAG);
    }
}
