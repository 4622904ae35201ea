package org.atende.customers.internal;

import java.time.Instant;

import org.atende.customers.OverQuotaPolicy;
import org.atende.customers.PlanDraft;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** A Support &amp; Success plan: its SLA policy, the priority of tickets not yet triaged, its monthly allowance. */
@Table("plan")
class Plan {

    @Id
    @Column("id")
    private @Nullable Long id;

    @Column("name")
    private String name;

    @Column("sla_policy_id")
    private long slaPolicyId;

    @Column("default_priority")
    private String defaultPriority;

    @Column("monthly_ticket_allowance")
    private @Nullable Integer monthlyTicketAllowance;

    @Column("over_quota_policy")
    private OverQuotaPolicy overQuotaPolicy;

    @Column("created_at")
    private final Instant createdAt;

    @PersistenceCreator
    Plan(@Nullable Long id, String name, long slaPolicyId, String defaultPriority, @Nullable Integer monthlyTicketAllowance,
            OverQuotaPolicy overQuotaPolicy, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.slaPolicyId = slaPolicyId;
        this.defaultPriority = defaultPriority;
        this.monthlyTicketAllowance = monthlyTicketAllowance;
        this.overQuotaPolicy = overQuotaPolicy;
        this.createdAt = createdAt;
    }

    static Plan create(PlanDraft draft, String name, Instant now) {
        return new Plan(null, name, draft.slaPolicyId(), draft.defaultPriority(), draft.monthlyTicketAllowance(),
                draft.overQuotaPolicy(), now);
    }

    /** Takes effect at once: what was used this month stays used, and counts against the new allowance. */
    void replace(PlanDraft draft, String name) {
        this.name = name;
        this.slaPolicyId = draft.slaPolicyId();
        this.defaultPriority = draft.defaultPriority();
        this.monthlyTicketAllowance = draft.monthlyTicketAllowance();
        this.overQuotaPolicy = draft.overQuotaPolicy();
    }

    @Nullable Long id() {
        return id;
    }
}
