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
import java.util.function.Supplier;

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
 * Counting is exact under concurrent intake and costs the same however many tickets the month has: under a plan
 * with an allowance, one conditional update of the month's counter ({@link QuotaCounter}) decides, in the
 * caller's transaction, so the decision and the unit it writes commit or roll back with the ticket, and the
 * counter row stays locked until then, so the next caller sees both. Under a plan without an allowance nothing
 * is locked. The allowance is the plan's at the moment of the decision: a plan change takes effect at once,
 * and what was used stays used (the unit rows are the record; the counter is built again from them).
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class Quotas {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final QuotaCounter counter;
    private final org.springframework.context.ApplicationEventPublisher events;

    private final SettingsReads settings;

    Quotas(JdbcClient jdbc, ObjectProvider<Clock> clock, @Value("${atende.calendar.zone:Europe/Lisbon}") String zone,
            QuotaCounter counter, SettingsReads settings, org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.events = events;
        this.clock = clock.getIfUnique(Clock::systemUTC);
        this.zone = ZoneId.of(zone);
        this.counter = counter;
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
     * Counts a new support ticket in the month it was received ({@code ticketId} holds no unit yet). Past the
     * allowance a refusing plan refuses it, with a {@link QuotaExhaustedException} whose message is in
     * {@code language} (the caller's transaction then rolls back, ticket and all); an accepting plan counts it
     * over quota (billable). Call it as late in the transaction as possible: under a plan with an allowance it
     * holds the month's counter row until the transaction ends.
     */
    public QuotaUnit takeAtIntake(OrganisationId organisation, long ticketId, Instant receivedAt, Supplier<Language> language) {
        return count(organisation, ticketId, monthOf(receivedAt), "opened", language);
    }

    /**
     * Counts a ticket in the month it was received. Past the allowance the unit is over quota (billable);
     * it is never refused here: the ticket exists (see {@link #takeAtIntake} for intake). A ticket that already
     * holds a unit keeps it.
     */
    public QuotaUnit take(OrganisationId organisation, long ticketId, Instant receivedAt, String because) {
        Optional<QuotaUnit> held = heldBy(ticketId);
        if (held.isPresent()) {
            return held.get();
        }
        return count(organisation, ticketId, monthOf(receivedAt), because, null);
    }

    /**
     * Writes a unit. Under a plan without an allowance nothing else is read or locked. Under one with an
     * allowance, the month's {@link QuotaCounter} decides in one conditional update, exact under concurrent
     * intake because the row stays locked until the transaction ends; the allowance is the plan's at that moment.
     */
    private QuotaUnit count(OrganisationId organisation, long ticketId, YearMonth month, String because,
            @Nullable Supplier<Language> refuseIn) {
        Terms terms = terms(organisation);
        Integer allowance = terms.allowance();
        boolean over = false;
        if (allowance != null) {
            over = !counter.claim(organisation, month, allowance);
            if (over && refuseIn != null && terms.policy() == OverQuotaPolicy.REFUSE) {
                int used = counter.used(organisation, month);
                Instant renews = renewalOf(month);
                throw new QuotaExhaustedException(allowance, used, month, renews,
                        QuotaMessages.refused(refuseIn.get(), allowance, used, month, renews, zone));
            }
            if (over) {
                counter.add(organisation, month, 1); // billable, and used all the same
            } else if (counter.used(organisation, month) == allowance) {
                events.publishEvent(new QuotaLimitReached(organisation, month, allowance, now()));
            }
        }
        jdbc.sql("""
                INSERT INTO quota_unit (organisation_id, ticket_id, usage_month, over_quota, taken_at, taken_because)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(organisation.value(), ticketId, month.toString(), over, Timestamp.from(now()), because).update();
        return new QuotaUnit(ticketId, month, over);
    }

    /** Gives back the unit a ticket holds, if any; the month it counted for is used one less. */
    public Optional<QuotaUnit> giveBack(long ticketId, String because) {
        Optional<HeldUnit> held = jdbc.sql("""
                SELECT organisation_id, usage_month, over_quota FROM quota_unit WHERE ticket_id = ? AND returned_at IS NULL""")
                .param(ticketId).query((rs, n) -> new HeldUnit(new OrganisationId(rs.getLong(1)),
                        new QuotaUnit(ticketId, YearMonth.parse(rs.getString(2)), rs.getBoolean(3))))
                .optional();
        held.ifPresent(h -> {
            jdbc.sql("UPDATE quota_unit SET returned_at = ?, returned_because = ? WHERE ticket_id = ? AND returned_at IS NULL")
                    .params(Timestamp.from(now()), because, ticketId).update();
            counter.add(h.organisation(), h.unit().month(), -1);
        });
        return held.map(HeldUnit::unit);
    }

    private record HeldUnit(OrganisationId organisation, QuotaUnit unit) {
    }

    /**
     * After an organisation moved to another plan: its counters are built again from its units when next
     * needed (a plan without an allowance does not keep them up to date).
     */
    public void planChangedFor(OrganisationId organisation) {
        counter.forget(organisation);
    }

    /** After a plan's allowance changed: the counters of its organisations are built again when next needed. */
    public void allowanceChangedOf(PlanId plan) {
        counter.forgetPlan(plan);
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
        Terms terms = terms(organisation);
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

    /**
     * The organisation's plan terms now: the organisation and its plan as the current settings say
     * ({@link SettingsReads}).
     */
    private Terms terms(OrganisationId organisation) {
        OrganisationSummary o = settings.organisation(organisation)
                .orElseThrow(() -> new NoSuchElementException("No organisation " + organisation + "."));
        PlanSummary plan = settings.plan(o.planId())
                .orElseThrow(() -> new NoSuchElementException("No plan " + o.planId() + "."));
        return new Terms(plan.id(), plan.monthlyTicketAllowance(), plan.overQuotaPolicy());
    }

    private int held(OrganisationId organisation, YearMonth month) {
        return jdbc.sql("SELECT COUNT(*) FROM quota_unit WHERE organisation_id = ? AND usage_month = ? AND returned_at IS NULL")
                .params(organisation.value(), month.toString()).query(Integer.class).single();
    }

    private Instant now() {
        return clock.instant();
    }
}
