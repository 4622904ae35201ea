package org.atende.routing;

import java.util.Collection;
import java.util.NoSuchElementException;

import org.atende.customers.Language;
import org.atende.identity.Actor;
import org.atende.identity.AgentProfile;
import org.atende.identity.Agents;
import org.atende.identity.Availability;
import org.atende.identity.Role;
import org.atende.identity.UserId;
import org.atende.problems.Problem;
import org.atende.tickets.Tickets;
import org.atende.tickets.Workloads;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agents' availability and languages, as they set them for themselves and administrators set them for anyone on staff.
 * Going away may hand the agent's unfinished tickets back to their teams' queues (a choice, told with the count first);
 * coming back reassigns nothing: new tickets find the agent again as they arrive.
 */
@Service
@Transactional
public class Availabilities {

    private final Agents agents;
    private final Tickets tickets;
    private final Workloads workloads;

    Availabilities(Agents agents, Tickets tickets, Workloads workloads) {
        this.agents = agents;
        this.tickets = tickets;
        this.workloads = workloads;
    }

    /** An agent's availability and languages, with how many unfinished tickets are theirs (what going away may hand back). */
    public record AgentAvailability(AgentProfile agent, int unfinishedTickets) {
    }

    /** After a change: the agent now, and how many tickets went back to the team queue. */
    public record Changed(AgentAvailability now, int handedBack) {
    }

    @Transactional(readOnly = true)
    public AgentAvailability of(UserId user, Actor actor) {
        AgentProfile agent = reachable(user, actor, false);
        return new AgentAvailability(agent, workloads.unfinishedAssignedTo(agent.id()));
    }

    /** Sets availability; going AWAY with {@code handBack} hands every unfinished ticket of the agent back (one timeline line each). */
    public Changed set(UserId user, Availability availability, boolean handBack, Actor actor) {
        AgentProfile agent = reachable(user, actor, true);
        agents.setAvailability(agent.id(), availability);
        int handed = availability == Availability.AWAY && handBack ? tickets.handBack(agent.id(), agent.teamId(), actor) : 0;
        return new Changed(of(user, actor), handed);
    }

    public AgentAvailability speaks(UserId user, Collection<Language> languages, Actor actor) {
        reachable(user, actor, true);
        agents.setLanguages(user, languages);
        return of(user, actor);
    }

    /**
     * Staff reach their own; leads read anyone's and administrators change anyone's. A customer, or a user who is not
     * staff, is "not found"; staff reaching further than their role lets them are forbidden.
     */
    private AgentProfile reachable(UserId user, Actor actor, boolean change) {
        if (!actor.isStaff()) {
            throw Problem.notFound("no agent " + user);
        }
        AgentProfile agent = agents.profile(user).orElseThrow(() -> new NoSuchElementException("no agent " + user));
        boolean self = user.equals(actor.userId());
        if (!self && !actor.hasAtLeast(change ? Role.ADMIN : Role.LEAD)) {
            throw Problem.forbidden(change ? "only administrators change another person's availability and languages"
                    : "only leads and administrators see another person's availability");
        }
        return agent;
    }
}
