/**
 * Service-level targets: the support calendar they are measured on, policies, clocks and sweeps.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "calendar")
@org.jspecify.annotations.NullMarked
package org.atende.sla;
