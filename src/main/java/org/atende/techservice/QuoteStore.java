package org.atende.techservice;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.atende.customers.OrganisationId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The quote rows in explicit SQL: row locks, the next revision, the sweep's claim and the billing month. */
@Component
class QuoteStore {

    private final JdbcClient jdbc;

    QuoteStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks one quote until the transaction ends (waiting for whoever holds it); false when there is none. */
    boolean lock(long id) {
        return !jdbc.sql("SELECT id FROM quote WHERE id = ? FOR UPDATE").param(id).query(Long.class).list().isEmpty();
    }

    /** Locks every quote of a ticket, in id order so that two writers never wait on each other in a circle. */
    List<Long> lockTicket(long ticketId) {
        return jdbc.sql("SELECT id FROM quote WHERE ticket_id = ? ORDER BY id FOR UPDATE").param(ticketId)
                .query(Long.class).list();
    }

    int nextRevision(long ticketId) {
        return jdbc.sql("SELECT COALESCE(MAX(revision), 0) + 1 FROM quote WHERE ticket_id = ?").param(ticketId)
                .query(Integer.class).single();
    }

    /**
     * Claims up to {@code limit} sent quotes whose validity ended by {@code now}, skipping rows another
     * transaction holds; they stay locked until this transaction ends (index {@code quote_to_expire}).
     */
    List<Long> claimLapsed(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM quote WHERE state = 'SENT' AND expires_at <= ?
                ORDER BY expires_at, id LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(utc(now), limit).query(Long.class).list();
    }

    /** Billable quotes accepted in {@code [from, to)}, in order of acceptance (index {@code quote_by_acceptance}). */
    List<Long> acceptedBetween(Instant from, Instant to, @Nullable OrganisationId organisation) {
        String sql = """
                SELECT id FROM quote
                WHERE accepted_at >= :from AND accepted_at < :to AND state IN ('ACCEPTED', 'DONE', 'INVOICED')""";
        var statement = organisation == null
                ? jdbc.sql(sql + " ORDER BY accepted_at, id")
                : jdbc.sql(sql + " AND organisation_id = :organisation ORDER BY accepted_at, id").param("organisation", organisation.value());
        return statement.param("from", utc(from)).param("to", utc(to)).query(Long.class).list();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
