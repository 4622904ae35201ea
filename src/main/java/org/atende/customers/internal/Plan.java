package org.atende.customers.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** A Support &amp; Success plan: its SLA policy and the priority of tickets not yet triaged. */
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

    @Column("created_at")
    private final Instant createdAt;

    @PersistenceCreator
    Plan(@Nullable Long id, String name, long slaPolicyId, String defaultPriority, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.slaPolicyId = slaPolicyId;
        this.defaultPriority = defaultPriority;
        this.createdAt = createdAt;
    }

    static Plan create(String name, long slaPolicyId, String defaultPriority, Instant now) {
        return new Plan(null, name, slaPolicyId, defaultPriority, now);
    }

    void replace(String name, long slaPolicyId, String defaultPriority) {
        this.name = name;
        this.slaPolicyId = slaPolicyId;
        this.defaultPriority = defaultPriority;
    }

    @Nullable Long id() {
        return id;
    }
}
