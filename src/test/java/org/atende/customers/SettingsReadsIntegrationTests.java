package org.atende.customers;

import static org.assertj.core.api.Assertions.assertThat;

import org.atende.support.ApiIntegrationSupport;
import org.atende.support.DeskFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plans and organisations kept in memory: a change through any path (the desk, plain SQL) is read by the next
 * transaction; a transaction that changes a plan reads its own change, and what it rolls back is never kept.
 */
class SettingsReadsIntegrationTests extends ApiIntegrationSupport {

    @Autowired Customers customers;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void anyCommittedChangeIsReadByTheNextTransaction() {
        DeskFixtures desk = new DeskFixtures(jdbc);
        PlanId plan = new PlanId(desk.plan(slaPolicy(), "MEDIUM"));
        OrganisationId org = desk.organisation("Memória", plan.value());
        assertThat(customers.plan(plan).orElseThrow().defaultPriority()).isEqualTo("MEDIUM");
        assertThat(customers.organisation(org).orElseThrow().language()).isEqualTo(Language.PT);

        jdbc.sql("UPDATE plan SET default_priority = 'URGENT' WHERE id = ?").param(plan.value()).update();
        jdbc.sql("UPDATE organisation SET language = 'ES' WHERE id = ?").param(org.value()).update();
        assertThat(customers.plan(plan).orElseThrow().defaultPriority()).isEqualTo("URGENT");
        assertThat(customers.organisation(org).orElseThrow().language()).isEqualTo(Language.ES);

        jdbc.sql("INSERT INTO organisation_domain (organisation_id, domain) VALUES (?, ?)").params(org.value(), "memoria.example").update();
        assertThat(customers.organisation(org).orElseThrow().emailDomains()).containsExactly("memoria.example");
    }

    @Test
    void aTransactionReadsItsOwnChangeAndWhatItRollsBackIsNeverKept() {
        DeskFixtures desk = new DeskFixtures(jdbc);
        long policy = slaPolicy();
        PlanId plan = new PlanId(desk.plan(policy, "MEDIUM"));
        TransactionTemplate tx = new TransactionTemplate(transactions);

        tx.executeWithoutResult(status -> {
            assertThat(customers.plan(plan).orElseThrow().defaultPriority()).isEqualTo("MEDIUM");
            customers.updatePlan(plan, new PlanDraft("Revisto", policy, "LOW", null, OverQuotaPolicy.REFUSE));
            assertThat(customers.plan(plan).orElseThrow().defaultPriority()).as("its own change").isEqualTo("LOW");
            status.setRollbackOnly();
        });

        assertThat(customers.plan(plan).orElseThrow().defaultPriority()).as("after the rollback").isEqualTo("MEDIUM");
        tx.executeWithoutResult(status -> assertThat(customers.plan(plan).orElseThrow().defaultPriority()).isEqualTo("MEDIUM"));
    }
}
