package org.atende.routing.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.atende.customers.ContactId;
import org.atende.customers.ContactSummary;
import org.atende.customers.Customers;
import org.atende.customers.Language;
import org.atende.customers.OrganisationSummary;
import org.atende.identity.AgentProfile;
import org.atende.identity.Agents;
import org.atende.identity.TeamId;
import org.atende.identity.UserId;
import org.atende.routing.OpenWork;
import org.atende.routing.RoutedLine;
import org.atende.routing.RoutingMethod;
import org.atende.routing.RoutingRule;
import org.atende.routing.RoutingRules;
import org.atende.routing.RoutingSettings;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.atende.tickets.Workloads;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routes tickets: the first active rule a ticket meets (else the default team) names a team and a method; the method
 * picks among the team's available members, preferring those who speak the ticket's language. Everything is read
 * first, once for all the tickets routed together; the teams' cursor rows are locked last (in team order), just before
 * the loads are weighed and the tickets assigned, so the locks are held only for the choice itself. Tickets routed
 * together are chosen for in the order given, each seeing the turn and the loads the ones before it left. The
 * assignment is conditional on the owner routing saw: a person (or another instance) who got there first wins.
 */
@Component
public class Router {

    /** What routing did with a ticket. */
    public enum Result {
        ROUTED, ALREADY_OWNED, OWNER_SET_BY_HAND, UNMATCHED, SAME_TEAM, CHANGED_MEANWHILE, CLOSED, NO_SUCH_TICKET
    }

    private final Tickets tickets;
    private final Workloads workloads;
    private final Customers customers;
    private final Agents agents;
    private final RoutingRules rules;
    private final RoutingCursors cursors;

    Router(Tickets tickets, Workloads workloads, Customers customers, Agents agents, RoutingRules rules, RoutingCursors cursors) {
        this.tickets = tickets;
        this.workloads = workloads;
        this.customers = customers;
        this.agents = agents;
        this.rules = rules;
        this.cursors = cursors;
    }

    /** Routes a ticket just opened: only one nobody has given a team or an agent yet. */
    @Transactional
    public Result opened(TicketId id) {
        return opened(List.of(id)).get(id);
    }

    /**
     * Routes tickets just opened, together: each as {@link #opened(TicketId)} would, in the order given (a team's
     * turn and its agents' loads move with each assignment), with everything read once for all of them.
     */
    @Transactional
    public Map<TicketId, Result> opened(List<TicketId> ids) {
        Map<TicketId, TicketView> found = tickets.lookupAll(ids);
        Map<TicketId, Result> results = new HashMap<>();
        List<TicketView> unowned = new ArrayList<>();
        for (TicketId id : ids) {
            TicketView t = found.get(id);
            if (t == null) {
                results.put(id, Result.NO_SUCH_TICKET);
            } else if (t.teamId() != null || t.assigneeId() != null) {
                results.put(id, Result.ALREADY_OWNED);
            } else {
                unowned.add(t);
            }
        }
        results.putAll(route(unowned, false));
        return results;
    }

    /**
     * Routes a ticket whose type changed again, when the rule it now meets names another team than its own, unless a
     * person chose its owner (then that choice stands).
     */
    @Transactional
    public Result reclassified(TicketId id) {
        Optional<TicketView> found = tickets.lookup(id);
        if (found.isEmpty()) {
            return Result.NO_SUCH_TICKET;
        }
        if (workloads.ownerSetByHand(id)) {
            return Result.OWNER_SET_BY_HAND;
        }
        return route(List.of(found.get()), true).get(id);
    }

    /** Where a rule (or the defaults) sends a ticket, and how. */
    private record Choice(TicketView ticket, TicketFacts facts, @Nullable RoutingRule rule, TeamId team, RoutingMethod method) {
    }

    private Map<TicketId, Result> route(List<TicketView> all, boolean again) {
        Map<TicketId, Result> results = new HashMap<>();
        List<Choice> choices = choose(all, again, results);
        // each team's available members, read once; then the turns of the teams that will assign, locked in team order
        Map<TeamId, List<AgentProfile>> available = new HashMap<>();
        Map<TicketId, List<AgentProfile>> candidates = new HashMap<>();
        Map<TicketId, Language> preferred = new HashMap<>();
        for (Choice c : choices) {
            if (!c.method().assigns()) {
                continue;
            }
            List<AgentProfile> members = available.computeIfAbsent(c.team(),
                    team -> agents.members(team).stream().filter(AgentProfile::available).toList());
            List<AgentProfile> speakers = members.stream().filter(a -> a.speaks(c.facts().language())).toList();
            candidates.put(c.ticket().id(), speakers.isEmpty() ? members : speakers);
            if (!speakers.isEmpty() && speakers.size() != members.size()) { // said on the timeline only when it narrowed the choice
                preferred.put(c.ticket().id(), c.facts().language());
            }
        }
        Map<TeamId, Turn> turns = new TreeMap<>(Comparator.comparingLong(TeamId::value));
        for (Choice c : choices) {
            if (!candidates.getOrDefault(c.ticket().id(), List.of()).isEmpty()) {
                turns.computeIfAbsent(c.team(), team -> new Turn());
            }
        }
        turns.forEach((team, turn) -> turn.last = cursors.lock(team)); // as late as possible: held only while choosing and assigning
        weighLoads(choices, candidates, turns);

        List<Tickets.Routing> routings = new ArrayList<>();
        Map<TicketId, AgentProfile> picks = new HashMap<>();
        for (Choice c : choices) {
            TicketView t = c.ticket();
            RoutedLine.Outcome outcome = RoutedLine.Outcome.TEAM_QUEUE;
            AgentProfile picked = null;
            List<AgentProfile> list = candidates.get(t.id());
            if (list != null) {
                outcome = RoutedLine.Outcome.NO_AVAILABLE_AGENT;
                if (!list.isEmpty()) {
                    Turn turn = turns.get(c.team());
                    picked = AgentChooser.pick(list, turn.last, c.method() == RoutingMethod.LEAST_OPEN_WORK ? turn.loads() : null)
                            .orElseThrow();
                    turn.assign(picked.id(), t);
                    picks.put(t.id(), picked);
                    outcome = RoutedLine.Outcome.ASSIGNED;
                }
            }
            routings.add(new Tickets.Routing(t.id(), t.teamId(), t.assigneeId(), c.team(), picked == null ? null : picked.id(),
                    RoutedLine.detail(c.rule(), c.method(), outcome, preferred.get(t.id()))));
        }
        Set<TicketId> routed = tickets.route(routings);
        Map<TeamId, List<UserId>> assigned = new TreeMap<>(Comparator.comparingLong(TeamId::value));
        for (Choice c : choices) {
            TicketId id = c.ticket().id();
            results.put(id, routed.contains(id) ? Result.ROUTED : Result.CHANGED_MEANWHILE);
            if (routed.contains(id) && picks.containsKey(id)) {
                assigned.computeIfAbsent(c.team(), team -> new ArrayList<>()).add(picks.get(id).id());
            }
        }
        assigned.forEach((team, agentsInTurn) -> cursors.advance(team, agentsInTurn.getLast(), agentsInTurn.size()));
        return results;
    }

    /** The rule (or the defaults) each ticket meets; the tickets left where they are get their result here. */
    private List<Choice> choose(List<TicketView> all, boolean again, Map<TicketId, Result> results) {
        List<Choice> choices = new ArrayList<>();
        List<TicketView> open = all.stream().filter(t -> {
            if (t.status() == TicketStatus.CLOSED) {
                results.put(t.id(), Result.CLOSED);
                return false;
            }
            return true;
        }).toList();
        if (open.isEmpty()) {
            return choices;
        }
        Map<TicketId, TicketFacts> facts = facts(open);
        List<RoutingRule> active = rules.list().stream().filter(RoutingRule::active).toList();
        RoutingSettings settings = null;
        for (TicketView t : open) {
            TicketFacts f = facts.get(t.id());
            RoutingRule rule = active.stream().filter(r -> RuleMatcher.matches(r.conditions(), f)).findFirst().orElse(null);
            if (rule == null && settings == null) {
                settings = rules.settings();
            }
            if (rule == null && settings.defaultTeamId() == null) {
                results.put(t.id(), Result.UNMATCHED); // no default team: the ticket stays unrouted
                continue;
            }
            TeamId team = new TeamId(rule != null ? rule.action().teamId() : settings.defaultTeamId());
            RoutingMethod method = rule != null ? rule.action().method() : settings.defaultMethod();
            if (again && team.equals(t.teamId())) {
                results.put(t.id(), Result.SAME_TEAM);
                continue;
            }
            choices.add(new Choice(t, f, rule, team, method));
        }
        return choices;
    }

    /** A team's turn while a batch is routed: whom it last gave a ticket to and, for least open work, its agents' loads. */
    private static final class Turn {
        @Nullable Long last;
        @Nullable Map<UserId, Map<Priority, Integer>> counts;

        @Nullable Map<UserId, Integer> loads() {
            if (counts == null) {
                return null;
            }
            Map<UserId, Integer> loads = new HashMap<>();
            counts.forEach((agent, byPriority) -> loads.put(agent, OpenWork.weigh(byPriority)));
            return loads;
        }

        /** The ticket goes to this agent: the turn moves on, and the ticket weighs on the agent (and no longer on its last one). */
        void assign(UserId agent, TicketView t) {
            last = agent.value();
            if (counts != null && OpenWork.STATUSES.contains(t.status())) {
                counts.computeIfAbsent(agent, a -> new EnumMap<>(Priority.class)).merge(t.priority(), 1, Integer::sum);
                if (t.assigneeId() != null && counts.containsKey(t.assigneeId())) {
                    counts.get(t.assigneeId()).merge(t.priority(), -1, Integer::sum);
                }
            }
        }
    }

    /** Each least-open-work team's candidates' open work, weighed by priority, as committed when the team's row was locked. */
    private void weighLoads(List<Choice> choices, Map<TicketId, List<AgentProfile>> candidates, Map<TeamId, Turn> turns) {
        Map<TeamId, Set<UserId>> weighed = new HashMap<>();
        for (Choice c : choices) {
            if (c.method() == RoutingMethod.LEAST_OPEN_WORK && turns.containsKey(c.team())) {
                candidates.get(c.ticket().id()).forEach(a -> weighed.computeIfAbsent(c.team(), team -> new LinkedHashSet<>()).add(a.id()));
            }
        }
        weighed.forEach((team, ids) -> turns.get(team).counts = new HashMap<>(workloads.assignedByPriority(ids, OpenWork.STATUSES)));
    }

    /** What rules look at, for each ticket: contacts and opening texts read once for all. */
    private Map<TicketId, TicketFacts> facts(List<TicketView> open) {
        Map<ContactId, ContactSummary> contacts = customers.contacts(open.stream().map(TicketView::requesterContactId)
                .filter(Objects::nonNull).toList());
        Map<TicketId, String> bodies = tickets.openingTexts(open.stream().map(TicketView::id).toList());
        Map<TicketId, TicketFacts> facts = new HashMap<>();
        for (TicketView t : open) {
            OrganisationSummary org = customers.organisation(t.organisationId()).orElseThrow();
            ContactSummary contact = t.requesterContactId() == null ? null : contacts.get(t.requesterContactId());
            Language language = contact == null ? org.language() : contact.language();
            String body = bodies.getOrDefault(t.id(), "");
            facts.put(t.id(), new TicketFacts(t.channel(), t.organisationId().value(), org.planId().value(), t.type(), t.category(),
                    language, t.priority(), t.tags(), Words.normalise(t.subject() + "\n" + body)));
        }
        return facts;
    }
}
