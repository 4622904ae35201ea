/**
 * Saved views: a ticket list (the ticket list's own filter, an order and the columns to show) saved under a
 * name, personal or shared with a team or the whole desk, shown in the desk beside the fixed queues with a
 * live count and paged through by cursor.
 * <p>
 * Depends on {@code tickets} (the filter and the list itself), {@code customers} (a filter's account lead),
 * {@code identity} (the {@code Actor}, teams) and {@code problems}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tickets", "customers", "identity", "problems"})
@org.jspecify.annotations.NullMarked
package org.atende.views;
