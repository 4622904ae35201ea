/**
 * The audit log: who changed the desk's settings (plans, SLA policies, calendars, escalation and routing
 * rules, users' roles, API tokens, channel settings, organisations' terms) and what changed, field by
 * field; and the personal-data operations (a contact erased, an organisation's data exported). A module
 * records a change by publishing an {@link AuditedChange} (or calling {@link AuditLog#record}) in the
 * transaction that makes it: the entry commits or rolls back with the change. Who did it comes from the
 * request's signed-in user through {@link Auditors}. Entries are only ever appended: there is no update or
 * delete path, and on PostgreSQL a trigger refuses {@code UPDATE}, {@code DELETE} and {@code TRUNCATE}.
 * Depends only on {@code operations} (the request id).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"operations"})
@org.jspecify.annotations.NullMarked
package org.atende.audit;
