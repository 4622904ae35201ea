package org.atende.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
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

    Reports(JdbcClient jdbc, Customers customers, Quotas quotas, Identity identity, SlaPolicies policies) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.quotas = quotas;
        this.identity = identity;
        this.policies = policies;
    }

    /** SLA compliance of the support tickets opened from {@code from} through {@code to}, grouped {@code by}. */
    public List<ComplianceRow> compliance(Dimension by, YearMonth from, YearMonth to, @Nullable OrganisationId organisation) {
        checkRange(from, to);
        String column = by.column();
        List<Object> params = new ArrayList<>(List.of(from.toString(), to.toString()));
        String orgFilter = "";
        if (organisation != null) {
            orgFilter = " AND organisation_id = ?";
            params.add(organisation.value());
        }
        String sql = """
                SELECT %1$s AS group_key, COUNT(*) AS tickets,
                       SUM(CASE WHEN first_response = 'MET' THEN 1 ELSE 0 END) AS fr_met,
                       SUM(CASE WHEN first_response = 'BREACHED' THEN 1 ELSE 0 END) AS fr_breached,
                       SUM(CASE WHEN resolution = 'MET' THEN 1 ELSE 0 END) AS res_met,
                       SUM(CASE WHEN resolution = 'BREACHED' THEN 1 ELSE 0 END) AS res_breached,
                       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY first_response_seconds) AS fr_median,
                       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY first_response_seconds) AS fr_p90,
                       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY resolution_seconds) AS res_median,
                       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY resolution_seconds) AS res_p90,
                       SUM(CASE WHEN paused_seconds > 0 THEN 1 ELSE 0 END) AS paused_tickets,
                       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY CASE WHEN paused_seconds > 0 THEN paused_seconds END) AS paused_median,
                       SUM(paused_seconds) AS paused_total,
                       SUM(CASE WHEN reopen_count > 0 THEN 1 ELSE 0 END) AS reopened
                FROM report_ticket
                WHERE NOT technical_service AND support_month >= ? AND support_month <= ?%2$s
                GROUP BY %1$s
                ORDER BY %1$s""".formatted(column, orgFilter);
        List<ComplianceRow> rows = jdbc.sql(sql).params(params).query((rs, n) -> row(rs, by)).list();
        return rows;
    }

    /** Compliance of all the support tickets of the range (one row, {@code key} "all"). */
    public ComplianceRow complianceOverall(YearMonth from, YearMonth to, @Nullable OrganisationId organisation) {
        List<ComplianceRow> byMonth = compliance(Dimension.MONTH, from, to, organisation);
        if (byMonth.size() == 1) {
            ComplianceRow r = byMonth.getFirst();
            return relabel(r, "all", "All");
        }
        String orgFilter = organisation == null ? "" : " AND organisation_id = " + organisation.value();
        return jdbc.sql("""
                SELECT 'all' AS group_key, COUNT(*) AS tickets,
                       COALESCE(SUM(CASE WHEN first_response = 'MET' THEN 1 ELSE 0 END), 0) AS fr_met,
                       COALESCE(SUM(CASE WHEN first_response = 'BREACHED' THEN 1 ELSE 0 END), 0) AS fr_breached,
                       COALESCE(SUM(CASE WHEN resolution = 'MET' THEN 1 ELSE 0 END), 0) AS res_met,
                       COALESCE(SUM(CASE WHEN resolution = 'BREACHED' THEN 1 ELSE 0 END), 0) AS res_breached,
                       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY first_response_seconds) AS fr_median,
                       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY first_response_seconds) AS fr_p90,
                       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY resolution_seconds) AS res_median,
                       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY resolution_seconds) AS res_p90,
                       COALESCE(SUM(CASE WHEN paused_seconds > 0 THEN 1 ELSE 0 END), 0) AS paused_tickets,
                       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY CASE WHEN paused_seconds > 0 THEN paused_seconds END) AS paused_median,
                       COALESCE(SUM(paused_seconds), 0) AS paused_total,
                       COALESCE(SUM(CASE WHEN reopen_count > 0 THEN 1 ELSE 0 END), 0) AS reopened
                FROM report_ticket
                WHERE NOT technical_service AND support_month >= ? AND support_month <= ?""" + orgFilter)
                .params(from.toString(), to.toString()).query((rs, n) -> relabel(row(rs, Dimension.MONTH), "all", "All")).single();
    }

    private static ComplianceRow relabel(ComplianceRow r, String key, String label) {
        return new ComplianceRow(key, label, r.tickets(), r.firstResponseMet(), r.firstResponseBreached(), r.firstResponseOpen(),
                r.firstResponseMetShare(), r.resolutionMet(), r.resolutionBreached(), r.resolutionOpen(), r.resolutionMetShare(),
                r.firstResponseMedianSeconds(), r.firstResponseP90Seconds(), r.resolutionMedianSeconds(), r.resolutionP90Seconds(),
                r.pausedTickets(), r.pausedMedianSeconds(), r.pausedTotalSeconds(), r.reopened());
    }

    private ComplianceRow row(ResultSet rs, Dimension by) throws SQLException {
        Object raw = rs.getObject("group_key");
        String key = raw == null ? "" : raw.toString().strip();
        long tickets = rs.getLong("tickets");
        long frMet = rs.getLong("fr_met");
        long frBreached = rs.getLong("fr_breached");
        long resMet = rs.getLong("res_met");
        long resBreached = rs.getLong("res_breached");
        return new ComplianceRow(key, label(by, key), tickets, frMet, frBreached, tickets - frMet - frBreached,
                share(frMet, frBreached), resMet, resBreached, tickets - resMet - resBreached, share(resMet, resBreached),
                Sql.nullableDouble(rs, "fr_median"), Sql.nullableDouble(rs, "fr_p90"), Sql.nullableDouble(rs, "res_median"),
                Sql.nullableDouble(rs, "res_p90"), rs.getLong("paused_tickets"), Sql.nullableDouble(rs, "paused_median"),
                rs.getLong("paused_total"), rs.getLong("reopened"));
    }

    private static @Nullable Double share(long met, long breached) {
        return met + breached == 0 ? null : (double) met / (met + breached);
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

    /** Breaches of support tickets opened in the range, oldest first, at most {@code limit}, each with its causes. */
    public List<Breach> breaches(YearMonth from, YearMonth to, @Nullable OrganisationId organisation, int limit) {
        checkRange(from, to);
        String orgFilter = organisation == null ? "" : " AND b.organisation_id = " + organisation.value();
        List<Breach> found = jdbc.sql("""
                SELECT b.ticket_id, r.ticket_number, b.organisation_id, r.priority, b.clock_kind, b.due_at, b.breached_at
                FROM report_breach b JOIN report_ticket r ON r.ticket_id = b.ticket_id
                WHERE NOT r.technical_service AND b.support_month >= ? AND b.support_month <= ?""" + orgFilter + """

                ORDER BY b.breached_at, b.ticket_id, b.clock_kind
                LIMIT ?""")
                .params(from.toString(), to.toString(), Math.max(0, limit))
                .query((rs, n) -> new Breach(new TicketId(rs.getLong("ticket_id")), rs.getLong("ticket_number"),
                        new OrganisationId(rs.getLong("organisation_id")), rs.getString("priority"), rs.getString("clock_kind"),
                        Sql.instant(rs, "due_at"), Sql.instant(rs, "breached_at"), List.of()))
                .list();
        if (found.isEmpty()) {
            return found;
        }
        Map<Long, List<Breach.Cause>> causes = new LinkedHashMap<>();
        List<Long> ids = found.stream().map(b -> b.ticketId().value()).distinct().toList();
        for (int i = 0; i < ids.size(); i += 500) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
            jdbc.sql("SELECT ticket_id, happened_at, kind, detail FROM report_ticket_event WHERE ticket_id IN (:ids) ORDER BY happened_at, id")
                    .param("ids", chunk)
                    .query((rs, n) -> Map.entry(rs.getLong("ticket_id"),
                            new Breach.Cause(Sql.instant(rs, "happened_at"), rs.getString("kind"), rs.getString("detail"))))
                    .list().forEach(e -> causes.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        }
        return found.stream().map(b -> new Breach(b.ticketId(), b.ticketNumber(), b.organisationId(), b.priority(), b.clock(),
                b.dueAt(), b.breachedAt(), causes.getOrDefault(b.ticketId().value(), List.of()).stream()
                        .filter(c -> !c.at().isAfter(b.breachedAt())).toList())).toList();
    }

    /** The monthly report an organisation's customers may read; empty if there is no such organisation. */
    public java.util.Optional<MonthlyOrganisationReport> monthlyOrganisationReport(OrganisationId organisation, YearMonth month) {
        OrganisationSummary o = customers.organisation(organisation).orElse(null);
        if (o == null) {
            return java.util.Optional.empty();
        }
        PlanSummary plan = customers.plan(o.planId()).orElse(null);
        List<MonthlyOrganisationReport.Promise> promised = new ArrayList<>();
        SlaPolicy policy = plan == null ? null : policies.get(plan.slaPolicyId()).orElse(null);
        if (policy != null) {
            for (Priority p : Priority.values()) {
                promised.add(new MonthlyOrganisationReport.Promise(p.name(), policy.target(p, ClockKind.FIRST_RESPONSE).toString(),
                        policy.target(p, ClockKind.RESOLUTION).toString()));
            }
        }
        QuotaStatus quota = quotas.status(organisation, month);
        return java.util.Optional.of(new MonthlyOrganisationReport(organisation, o.name(), month, plan == null ? "" : plan.name(),
                promised, compliance(Dimension.PRIORITY, month, month, organisation), complianceOverall(month, month, organisation),
                new QuotaUse(organisation, o.name(), month, quota.allowance(), quota.used(), quota.overQuota()),
                quotes(month, month, organisation).getFirst(), breaches(month, month, organisation, 1_000)));
    }

    private static void checkRange(YearMonth from, YearMonth to) {
        if (to.isBefore(from) || from.plusMonths(MAX_MONTHS).isBefore(to)) {
            throw new IllegalArgumentException("a month range runs forward over at most " + MAX_MONTHS + " months");
        }
    }
}
