/**
 * The outbox: every message the desk sends a customer (a reply, an acknowledgement, a refusal, a
 * notice) is written in the transaction of the change that causes it, then sent by its channel's
 * {@link org.atende.notifications.Transport}, retried with backoff while the channel is down, and its
 * state recorded on the ticket's message.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "tickets")
@org.jspecify.annotations.NullMarked
package org.atende.notifications;
