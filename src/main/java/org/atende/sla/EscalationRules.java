package org.atende.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.atende.audit.AuditKind;
import org.atende.audit.AuditedChange;
import org.atende.customers.Customers;
import org.atende.customers.OrganisationId;
import org.atende.customers.PlanId;
import org.atende.identity.Identity;
import org.atende.identity.TeamId;
import org.atende.identity.UserId;
import org.atende.tickets.Priority;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalation rules: stored, validated (every problem named), listed. The sweep reads the active ones
 * ({@link EscalationSweep}); a rule's firings are kept when it changes, so a changed rule does not fire
 * again for a clock it already fired for.
 */
@Service
@Transactional
public class EscalationRules {

    private static final String COLUMNS = """
            id, name, active, clock_kind, priorities, plan_id, organisation_id, threshold_kind, threshold_percent,
            raise_priority, reassign_team_id, notify_user_id, notify_team_id, created_at, updated_at""";

    private final JdbcClient jdbc;
    private final Customers customers;
    private final Identity identity;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    EscalationRules(JdbcClient jdbc, Customers customers, Identity identity, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.customers = customers;
        this.identity = identity;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<EscalationRule> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM escalation_rule ORDER BY id").query(EscalationRules::row).list();
    }

    @Transactional(readOnly = true)
    public List<EscalationRule> active() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM escalation_rule WHERE active ORDER BY id").query(EscalationRules::row).list();
    }

    @Transactional(readOnly = true)
    public Optional<EscalationRule> get(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM escalation_rule WHERE id = ?").param(id).query(EscalationRules::row).optional();
    }

    public Outcome<EscalationRule> create(EscalationRuleDraft draft) {
        List<String> problems = problems(draft);
        if (!problems.isEmpty()) {
            return new Outcome.Rejected<>(problems);
        }
        Timestamp now = Timestamp.from(clock.instant());
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO escalation_rule (name, active, clock_kind, priorities, plan_id, organisation_id, threshold_kind, "
                        + "threshold_percent, raise_priority, reassign_team_id, notify_user_id, notify_team_id, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(values(draft, now, now)).update(keys, "id");
        EscalationRule created = get(keys.getKey().longValue()).orElseThrow();
        events.publishEvent(AuditedChange.created(AuditKind.ESCALATION_RULE, created.id(), "Escalation rule " + created.name(),
                audited(created)));
        return new Outcome.Saved<>(created);
    }

    /** Replaces a rule; empty when there is no such rule. */
    public Optional<Outcome<EscalationRule>> update(long id, EscalationRuleDraft draft) {
        EscalationRule before = get(id).orElse(null);
        if (before == null) {
            return Optional.empty();
        }
        List<String> problems = problems(draft);
        if (!problems.isEmpty()) {
            return Optional.of(new Outcome.Rejected<>(problems));
        }
        Object[] v = values(draft, null, Timestamp.from(clock.instant()));
        jdbc.sql("UPDATE escalation_rule SET name = ?, active = ?, clock_kind = ?, priorities = ?, plan_id = ?, organisation_id = ?, "
                        + "threshold_kind = ?, threshold_percent = ?, raise_priority = ?, reassign_team_id = ?, notify_user_id = ?, "
                        + "notify_team_id = ?, updated_at = ? WHERE id = ?")
                .params(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[13], id).update();
        EscalationRule after = get(id).orElseThrow();
        events.publishEvent(AuditedChange.changed(AuditKind.ESCALATION_RULE, id, "Escalation rule " + after.name(), audited(before),
                audited(after)));
        return Optional.of(new Outcome.Saved<>(after));
    }

    /** Deletes a rule and the record of its firings; false when there is no such rule. */
    public boolean delete(long id) {
        EscalationRule before = get(id).orElse(null);
        jdbc.sql("DELETE FROM escalation_firing WHERE rule_id = ?").param(id).update();
        boolean deleted = jdbc.sql("DELETE FROM escalation_rule WHERE id = ?").param(id).update() == 1;
        if (deleted && before != null) {
            events.publishEvent(AuditedChange.deleted(AuditKind.ESCALATION_RULE, id, "Escalation rule " + before.name(), audited(before)));
        }
        return deleted;
    }

    /** What the audit log keeps of a rule: every condition, the threshold and every action. */
    private static java.util.Map<String, @Nullable Object> audited(EscalationRule rule) {
        var c = rule.conditions();
        var a = rule.actions();
        return AuditedChange.fields("name", rule.name(), "active", rule.active(), "clock", c.clockKind(),
                "priorities", c.priorities(), "plan", c.planId(), "organisation", c.organisationId(),
                "threshold", rule.threshold().label(), "raisePriority", a.raisePriority(), "reassignTeam", a.reassignTeamId(),
                "notifyUser", a.notifyUserId(), "notifyTeam", a.notifyTeamId());
    }

    /** How many times a rule fired (once per clock at most). */
    @Transactional(readOnly = true)
    public int firings(long ruleId) {
        return jdbc.sql("SELECT COUNT(*) FROM escalation_firing WHERE rule_id = ?").param(ruleId).query(Integer.class).single();
    }

    private static Object[] values(EscalationRuleDraft d, @Nullable Timestamp created, Timestamp updated) {
        var c = d.conditions();
        var t = d.threshold();
        var a = d.actions();
        String priorities = c.priorities().isEmpty() ? null
                : c.priorities().stream().sorted().map(Priority::name).collect(Collectors.joining(","));
        return new Object[] {d.name().strip(), d.active() == null || d.active(), c.clockKind().name(), priorities,
                c.planId(), c.organisationId(), t.kind().name(), t.kind() == EscalationRule.Threshold.Kind.ELAPSED ? t.percent() : null,
                a.raisePriority() == null ? null : a.raisePriority().strip().toUpperCase(Locale.ROOT), a.reassignTeamId(),
                a.notifyUserId(), a.notifyTeamId(), created, updated};
    }

    private List<String> problems(EscalationRuleDraft d) {
        List<String> problems = new ArrayList<>();
        if (d.name() == null || d.name().isBlank()) {
            problems.add("name: required");
        } else if (d.name().strip().length() > 200) {
            problems.add("name: at most 200 characters");
        }
        var c = d.conditions();
        if (c == null || c.clockKind() == null) {
            problems.add("conditions.clockKind: required (FIRST_RESPONSE or RESOLUTION)");
        }
        if (c != null && c.planId() != null && customers.plan(new PlanId(c.planId())).isEmpty()) {
            problems.add("conditions.planId: no plan " + c.planId());
        }
        if (c != null && c.organisationId() != null && customers.organisation(new OrganisationId(c.organisationId())).isEmpty()) {
            problems.add("conditions.organisationId: no organisation " + c.organisationId());
        }
        var t = d.threshold();
        if (t == null || t.kind() == null) {
            problems.add("threshold.kind: required (WARNING, BREACHED or ELAPSED)");
        } else if (t.kind() == EscalationRule.Threshold.Kind.ELAPSED && (t.percent() == null || t.percent() < 1 || t.percent() > 100)) {
            problems.add("threshold.percent: a share of the target from 1 to 100 is required for ELAPSED");
        } else if (t.kind() != EscalationRule.Threshold.Kind.ELAPSED && t.percent() != null) {
            problems.add("threshold.percent: only for ELAPSED");
        }
        var a = d.actions();
        if (a == null || a.raisePriority() == null && a.reassignTeamId() == null && a.notifyUserId() == null && a.notifyTeamId() == null) {
            problems.add("actions: at least one of raisePriority, reassignTeamId, notifyUserId, notifyTeamId");
            return problems;
        }
        if (a.raisePriority() != null && raiseTarget(a.raisePriority()) == null) {
            problems.add("actions.raisePriority: ONE_LEVEL or one of " + Arrays.toString(Priority.values()));
        }
        if (a.reassignTeamId() != null && identity.team(new TeamId(a.reassignTeamId())).isEmpty()) {
            problems.add("actions.reassignTeamId: no team " + a.reassignTeamId());
        }
        if (a.notifyTeamId() != null && identity.team(new TeamId(a.notifyTeamId())).isEmpty()) {
            problems.add("actions.notifyTeamId: no team " + a.notifyTeamId());
        }
        if (a.notifyUserId() != null && identity.user(new UserId(a.notifyUserId()))
                .filter(u -> u.active() && u.role().isStaff()).isEmpty()) {
            problems.add("actions.notifyUserId: no active staff user " + a.notifyUserId());
        }
        return problems;
    }

    /** {@code ONE_LEVEL} or a priority's name, as written; null when it is neither. */
    static @Nullable String raiseTarget(String raise) {
        String v = raise.strip().toUpperCase(Locale.ROOT);
        if (v.equals(EscalationRule.Actions.ONE_LEVEL)) {
            return v;
        }
        return EnumSet.allOf(Priority.class).stream().map(Priority::name).filter(v::equals).findFirst().orElse(null);
    }

    private static EscalationRule row(ResultSet rs, int n) throws SQLException {
        String priorities = rs.getString("priorities");
        Set<Priority> set = priorities == null ? Set.of()
                : Arrays.stream(priorities.split(",")).map(Priority::valueOf).collect(Collectors.toUnmodifiableSet());
        int percent = rs.getInt("threshold_percent");
        Integer thresholdPercent = rs.wasNull() ? null : percent;
        return new EscalationRule(rs.getLong("id"), rs.getString("name"), rs.getBoolean("active"),
                new EscalationRule.Conditions(ClockKind.valueOf(rs.getString("clock_kind")), set, longOrNull(rs, "plan_id"),
                        longOrNull(rs, "organisation_id")),
                new EscalationRule.Threshold(EscalationRule.Threshold.Kind.valueOf(rs.getString("threshold_kind")), thresholdPercent),
                new EscalationRule.Actions(rs.getString("raise_priority"), longOrNull(rs, "reassign_team_id"),
                        longOrNull(rs, "notify_user_id"), longOrNull(rs, "notify_team_id")),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static @Nullable Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
