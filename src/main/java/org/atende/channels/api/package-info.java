/** The REST API (/api/v1) for the vendor's apps and integrations: tickets with their live SLA clocks. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tickets", "customers", "identity", "sla"})
@org.jspecify.annotations.NullMarked
package org.atende.channels.api;
