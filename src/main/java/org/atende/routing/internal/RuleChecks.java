package org.atende.routing.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.atende.customers.Customers;
import org.atende.customers.Language;
import org.atende.customers.OrganisationId;
import org.atende.customers.PlanId;
import org.atende.identity.Agents;
import org.atende.identity.Identity;
import org.atende.identity.TeamId;
import org.atende.identity.TeamSummary;
import org.atende.routing.RoutingMethod;
import org.atende.routing.RoutingRuleDraft;
import org.atende.routing.RuleProblem;
import org.atende.tickets.Channel;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Whether a rule can work: a name, known values in every condition, an organisation and a plan that exist, a team
 * that exists and, for a method that gives tickets to agents, has active members. Every problem is named, none hides
 * another.
 */
@Component
public class RuleChecks {

    static final int MAX_ENTRIES = 50;

    private final Customers customers;
    private final Identity identity;
    private final Agents agents;

    RuleChecks(Customers customers, Identity identity, Agents agents) {
        this.customers = customers;
        this.identity = identity;
        this.agents = agents;
    }

    public RuleRows.Values rule(RoutingRuleDraft d, List<RuleProblem> problems) {
        String name = d.name() == null ? "" : d.name().strip();
        if (name.isEmpty()) {
            problems.add(RuleProblem.of("name", "required"));
        } else if (name.length() > 200) {
            problems.add(RuleProblem.of("name", "tooLong", 200));
        }
        if (d.position() != null && d.position() < 1) {
            problems.add(RuleProblem.of("position", "position"));
        }
        var c = d.conditions() == null ? new RoutingRuleDraft.Conditions(null, null, null, null, null, null, null, null, null)
                : d.conditions();
        String channels = names("conditions.channels", c.channels(), Channel.class, problems);
        String types = names("conditions.types", c.types(), TicketType.class, problems);
        String languages = names("conditions.languages", c.languages(), Language.class, problems);
        String priorities = names("conditions.priorities", c.priorities(), Priority.class, problems);
        if (c.organisationId() != null && customers.organisation(new OrganisationId(c.organisationId())).isEmpty()) {
            problems.add(RuleProblem.of("conditions.organisationId", "unknownOrganisation", c.organisationId()));
        }
        if (c.planId() != null && customers.plan(new PlanId(c.planId())).isEmpty()) {
            problems.add(RuleProblem.of("conditions.planId", "unknownPlan", c.planId()));
        }
        String categories = texts("conditions.categories", c.categories(), 60, s -> s.toLowerCase(Locale.ROOT), ",", problems);
        String tags = texts("conditions.tags", c.tags(), 60, s -> s.toLowerCase(Locale.ROOT).replace(' ', '-'), ",", problems);
        String words = texts("conditions.words", c.words(), 100, s -> s.replaceAll("\\s+", " "), "\n", problems);
        RuleRows.Defaults action = action(d.action(), true, problems);
        return new RuleRows.Values(name, d.active() == null || d.active(), channels, c.organisationId(), c.planId(), types, categories,
                languages, priorities, tags, words, action.teamId() == null ? 0 : action.teamId(), action.method());
    }

    public RuleRows.Defaults defaults(RoutingRuleDraft.Action a, List<RuleProblem> problems) {
        return action(a, false, problems);
    }

    /** A team and a method; {@code teamRequired} for rules (the default team may be none). */
    private RuleRows.Defaults action(RoutingRuleDraft.@Nullable Action a, boolean teamRequired, List<RuleProblem> problems) {
        Long teamId = a == null ? null : a.teamId();
        RoutingMethod method = RoutingMethod.NONE;
        if (a == null || a.method() == null || a.method().isBlank()) {
            problems.add(RuleProblem.of("action.method", "required"));
        } else {
            method = Arrays.stream(RoutingMethod.values()).filter(m -> m.name().equalsIgnoreCase(a.method().strip())).findFirst()
                    .orElse(null);
            if (method == null) {
                problems.add(RuleProblem.of("action.method", "unknownValue", a.method(), Arrays.toString(RoutingMethod.values())));
                method = RoutingMethod.NONE;
            }
        }
        if (teamId == null) {
            if (teamRequired) {
                problems.add(RuleProblem.of("action.teamId", "required"));
            }
            return new RuleRows.Defaults(null, method.name());
        }
        TeamSummary team = identity.team(new TeamId(teamId)).orElse(null);
        if (team == null) {
            problems.add(RuleProblem.of("action.teamId", "unknownTeam", teamId));
        } else if (method.assigns() && agents.members(team.id()).isEmpty()) {
            problems.add(RuleProblem.of("action.method", "emptyTeam", team.name()));
        }
        return new RuleRows.Defaults(teamId, method.name());
    }

    /** Names of an enum's values, case aside, each once, in the enum's order; every unknown one named. */
    private static <E extends Enum<E>> @Nullable String names(String field, @Nullable List<String> given, Class<E> type,
            List<RuleProblem> problems) {
        if (given == null || given.isEmpty()) {
            return null;
        }
        Set<E> found = EnumSet.noneOf(type);
        for (String g : given) {
            E value = g == null ? null : Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equalsIgnoreCase(g.strip()))
                    .findFirst().orElse(null);
            if (value == null) {
                problems.add(RuleProblem.of(field, "unknownValue", g, Arrays.toString(type.getEnumConstants())));
            } else {
                found.add(value);
            }
        }
        return RuleRows.join(new ArrayList<>(found), ",");
    }

    /** Free texts, stripped and normalised, each once, 1 to {@code max} characters, at most {@value #MAX_ENTRIES}. */
    private static @Nullable String texts(String field, @Nullable List<String> given, int max,
            java.util.function.UnaryOperator<String> normal, String separator, List<RuleProblem> problems) {
        if (given == null || given.isEmpty()) {
            return null;
        }
        Set<String> found = new LinkedHashSet<>();
        for (String g : given) {
            String v = g == null ? "" : normal.apply(g.strip());
            if (v.isEmpty() || v.length() > max || v.contains(separator)) {
                problems.add(RuleProblem.of(field, "badEntry", g, max));
            } else {
                found.add(v);
            }
        }
        if (found.size() > MAX_ENTRIES) {
            problems.add(RuleProblem.of(field, "tooMany", MAX_ENTRIES));
        }
        return RuleRows.join(new ArrayList<>(found), separator);
    }
}
