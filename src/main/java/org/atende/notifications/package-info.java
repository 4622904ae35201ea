/**
 * The outbox: every message the desk sends a customer (a reply, an acknowledgement, a refusal, a
 * notice) is written in the transaction of the change that causes it, then sent by its channel's
 * {@link org.atende.notifications.Transport}, retried with backoff while the channel is down, and its
 * state recorded on the ticket's message.
 * <p>
 * And what the desk tells its own staff: SLA alerts (warning and breach, to the ticket's assignee, team and
 * leads, once per clock, threshold and recipient), escalation rules' notices, lines on each user's desk
 * ({@code /api/v1/notifications}) and the leads' daily digest. Depends on {@code tickets}, {@code sla} (its
 * events and clock reports), {@code identity} (staff, teams, the signed-in {@code Actor}) and {@code customers}
 * (organisations, quota events).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tickets", "sla", "identity", "customers", "problems", "operations"})
@org.jspecify.annotations.NullMarked
package org.atende.notifications;
