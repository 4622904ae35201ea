package org.atende.customers;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly ticket allowances. A ticket takes one unit of its organisation's allowance in the calendar
 * month, in the support time zone, in which it was received; a unit can be given back (the ticket became
 * technical service, was merged as a duplicate, was spam) and taken again.
 * <p>
 * Counting is exact under concurrent intake: every decision first locks the organisation's row
 * ({@code SELECT ... FOR [NO KEY] UPDATE}) and counts the units held under that lock, in the caller's transaction,
 * so the decision and the unit it writes commit or roll back with the ticket, and the next caller sees
 * both. The allowance is the plan's at the moment of the decision: a plan change takes effect at once,
 * and what was used stays used.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class Quotas {

    private final JdbcClient jdbc;
    private final ObjectProvider<Clock> clock;
    private final ZoneId zone;
    private final String lockClause;
    private final org.springframework.context.ApplicationEventPublisher events;

    Quotas(JdbcClient jdbc, ObjectProvider<Clock> clock, @Value("${atende.calendar.zone:Europe/Lisbon}") String zone,
            javax.sql.DataSource dataSource, org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
        this.lockClause = lockClause(dataSource);
    }

    /**
     * PostgreSQL: {@code FOR NO KEY UPDATE}, which does not wait for the key-share locks that inserting a
     * contact or a ticket of the organisation takes (with {@code FOR UPDATE}, two intakes that each created
     * a contact first would deadlock upgrading their locks). H2 takes no such locks: {@code FOR UPDATE}.
     */
    private static String lockClause(javax.sql.DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")
                    ? " FOR NO KEY UPDATE" : " FOR UPDATE";
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot tell which database this is", e);
        }
    }

    /** The month an instant counts for: {@code 2026-07-31T23:30Z} is August in Lisbon. */
    public YearMonth monthOf(Instant at) {
        return YearMonth.from(at.atZone(zone));
    }

    /** The first instant of the month after {@code month}, when its allowance renews. */
    public Instant renewalOf(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * Whether one more ticket received at {@code receivedAt} may open. Locks the organisation's allowance
     * until the transaction ends, so the caller's {@link #take} counts under the same lock. Throws
     * {@link QuotaExhaustedException} (the message in {@code language}) when the allowance is used up
     * and the plan refuses; answers whether the ticket would be over quota otherwise.
     */
    public boolean admit(OrganisationId organisation, Instant receivedAt, Language language) {
        Terms terms = lockTerms(organisation);
        YearMonth month = monthOf(receivedAt);
        int used = held(organisation, month);
        boolean over = terms.allowance() != null && used >= terms.allowance();
        if (over && terms.policy() == OverQuotaPolicy.REFUSE) {
            Instant renews = renewalOf(month);
            throw new QuotaExhaustedException(terms.allowance(), used, month, renews,
                    QuotaMessages.refused(language, terms.allowance(), used, month, renews, zone));
        }
        return over;
    }

    /**
     * Counts a ticket in the month it was received. Past the allowance the unit is over quota (billable);
     * it is never refused here: the ticket exists (see {@link #admit} for intake). A ticket that already
     * holds a unit keeps it.
     */
    public QuotaUnit take(OrganisationId organisation, long ticketId, Instant receivedAt, String because) {
        Terms terms = lockTerms(organisation);
        Optional<QuotaUnit> held = heldBy(ticketId);
        if (held.isPresent()) {
            return held.get();
        }
        YearMonth month = monthOf(receivedAt);
        int before = terms.allowance() == null ? 0 : held(organisation, month);
        boolean over = terms.allowance() != null && before >= terms.allowance();
        jdbc.sql("""
                INSERT INTO quota_unit (organisation_id, ticket_id, usage_month, over_quota, taken_at, taken_because)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(organisation.value(), ticketId, month.toString(), over, Timestamp.from(now()), because).update();
        if (terms.allowance() != null && before + 1 == terms.allowance()) {
            events.publishEvent(new QuotaLimitReached(organisation, month, terms.allowance(), now()));
        }
        return new QuotaUnit(ticketId, month, over);
    }

    /** Gives back the unit a ticket holds, if any; the month it counted for is used one less. */
    public Optional<QuotaUnit> giveBack(long ticketId, String because) {
        Optional<QuotaUnit> held = heldBy(ticketId);
        held.ifPresent(unit -> {
            long organisation = jdbc.sql("SELECT organisation_id FROM quota_unit WHERE ticket_id = ? AND returned_at IS NULL")
                    .param(ticketId).query(Long.class).single();
            lockTerms(new OrganisationId(organisation));
            jdbc.sql("UPDATE quota_unit SET returned_at = ?, returned_because = ? WHERE ticket_id = ? AND returned_at IS NULL")
                    .params(Timestamp.from(now()), because, ticketId).update();
        });
        return held;
    }

    /** The unit a ticket holds, if any. */
    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public Optional<QuotaUnit> heldBy(long ticketId) {
        return jdbc.sql("SELECT usage_month, over_quota FROM quota_unit WHERE ticket_id = ? AND returned_at IS NULL")
                .param(ticketId).query((rs, n) -> new QuotaUnit(ticketId, YearMonth.parse(rs.getString("usage_month")),
                        rs.getBoolean("over_quota")))
                .optional();
    }

    /** This month's use of the organisation's allowance. */
    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public QuotaStatus status(OrganisationId organisation) {
        return status(organisation, monthOf(now()));
    }

    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public QuotaStatus status(OrganisationId organisation, YearMonth month) {
        Terms terms = terms(organisation, false);
        int used = held(organisation, month);
        int over = jdbc.sql("SELECT COUNT(*) FROM quota_unit WHERE organisation_id = ? AND usage_month = ? AND returned_at IS NULL AND over_quota")
                .params(organisation.value(), month.toString()).query(Integer.class).single();
        Integer remaining = terms.allowance() == null ? null : Math.max(0, terms.allowance() - used);
        return new QuotaStatus(organisation, terms.planId(), month, terms.allowance(), used, over, remaining, terms.policy(),
                renewalOf(month));
    }

    /** The last {@code months} months up to the current one, newest first, months without tickets included. */
    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public List<QuotaMonth> history(OrganisationId organisation, int months) {
        YearMonth newest = monthOf(now());
        YearMonth oldest = newest.minusMonths(months - 1L);
        Map<YearMonth, QuotaMonth> found = new TreeMap<>();
        jdbc.sql("""
                SELECT usage_month,
                       SUM(CASE WHEN returned_at IS NULL THEN 1 ELSE 0 END) AS used,
                       SUM(CASE WHEN returned_at IS NULL AND over_quota THEN 1 ELSE 0 END) AS over_quota,
                       SUM(CASE WHEN returned_at IS NULL THEN 0 ELSE 1 END) AS returned
                FROM quota_unit WHERE organisation_id = ? AND usage_month >= ? AND usage_month <= ?
                GROUP BY usage_month""")
                .params(organisation.value(), oldest.toString(), newest.toString())
                .query((rs, n) -> new QuotaMonth(YearMonth.parse(rs.getString("usage_month")), rs.getInt("used"),
                        rs.getInt("over_quota"), rs.getInt("returned")))
                .list().forEach(m -> found.put(m.month(), m));
        List<QuotaMonth> out = new ArrayList<>();
        for (YearMonth m = newest; !m.isBefore(oldest); m = m.minusMonths(1)) {
            out.add(found.getOrDefault(m, new QuotaMonth(m, 0, 0, 0)));
        }
        return out;
    }

    private record Terms(PlanId planId, @Nullable Integer allowance, OverQuotaPolicy policy) {
    }

    private Terms lockTerms(OrganisationId organisation) {
        return terms(organisation, true);
    }

    private Terms terms(OrganisationId organisation, boolean lock) {
        // The lock is on the organisation's row alone (H2 does not lock joined rows the same way PostgreSQL does).
        long planId = jdbc.sql("SELECT plan_id FROM organisation WHERE id = ?" + (lock ? lockClause : ""))
                .param(organisation.value()).query(Long.class).optional()
                .orElseThrow(() -> new NoSuchElementException("No organisation " + organisation + "."));
        return jdbc.sql("SELECT monthly_ticket_allowance, over_quota_policy FROM plan WHERE id = ?").param(planId)
                .query((rs, n) -> {
                    int allowance = rs.getInt(1);
                    Integer a = rs.wasNull() ? null : allowance;
                    return new Terms(new PlanId(planId), a, OverQuotaPolicy.valueOf(rs.getString(2)));
                }).single();
    }

    private int held(OrganisationId organisation, YearMonth month) {
        return jdbc.sql("SELECT COUNT(*) FROM quota_unit WHERE organisation_id = ? AND usage_month = ? AND returned_at IS NULL")
                .params(organisation.value(), month.toString()).query(Integer.class).single();
    }

    private Instant now() {
        return clock.getIfUnique(Clock::systemUTC).instant();
    }
}
