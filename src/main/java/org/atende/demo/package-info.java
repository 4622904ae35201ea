/**
 * A realistic desk for a first look ({@code --demo} or {@code ATENDE_DEMO=true}): plans, organisations,
 * agents in teams, and tickets in every state, written through the modules' own facades.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"customers", "identity", "tickets", "sla", "techservice", "knowledge", "routing", "satisfaction", "macros"})
@org.jspecify.annotations.NullMarked
package org.atende.demo;
