/**
 * Reports: SLA compliance, quota use, technical-service quotes, backlog and flow, breaches with their
 * causes, and each organisation's monthly report. Reports read tables of their own ({@code report_*}),
 * kept up to date from the events of {@code tickets}, {@code sla} and {@code techservice} in the
 * transaction that publishes them, never from the ticket history.
 * <p>
 * Depends on {@code tickets} and {@code sla} (their events and facades: a ticket's fields and what
 * its clocks counted), {@code customers} (plans, quota use, the support time zone), {@code identity}
 * (the {@code Actor} its REST controller checks, names of teams and agents), {@code techservice}
 * (quote events) and {@code macros} (macro uses). Nothing but {@code web}, {@code channels.portal} and {@code demo} may depend on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tickets", "sla", "customers", "identity", "techservice", "macros", "problems"})
@org.jspecify.annotations.NullMarked
package org.atende.reporting;
