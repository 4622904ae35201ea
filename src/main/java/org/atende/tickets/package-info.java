/** Tickets, their conversation, their timeline, and the rules of how they move. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"customers", "identity", "operations", "text"})
@org.jspecify.annotations.NullMarked
package org.atende.tickets;
