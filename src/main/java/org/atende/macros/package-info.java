/**
 * Macros: canned replies with actions. A macro has a reply text per language with {@code {{placeholders}}}
 * and optional changes of the ticket (status, priority, type, tags, team, assignee); it is personal, a team's
 * or shared, and counted each time it is applied.
 * <p>
 * Depends on {@code tickets} (applying is a reply and a change through its facade, with their timeline lines
 * and events), {@code customers} (the ticket's language, organisation, plan and the support time zone),
 * {@code sla} (the due times of the ticket's clocks), {@code identity} (staff, teams, the {@code Actor}) and
 * {@code problems}. {@code macros.web} holds its pages.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tickets", "customers", "identity", "sla", "problems"})
@org.jspecify.annotations.NullMarked
package org.atende.macros;
