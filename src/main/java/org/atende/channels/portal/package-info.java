/**
 * The customer portal: a customer's organisation's tickets, a ticket's conversation and reply, new
 * requests (support or technical service), quotes to accept or reject, the plan, this month's quota use
 * and the targets. Every page reads through the signed-in customer's organisation: another
 * organisation's ticket is "not found".
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tickets", "customers", "identity", "sla", "techservice", "knowledge", "satisfaction", "channels"})
@org.jspecify.annotations.NullMarked
package org.atende.channels.portal;
