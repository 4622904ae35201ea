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

    /** A plan with a monthly allowance ({@code null}: unlimited) and its over-quota policy ({@code REFUSE}, {@code ACCEPT_AND_FLAG}). */
    public long plan(long policyId, String defaultPriority, Integer allowance, String overQuotaPolicy) {
        return insert("INSERT INTO plan (name, sla_policy_id, default_priority, monthly_ticket_allowance, over_quota_policy, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                "plan " + UUID.randomUUID(), policyId, defaultPriority, allowance, overQuotaPolicy, CREATED);
    }

    public void accountLead(OrganisationId org, Actor lead) {
        jdbc.sql("UPDATE organisation SET account_lead_id = ? WHERE id = ?").params(lead.userId().value(), org.value()).update();
    }

    public OrganisationId organisation(String name, long planId) {
        return new OrganisationId(insert("INSERT INTO organisation (name, plan_id, language, created_at) VALUES (?, ?, 'PT', ?)",
                name + " " + UUID.randomUUID(), planId, CREATED));
    }

    public ContactId contact(OrganisationId org, String name) {
        return contact(org, name, "PT");
    }

    public ContactId contact(OrganisationId org, String name, String language) {
        return new ContactId(insert("INSERT INTO contact (organisation_id, name, email, language, created_at) VALUES (?, ?, ?, ?, ?)",
                org.value(), name, UUID.randomUUID() + "@example.com", language, CREATED));
    }

    public TeamId team(String name, String kind) {
        return new TeamId(insert("INSERT INTO team (name, kind) VALUES (?, ?)", name + " " + UUID.randomUUID(), kind));
    }

    public Actor customer(OrganisationId org, String name) {
        return customer(org, name, "PT");
    }

    /** A customer whose contact speaks {@code language} ({@code ES}, {@code PT}, {@code EN}). */
    public Actor customer(OrganisationId org, String name, String language) {
        ContactId contact = contact(org, name, language);
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
