package org.atende.customers;

import java.time.YearMonth;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many units an organisation has used in a support month ({@code quota_counter}), kept beside the unit rows
 * so that a decision is one conditional update instead of counting the month's units. Kept up to date while the
 * organisation's plan has an allowance; forgotten when its plan or the plan's allowance changes, and then built
 * again from the units by the next ticket that needs it.
 */
@Component
class QuotaCounter {

    private final JdbcClient jdbc;

    QuotaCounter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes one unit if the month has one left: {@code used = used + 1 WHERE used < allowance}, which locks the
     * counter row until the transaction ends, so concurrent claims queue and each sees the one before. False
     * when the allowance is used up.
     */
    boolean claim(OrganisationId organisation, YearMonth month, int allowance) {
        if (increment(organisation, month, allowance) == 1) {
            return true;
        }
        // No row, or no unit left. A missing row (a new month, or a plan change forgot it) is built from the
        // units; a concurrent builder's row wins (the insert waits for it to commit, then does nothing), and the
        // update then sees it. No other lock is taken here: a failed update may still hold the counter row, and
        // waiting for anything else while holding it could close a cycle.
        jdbc.sql("""
                INSERT INTO quota_counter (organisation_id, usage_month, used)
                SELECT ?, ?, COUNT(*) FROM quota_unit WHERE organisation_id = ? AND usage_month = ? AND returned_at IS NULL
                ON CONFLICT DO NOTHING""")
                .params(organisation.value(), month.toString(), organisation.value(), month.toString())
                .update();
        return increment(organisation, month, allowance) == 1;
    }

    private int increment(OrganisationId organisation, YearMonth month, int allowance) {
        return jdbc.sql("UPDATE quota_counter SET used = used + 1 WHERE organisation_id = ? AND usage_month = ? AND used < ?")
                .params(organisation.value(), month.toString(), allowance).update();
    }

    /**
     * Adds to a month's use (a unit taken past the allowance, or given back); a month without a counter has
     * nothing to keep. Never below zero: a counter left from a time without allowance (changed outside the desk)
     * may be behind its units; the next plan change through the desk builds it again.
     */
    void add(OrganisationId organisation, YearMonth month, int units) {
        jdbc.sql("UPDATE quota_counter SET used = GREATEST(used + ?, 0) WHERE organisation_id = ? AND usage_month = ?")
                .params(units, organisation.value(), month.toString()).update();
    }

    /** The month's use as counted; read after a claim in the same transaction, it includes that claim. */
    int used(OrganisationId organisation, YearMonth month) {
        return jdbc.sql("SELECT used FROM quota_counter WHERE organisation_id = ? AND usage_month = ?")
                .params(organisation.value(), month.toString()).query(Integer.class).optional().orElse(0);
    }

    void forget(OrganisationId organisation) {
        jdbc.sql("DELETE FROM quota_counter WHERE organisation_id = ?").param(organisation.value()).update();
    }

    void forgetPlan(PlanId plan) {
        jdbc.sql("DELETE FROM quota_counter WHERE organisation_id IN (SELECT id FROM organisation WHERE plan_id = ?)")
                .param(plan.value()).update();
    }

}
