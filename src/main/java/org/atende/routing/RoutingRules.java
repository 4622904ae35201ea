package org.atende.routing;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.atende.audit.AuditKind;
import org.atende.audit.AuditedChange;
import org.atende.identity.TeamId;
import org.atende.routing.internal.RoutingCursors;
import org.atende.routing.internal.RuleChecks;
import org.atende.routing.internal.RuleRows;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routing rules and the default team: stored, checked (a rule that cannot work is refused with every problem named),
 * listed in the order they are tried, moved. Changes of order take the settings row's lock, so two admins moving
 * rules at once end with positions 1…n.
 */
@Service
@Transactional
public class RoutingRules {

    private final JdbcClient jdbc;
    private final RuleChecks checks;
    private final RoutingCursors cursors;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RoutingRules(JdbcClient jdbc, RuleChecks checks, RoutingCursors cursors, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.checks = checks;
        this.cursors = cursors;
        this.clock = clock;
    }

    /** Every rule, in the order they are tried. */
    @Transactional(readOnly = true)
    public List<RoutingRule> list() {
        return jdbc.sql("SELECT * FROM routing_rule ORDER BY position, id").query(RuleRows::rule).list();
    }

    @Transactional(readOnly = true)
    public Optional<RoutingRule> get(long id) {
        return jdbc.sql("SELECT * FROM routing_rule WHERE id = ?").param(id).query(RuleRows::rule).optional();
    }

    public RoutingOutcome<RoutingRule> create(RoutingRuleDraft draft) {
        List<RuleProblem> problems = new ArrayList<>();
        RuleRows.Values v = checks.rule(draft, problems);
        if (!problems.isEmpty()) {
            return new RoutingOutcome.Refused<>(problems);
        }
        lockOrder();
        cursors.ensure(new TeamId(v.teamId()));
        Timestamp now = Timestamp.from(clock.instant());
        int last = jdbc.sql("SELECT COUNT(*) FROM routing_rule").query(Integer.class).single();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO routing_rule (position, name, active, channels, organisation_id, plan_id, types, categories, languages, "
                        + "priorities, tags, words, team_id, method, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(last + 1, v.name(), v.active(), v.channels(), v.organisationId(), v.planId(), v.types(), v.categories(),
                        v.languages(), v.priorities(), v.tags(), v.words(), v.teamId(), v.method(), now, now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        if (draft.position() != null) {
            place(id, draft.position());
        }
        RoutingRule created = get(id).orElseThrow();
        events.publishEvent(AuditedChange.created(AuditKind.ROUTING_RULE, id, "Routing rule " + created.name(), audited(created)));
        return new RoutingOutcome.Saved<>(created);
    }

    /** Replaces a rule (and moves it when {@code position} is given); empty when there is no such rule. */
    public Optional<RoutingOutcome<RoutingRule>> update(long id, RoutingRuleDraft draft) {
        RoutingRule before = get(id).orElse(null);
        if (before == null) {
            return Optional.empty();
        }
        List<RuleProblem> problems = new ArrayList<>();
        RuleRows.Values v = checks.rule(draft, problems);
        if (!problems.isEmpty()) {
            return Optional.of(new RoutingOutcome.Refused<>(problems));
        }
        cursors.ensure(new TeamId(v.teamId()));
        jdbc.sql("UPDATE routing_rule SET name = ?, active = ?, channels = ?, organisation_id = ?, plan_id = ?, types = ?, categories = ?, "
                        + "languages = ?, priorities = ?, tags = ?, words = ?, team_id = ?, method = ?, updated_at = ? WHERE id = ?")
                .params(v.name(), v.active(), v.channels(), v.organisationId(), v.planId(), v.types(), v.categories(), v.languages(),
                        v.priorities(), v.tags(), v.words(), v.teamId(), v.method(), Timestamp.from(clock.instant()), id)
                .update();
        if (draft.position() != null) {
            lockOrder();
            place(id, draft.position());
        }
        RoutingRule after = get(id).orElseThrow();
        events.publishEvent(AuditedChange.changed(AuditKind.ROUTING_RULE, id, "Routing rule " + after.name(), audited(before), audited(after)));
        return Optional.of(new RoutingOutcome.Saved<>(after));
    }

    /** Moves a rule one place earlier ({@code -1}) or later ({@code +1}); false when there is no such rule. */
    public boolean move(long id, int by) {
        lockOrder();
        Optional<RoutingRule> rule = get(id);
        rule.ifPresent(r -> {
            place(id, Math.max(1, r.position() + by));
            get(id).ifPresent(after -> events.publishEvent(AuditedChange.changed(AuditKind.ROUTING_RULE, id,
                    "Routing rule " + r.name(), AuditedChange.fields("position", r.position()), AuditedChange.fields("position", after.position()))));
        });
        return rule.isPresent();
    }

    /** Deletes a rule; the ones after it move up. False when there is no such rule. */
    public boolean delete(long id) {
        lockOrder();
        Optional<RoutingRule> before = get(id);
        if (jdbc.sql("DELETE FROM routing_rule WHERE id = ?").param(id).update() == 0) {
            return false;
        }
        before.ifPresent(r -> events.publishEvent(AuditedChange.deleted(AuditKind.ROUTING_RULE, id, "Routing rule " + r.name(), audited(r))));
        renumber(ordered(id), id, Integer.MAX_VALUE);
        return true;
    }

    @Transactional(readOnly = true)
    public RoutingSettings settings() {
        return jdbc.sql("SELECT default_team_id, default_method, updated_at FROM routing_settings WHERE id = 1")
                .query(RuleRows::settings).single();
    }

    /** Sets the default team and method (no team: unmatched tickets stay unrouted); checked like a rule's action. */
    public RoutingOutcome<RoutingSettings> changeSettings(RoutingRuleDraft.Action defaults) {
        List<RuleProblem> problems = new ArrayList<>();
        RuleRows.Defaults d = checks.defaults(defaults, problems);
        if (!problems.isEmpty()) {
            return new RoutingOutcome.Refused<>(problems);
        }
        if (d.teamId() != null) {
            cursors.ensure(new TeamId(d.teamId()));
        }
        RoutingSettings before = settings();
        jdbc.sql("UPDATE routing_settings SET default_team_id = ?, default_method = ?, updated_at = ? WHERE id = 1")
                .params(d.teamId(), d.method(), Timestamp.from(clock.instant())).update();
        RoutingSettings after = settings();
        events.publishEvent(AuditedChange.changed(AuditKind.ROUTING_RULE, "defaults", "Routing defaults",
                AuditedChange.fields("defaultTeam", before.defaultTeamId(), "defaultMethod", before.defaultMethod()),
                AuditedChange.fields("defaultTeam", after.defaultTeamId(), "defaultMethod", after.defaultMethod())));
        return new RoutingOutcome.Saved<>(after);
    }

    /** What the audit log keeps of a rule: its place, every condition and the action. */
    private static java.util.Map<String, @Nullable Object> audited(RoutingRule rule) {
        var c = rule.conditions();
        return AuditedChange.fields("name", rule.name(), "active", rule.active(), "position", rule.position(),
                "channels", c.channels(), "organisation", c.organisationId(), "plan", c.planId(), "types", c.types(),
                "categories", c.categories(), "languages", c.languages(), "priorities", c.priorities(), "tags", c.tags(),
                "words", c.words(), "team", rule.action().teamId(), "method", rule.action().method());
    }

    /** Changes of order are serialised on the settings row. */
    private void lockOrder() {
        jdbc.sql("SELECT id FROM routing_settings WHERE id = 1 FOR UPDATE").query(Integer.class).single();
    }

    private void place(long id, int position) {
        renumber(ordered(id), id, position);
    }

    /** Every other rule's id, in order. */
    private List<Long> ordered(long except) {
        return jdbc.sql("SELECT id FROM routing_rule WHERE id <> ? ORDER BY position, id").param(except).query(Long.class).list();
    }

    /** Writes positions 1…n, with {@code id} at {@code position} (or last) when it still exists. */
    private void renumber(List<Long> others, long id, int position) {
        List<Long> order = new ArrayList<>(others);
        if (get(id).isPresent()) {
            order.add(Math.min(Math.max(position, 1), order.size() + 1) - 1, id);
        }
        for (int i = 0; i < order.size(); i++) {
            jdbc.sql("UPDATE routing_rule SET position = ? WHERE id = ? AND position <> ?").params(i + 1, order.get(i), i + 1).update();
        }
    }
}
