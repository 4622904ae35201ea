package org.atende.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.atende.customers.ContactId;
import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.identity.TeamId;
import org.atende.identity.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rows a test needs around tickets (policy, plan, organisations, people), written with plain SQL. */
public final class DeskFixtures {

    private static final Timestamp CREATED = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
    private final JdbcClient jdbc;

    public DeskFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The support terms' targets: first response Low 2 days, Medium 1 day, High 12 h, Urgent 4 h; resolution 24 h. */
    public long standardPolicy() {
        long id = insert("INSERT INTO sla_policy (name, warning_percent, pausing_statuses, created_at, updated_at) VALUES (?, 75, 'WAITING_ON_CUSTOMER', ?, ?)",
                "policy " + UUID.randomUUID(), CREATED, CREATED);
        target(id, "LOW", 2, "DAYS");
        target(id, "MEDIUM", 1, "DAYS");
        target(id, "HIGH", 12, "HOURS");
        target(id, "URGENT", 4, "HOURS");
        return id;
    }

    private void target(long policy, String priority, int amount, String unit) {
        jdbc.sql("INSERT INTO sla_target VALUES (?, ?, ?, ?, 24, 'HOURS')").params(policy, priority, amount, unit).update();
    }

    public long plan(long policyId, String defaultPriority) {
        return insert("INSERT INTO plan (name, sla_policy_id, default_priority, created_at) VALUES (?, ?, ?, ?)",
                "plan " + UUID.randomUUID(), policyId, defaultPriority, CREATED);
    }

    public OrganisationId organisation(String name, long planId) {
        return new OrganisationId(insert("INSERT INTO organisation (name, plan_id, language, created_at) VALUES (?, ?, 'PT', ?)",
                name + " " + UUID.randomUUID(), planId, CREATED));
    }

    public ContactId contact(OrganisationId org, String name) {
        return new ContactId(insert("INSERT INTO contact (organisation_id, name, email, language, created_at) VALUES (?, ?, ?, 'PT', ?)",
                org.value(), name, UUID.randomUUID() + "@example.com", CREATED));
    }

    public TeamId team(String name, String kind) {
        return new TeamId(insert("INSERT INTO team (name, kind) VALUES (?, ?)", name + " " + UUID.randomUUID(), kind));
    }

    public Actor customer(OrganisationId org, String name) {
        ContactId contact = contact(org, name);
        long id = insert("INSERT INTO app_user (email, name, role, organisation_id, contact_id, created_at) VALUES (?, ?, 'CUSTOMER', ?, ?, ?)",
                UUID.randomUUID() + "@customer.example", name, org.value(), contact.value(), CREATED);
        return new Actor(new UserId(id), name, Role.CUSTOMER, org, contact);
    }

    public Actor staff(Role role, String name) {
        long id = insert("INSERT INTO app_user (email, name, role, created_at) VALUES (?, ?, ?, ?)",
                UUID.randomUUID() + "@atende.example", name, role.name(), CREATED);
        return new Actor(new UserId(id), name, role, null, null);
    }

    private long insert(String sql, Object... params) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKey().longValue();
    }
}
