/**
 * Quotes for technical-service requests: the database work the support terms leave out of the SLA
 * and bill by a custom quote (draft, sent, accepted or rejected or expired, done, invoiced), each step
 * on the ticket's timeline, and the monthly billing export.
 * <p>
 * Depends on {@code tickets} (a quote belongs to a technical-service ticket; its timeline takes the
 * steps), {@code customers} (the organisation's name in the export) and {@code identity} (the
 * {@code Actor} every call names).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tickets", "customers", "identity"})
@org.jspecify.annotations.NullMarked
package org.atende.techservice;
