/** The people who sign in (agents, leads, admins, customer contacts), their teams, roles and API tokens. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"customers", "audit"})
@org.jspecify.annotations.NullMarked
package org.atende.identity;
