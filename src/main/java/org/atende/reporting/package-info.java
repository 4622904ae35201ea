/**
 * Reports: SLA compliance, quota use, technical-service quotes, backlog and flow, breaches with their
 * causes, and each organisation's monthly report (page, CSV, PDF, and by e-mail each month). Reports read
 * tables of their own ({@code report_*}), each ticket's rows recomputed from the ticket, its clocks and its
 * timeline in the transaction of every change that concerns it, and by the rebuild.
 * <p>
 * Depends on {@code tickets} and {@code sla} (their events and facades: a ticket's fields and what
 * its clocks counted), {@code customers} (plans, quota use, the support time zone), {@code identity}
 * (the {@code Actor} its REST controller checks, names of teams and agents), {@code techservice}
 * (quote events) and {@code macros} (macro uses); {@code calendar} (the first working day of a month) and
 * {@code notifications} (the outbox the monthly reports are mailed through). Nothing but {@code web},
 * {@code channels.portal} and {@code demo} may depend on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tickets", "sla", "customers", "identity", "techservice", "macros", "problems",
        "calendar", "notifications", "operations"})
@org.jspecify.annotations.NullMarked
package org.atende.reporting;
