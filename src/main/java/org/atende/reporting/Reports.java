package org.atende.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.atende.customers.Customers;
import org.atende.customers.OrganisationId;
import org.atende.customers.OrganisationSummary;
import org.atende.customers.PlanId;
import org.atende.customers.PlanSummary;
import org.atende.customers.QuotaStatus;
import org.atende.customers.Quotas;
import org.atende.identity.Identity;
import org.atende.identity.TeamId;
import org.atende.identity.TeamSummary;
import org.atende.identity.UserId;
import org.atende.identity.UserSummary;
import org.atende.sla.ClockKind;
import org.atende.sla.SlaPolicies;
import org.atende.sla.SlaPolicy;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk's reports, read from the report tables only ({@code report_*}, kept by
 * {@link ReportProjection}); months and days are in the support time zone. Callers check who asks.
 */
@Service
@Transactional(readOnly = true)
public class Reports {

    /** The longest month range a report covers, and the longest day range of the flow. */
    public static final int MAX_MONTHS = 36;
    public static final int MAX_DAYS = 800;

    private final JdbcClient jdbc;
    private final Customers customers;
    private final Quotas quotas;
    private final Identity identity;
    private final SlaPolicies policies;
    private final ReportCells cells;
    private final LiveFigures live;
    private final Clock clock;

    Reports(JdbcClient jdbc, Customers customers, Quotas quotas, Identity identity, SlaPolicies policies, ReportCells cells,
            LiveFigures live, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.quotas = quotas;
        this.identity = identity;
        this.policies = policies;
        this.cells = cells;
        this.live = live;
        this.clock = clock;
    }

    /**
     * SLA compliance of the support tickets opened from {@code from} through {@code to}, grouped
     * {@code by}, as they stand now. One organisation's month is counted ticket by ticket (every figure
     * exact); anything wider from the monthly cells ({@link ReportCells}): counts and totals exact, medians
     * and 90th percentiles within 1 %.
     */
    public List<ComplianceRow> compliance(Dimension by, YearMonth from, YearMonth to, @Nullable OrganisationId organisation) {
        checkRange(from, to);
        Map<String, Tally> groups = tally(by, from, to, organisation);
        List<String> keys = new ArrayList<>(groups.keySet());
        keys.sort(order(by));
        return keys.stream().map(k -> groups.get(k).row(k, label(by, k))).toList();
    }

    /** Compliance of all the support tickets of the range (one row, {@code key} "all"). */
    public ComplianceRow complianceOverall(YearMonth from, YearMonth to, @Nullable OrganisationId organisation) {
        checkRange(from, to);
        Tally all = new Tally();
        tally(Dimension.MONTH, from, to, organisation).values().forEach(t -> all.add(t, 1));
        return all.row("all", "All");
    }

    private Map<String, Tally> tally(Dimension by, YearMonth from, YearMonth to, @Nullable OrganisationId organisation) {
        Instant now = clock.instant();
        Map<String, Tally> groups = new HashMap<>();
        if (from.equals(to) && organisation != null) {
            figures(from, organisation, now).forEach(f -> groups.computeIfAbsent(f.key(by), k -> new Tally()).add(f, 1));
        } else {
            cells.tally(by, from, to, organisation, groups, now);
        }
        groups.values().removeIf(t -> t.tickets == 0);
        return groups;
    }

    /** The support tickets of one month, as they stand at {@code now}. */
    private List<TicketFigures> figures(YearMonth month, @Nullable OrganisationId organisation, Instant now) {
        String org = organisation == null ? "" : " AND organisation_id = " + organisation.value();
        return live.at(jdbc.sql("SELECT " + TicketFigures.COLUMNS + " FROM report_ticket WHERE " + TicketFigures.COUNTED
                        + " AND support_month = ?" + org)
                .param(month.toString()).query(TicketFigures::read).list(), now);
    }

    /** Months and names as written, priorities from low to urgent, ids in number order; the group of none last. */
    private static java.util.Comparator<String> order(Dimension by) {
        return (a, b) -> {
            if (a.isEmpty() || b.isEmpty()) {
                return Boolean.compare(a.isEmpty(), b.isEmpty());
            }
            return switch (by) {
                case PRIORITY -> Integer.compare(rank(a), rank(b));
                case PLAN, ORGANISATION, TEAM, AGENT -> Long.compare(Long.parseLong(a), Long.parseLong(b));
                default -> a.compareTo(b);
            };
        };
    }

    private static int rank(String priority) {
        try {
            return Priority.valueOf(priority).ordinal();
        } catch (IllegalArgumentException e) {
            return Integer.MAX_VALUE;
        }
    }

    private String label(Dimension by, String key) {
        if (key.isEmpty()) {
            return by == Dimension.AGENT ? "Unassigned" : by == Dimension.TEAM ? "No team" : "None";
        }
        return switch (by) {
            case ORGANISATION -> customers.organisation(new OrganisationId(Long.parseLong(key))).map(OrganisationSummary::name).orElse(key);
            case PLAN -> customers.plan(new PlanId(Long.parseLong(key))).map(PlanSummary::name).orElse(key);
            case TEAM -> identity.team(new TeamId(Long.parseLong(key))).map(TeamSummary::name).orElse(key);
            case AGENT -> identity.user(new UserId(Long.parseLong(key))).map(UserSummary::name).orElse(key);
            default -> key;
        };
    }

    /** Quota use per organisation (one, or every organisation) and month of the range. */
    public List<QuotaUse> quotaUse(YearMonth from, YearMonth to, @Nullable OrganisationId organisation) {
        checkRange(from, to);
        List<OrganisationSummary> organisations = new ArrayList<>();
        if (organisation != null) {
            customers.organisation(organisation).ifPresent(organisations::add);
        } else {
            for (int page = 0; ; page++) {
                List<OrganisationSummary> batch = customers.organisations(page, 200);
                organisations.addAll(batch);
                if (batch.size() < 200) {
                    break;
                }
            }
        }
        List<QuotaUse> rows = new ArrayList<>();
        for (OrganisationSummary o : organisations) {
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                QuotaStatus s = quotas.status(o.id(), m);
                rows.add(new QuotaUse(o.id(), o.name(), m, s.allowance(), s.used(), s.overQuota()));
            }
        }
        return rows;
    }

    /** Technical-service quotes per month of the range, every month listed. */
    public List<QuoteSummary> quotes(YearMonth from, YearMonth to, @Nullable OrganisationId organisation) {
        checkRange(from, to);
        String orgFilter = organisation == null ? "" : " AND organisation_id = " + organisation.value();
        Map<YearMonth, QuoteSummary> found = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT support_month, SUM(sent) AS sent, SUM(accepted) AS accepted, SUM(rejected) AS rejected,
                       SUM(expired) AS expired, SUM(sent_cents) AS sent_cents, SUM(accepted_cents) AS accepted_cents
                FROM report_quote_month WHERE support_month >= ? AND support_month <= ?""" + orgFilter + " GROUP BY support_month")
                .params(from.toString(), to.toString())
                .query((rs, n) -> new QuoteSummary(YearMonth.parse(rs.getString("support_month").strip()), rs.getLong("sent"),
                        rs.getLong("accepted"), rs.getLong("rejected"), rs.getLong("expired"), rs.getLong("sent_cents"),
                        rs.getLong("accepted_cents")))
                .list().forEach(q -> found.put(q.month(), q));
        List<QuoteSummary> rows = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            rows.add(found.getOrDefault(m, new QuoteSummary(m, 0, 0, 0, 0, 0, 0)));
        }
        return rows;
    }

    /** Backlog and flow per day from {@code from} through {@code to}, every day listed. */
    public List<FlowPeriod> flowByDay(LocalDate from, LocalDate to, @Nullable OrganisationId organisation) {
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("a day range runs forward over at most " + MAX_DAYS + " days");
        }
        String orgFilter = organisation == null ? "" : " AND organisation_id = " + organisation.value();
        long[] running = jdbc.sql("SELECT COALESCE(SUM(waiting_change), 0) AS w, COALESCE(SUM(backlog_change), 0) AS b "
                        + "FROM report_flow_day WHERE flow_day < ?" + orgFilter)
                .param(from).query((rs, n) -> new long[] {rs.getLong("w"), rs.getLong("b")}).single();
        Map<LocalDate, long[]> days = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT flow_day, SUM(opened) AS opened, SUM(resolved) AS resolved, SUM(reopened) AS reopened,
                       SUM(waiting_change) AS w, SUM(backlog_change) AS b
                FROM report_flow_day WHERE flow_day >= ? AND flow_day <= ?""" + orgFilter + " GROUP BY flow_day")
                .params(from, to)
                .query((rs, n) -> Map.entry(rs.getObject("flow_day", LocalDate.class), new long[] {rs.getLong("opened"),
                        rs.getLong("resolved"), rs.getLong("reopened"), rs.getLong("w"), rs.getLong("b")}))
                .list().forEach(e -> days.put(e.getKey(), e.getValue()));
        List<FlowPeriod> rows = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            long[] v = days.getOrDefault(d, new long[5]);
            running[0] += v[3];
            running[1] += v[4];
            rows.add(new FlowPeriod(d.toString(), d, d, v[0], v[1], v[2], running[0], running[1]));
        }
        return rows;
    }

    /** Backlog and flow per ISO week (Monday to Sunday) of the days from {@code from} through {@code to}. */
    public List<FlowPeriod> flowByWeek(LocalDate from, LocalDate to, @Nullable OrganisationId organisation) {
        Map<String, List<FlowPeriod>> weeks = new LinkedHashMap<>();
        for (FlowPeriod day : flowByDay(from, to, organisation)) {
            String week = "%d-W%02d".formatted(day.firstDay().get(IsoFields.WEEK_BASED_YEAR), day.firstDay().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            weeks.computeIfAbsent(week, w -> new ArrayList<>()).add(day);
        }
        List<FlowPeriod> rows = new ArrayList<>();
        weeks.forEach((week, days) -> {
            FlowPeriod last = days.getLast();
            rows.add(new FlowPeriod(week, days.getFirst().firstDay(), last.lastDay(),
                    days.stream().mapToLong(FlowPeriod::opened).sum(), days.stream().mapToLong(FlowPeriod::resolved).sum(),
                    days.stream().mapToLong(FlowPeriod::reopened).sum(), last.waitingOnCustomer(), last.backlog()));
        });
        return rows;
    }

    /**
     * Breaches of the support tickets opened in the range, oldest first, at most {@code limit}, each with
     * its causes: what happened to the ticket up to the breach. A breach is at its clock's due time; a
     * clock still running past its due time is breached, noticed by the desk or not yet.
     */
    public List<Breach> breaches(YearMonth from, YearMonth to, @Nullable OrganisationId organisation, int limit) {
        checkRange(from, to);
        Instant now = clock.instant();
        String org = organisation == null ? "" : " AND r.organisation_id = " + organisation.value();
        List<Breach> found = new ArrayList<>(jdbc.sql("""
                SELECT b.ticket_id, r.ticket_number, b.organisation_id, r.priority, b.clock_kind, b.due_at, b.breached_at, b.noticed_at
                FROM report_breach b JOIN report_ticket r ON r.ticket_id = b.ticket_id
                WHERE NOT r.technical_service AND r.closed_as IS NULL AND r.support_month >= ? AND r.support_month <= ?""" + org)
                .params(from.toString(), to.toString())
                .query((rs, n) -> new Breach(new TicketId(rs.getLong("ticket_id")), rs.getLong("ticket_number"),
                        new OrganisationId(rs.getLong("organisation_id")), rs.getString("priority"), rs.getString("clock_kind"),
                        Sql.instant(rs, "due_at"), Sql.instant(rs, "breached_at"), Sql.instant(rs, "noticed_at"), List.of()))
                .list());
        jdbc.sql("""
                SELECT r.ticket_id, r.ticket_number, r.organisation_id, r.priority, r.first_response_due, r.resolution_due
                FROM report_ticket r WHERE r.live_at < ? AND NOT r.technical_service AND r.closed_as IS NULL
                  AND r.support_month >= ? AND r.support_month <= ?""" + org)
                .params(Sql.utc(now), from.toString(), to.toString())
                .query(rs -> {
                    for (String kind : List.of("FIRST_RESPONSE", "RESOLUTION")) {
                        Instant due = Sql.instant(rs, kind.equals("FIRST_RESPONSE") ? "first_response_due" : "resolution_due");
                        if (due != null && now.isAfter(due)) {
                            found.add(new Breach(new TicketId(rs.getLong("ticket_id")), rs.getLong("ticket_number"),
                                    new OrganisationId(rs.getLong("organisation_id")), rs.getString("priority"), kind, due, due, null,
                                    List.of()));
                        }
                    }
                });
        found.sort(java.util.Comparator.comparing(Breach::breachedAt).thenComparing(b -> b.ticketId().value()).thenComparing(Breach::clock));
        List<Breach> listed = found.subList(0, Math.min(found.size(), Math.max(0, limit)));
        if (listed.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Breach.Cause>> causes = new HashMap<>();
        List<Long> ids = listed.stream().map(b -> b.ticketId().value()).distinct().toList();
        for (int i = 0; i < ids.size(); i += 500) {
            jdbc.sql("SELECT ticket_id, happened_at, kind, before_value, after_value, detail FROM report_ticket_event "
                            + "WHERE ticket_id IN (:ids) ORDER BY happened_at, id")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + 500)))
                    .query((rs, n) -> Map.entry(rs.getLong("ticket_id"), cause(rs)))
                    .list().forEach(e -> causes.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        }
        return listed.stream().map(b -> b.withCauses(causes.getOrDefault(b.ticketId().value(), List.of()).stream()
                .filter(c -> !c.at().isAfter(b.breachedAt())).toList())).toList();
    }

    private Breach.Cause cause(ResultSet rs) throws SQLException {
        String kind = rs.getString("kind");
        String after = rs.getString("after_value");
        if (kind.equals("ESCALATED") && after != null) {
            after = identity.team(new TeamId(Long.parseLong(after))).map(TeamSummary::name).orElse(after);
        }
        return new Breach.Cause(Sql.instant(rs, "happened_at"), kind, rs.getString("before_value"), after, rs.getString("detail"));
    }

    /**
     * The monthly report an organisation's customers may read, as it stands now; empty if there is no
     * such organisation. Every figure is counted ticket by ticket.
     */
    public java.util.Optional<MonthlyOrganisationReport> monthlyOrganisationReport(OrganisationId organisation, YearMonth month) {
        OrganisationSummary o = customers.organisation(organisation).orElse(null);
        if (o == null) {
            return java.util.Optional.empty();
        }
        Instant now = clock.instant();
        PlanSummary plan = customers.plan(o.planId()).orElse(null);
        List<MonthlyOrganisationReport.Promise> promised = new ArrayList<>();
        SlaPolicy policy = plan == null ? null : policies.get(plan.slaPolicyId()).orElse(null);
        if (policy != null) {
            for (Priority p : Priority.values()) {
                promised.add(new MonthlyOrganisationReport.Promise(p.name(), policy.target(p, ClockKind.FIRST_RESPONSE).toString(),
                        policy.target(p, ClockKind.RESOLUTION).toString()));
            }
        }
        List<TicketFigures> tickets = figures(month, organisation, now);
        Map<String, Tally> byPriority = new HashMap<>();
        Tally all = new Tally();
        for (TicketFigures f : tickets) {
            byPriority.computeIfAbsent(f.priority(), k -> new Tally()).add(f, 1);
            all.add(f, 1);
        }
        List<String> priorities = new ArrayList<>(byPriority.keySet());
        priorities.sort(order(Dimension.PRIORITY));
        QuotaStatus quota = quotas.status(organisation, month);
        return java.util.Optional.of(new MonthlyOrganisationReport(organisation, o.name(), month, now, plan == null ? "" : plan.name(),
                promised, priorities.stream().map(p -> byPriority.get(p).row(p, p)).toList(), all.row("all", "All"),
                tickets.stream().filter(TicketFigures::stillOpen).count(), tickets.stream().filter(TicketFigures::waited).count(),
                new QuotaUse(organisation, o.name(), month, quota.allowance(), quota.used(), quota.overQuota()),
                quotes(month, month, organisation).getFirst(), breaches(month, month, organisation, 1_000)));
    }

    /** The support time zone months and days are counted in. */
    public java.time.ZoneId zone() {
        return quotas.zone();
    }

    private static void checkRange(YearMonth from, YearMonth to) {
        if (to.isBefore(from) || from.plusMonths(MAX_MONTHS).isBefore(to)) {
            throw new IllegalArgumentException("a month range runs forward over at most " + MAX_MONTHS + " months");
        }
    }
}
