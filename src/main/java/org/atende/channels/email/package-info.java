/**
 * The e-mail channel: support mailboxes read over IMAP into tickets, exactly once, threaded to the
 * right ticket and safe to show; replies, acknowledgements and refusals written to the outbox and sent
 * over SMTP with the headers that keep threads together and mail loops away.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tickets", "customers", "sla", "notifications", "knowledge", "identity", "outage"})
@org.jspecify.annotations.NullMarked
package org.atende.channels.email;
