/**
 * Routing: the rules that send every new ticket to a team and, where configured, to one of its available agents
 * (round robin or least open work, preferring agents who speak the ticket's language), the default team for
 * tickets no rule matches, agents' availability and the hand-back of an agent's tickets when they go away.
 * <p>
 * Routing runs after the ticket's own transaction commits ({@code TicketOpened}, and {@code TicketReclassified}
 * with a change of type), in a transaction of its own; a failed routing stays in the event publication registry
 * and is taken up again. Depends on {@code tickets} (its events; the {@code Tickets} facade assigns, conditionally),
 * {@code identity} (teams, agents' availability and languages, the {@code Actor}), {@code customers} (the ticket's
 * organisation, plan and language) and {@code problems} (the REST API's refusals).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tickets", "identity", "customers", "problems", "audit"})
@org.jspecify.annotations.NullMarked
package org.atende.routing;
