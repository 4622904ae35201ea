package org.atende.routing.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.atende.tickets.Workloads;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routes one ticket: the first active rule it meets (else the default team) names a team and a method; the method
 * picks among the team's available members, preferring those who speak the ticket's language. Everything is read
 * first; the team's cursor row is locked last, just before the loads are weighed and the ticket assigned, so the lock
 * is held only for the choice itself. The assignment is conditional on the owner routing saw: a person (or another
 * instance) who got there first wins.
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
        Optional<TicketView> found = tickets.lookup(id);
        if (found.isEmpty()) {
            return Result.NO_SUCH_TICKET;
        }
        TicketView t = found.get();
        if (t.teamId() != null || t.assigneeId() != null) {
            return Result.ALREADY_OWNED;
        }
        return route(t, false);
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
        return route(found.get(), true);
    }

    private Result route(TicketView t, boolean again) {
        if (t.status() == TicketStatus.CLOSED) {
            return Result.CLOSED;
        }
        TicketFacts facts = facts(t);
        RoutingRule rule = rules.list().stream().filter(RoutingRule::active).filter(r -> RuleMatcher.matches(r.conditions(), facts))
                .findFirst().orElse(null);
        RoutingSettings settings = rule == null ? rules.settings() : null;
        if (rule == null && settings.defaultTeamId() == null) {
            return Result.UNMATCHED; // no default team: the ticket stays unrouted
        }
        TeamId team = new TeamId(rule != null ? rule.action().teamId() : settings.defaultTeamId());
        RoutingMethod method = rule != null ? rule.action().method() : settings.defaultMethod();
        if (again && team.equals(t.teamId())) {
            return Result.SAME_TEAM;
        }
        RoutedLine.Outcome outcome = RoutedLine.Outcome.TEAM_QUEUE;
        Language preferred = null;
        AgentProfile picked = null;
        if (method.assigns()) {
            List<AgentProfile> available = agents.members(team).stream().filter(AgentProfile::available).toList();
            List<AgentProfile> speakers = available.stream().filter(a -> a.speaks(facts.language())).toList();
            List<AgentProfile> candidates = speakers.isEmpty() ? available : speakers;
            // said on the timeline only when it narrowed the choice
            preferred = speakers.isEmpty() || speakers.size() == available.size() ? null : facts.language();
            outcome = RoutedLine.Outcome.NO_AVAILABLE_AGENT;
            if (!candidates.isEmpty()) {
                Long last = cursors.lock(team); // as late as possible: held only while choosing and assigning
                picked = AgentChooser.pick(candidates, last, method == RoutingMethod.LEAST_OPEN_WORK ? loads(candidates) : null)
                        .orElseThrow();
                outcome = RoutedLine.Outcome.ASSIGNED;
            }
        }
        UserId assignee = picked == null ? null : picked.id();
        boolean done = tickets.route(t.id(), t.teamId(), t.assigneeId(), team, assignee,
                RoutedLine.detail(rule, method, outcome, preferred));
        if (!done) {
            return Result.CHANGED_MEANWHILE;
        }
        if (assignee != null) {
            cursors.advance(team, assignee);
        }
        return Result.ROUTED;
    }

    /** Each candidate's open work, weighed by priority, as committed when the team's row was locked. */
    private Map<UserId, Integer> loads(List<AgentProfile> candidates) {
        Map<UserId, Integer> loads = new HashMap<>();
        workloads.assignedByPriority(candidates.stream().map(AgentProfile::id).toList(), OpenWork.STATUSES)
                .forEach((agent, counts) -> loads.put(agent, OpenWork.weigh(counts)));
        return loads;
    }

    private TicketFacts facts(TicketView t) {
        OrganisationSummary org = customers.organisation(t.organisationId()).orElseThrow();
        Language language = t.requesterContactId() == null ? org.language()
                : customers.contact(t.requesterContactId()).map(ContactSummary::language).orElse(org.language());
        String body = tickets.openingText(t.id()).orElse("");
        return new TicketFacts(t.channel(), t.organisationId().value(), org.planId().value(), t.type(), t.category(), language,
                t.priority(), t.tags(), Words.normalise(t.subject() + "\n" + body));
    }
}
