/** Customer organisations, their contacts and their support plans. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"calendar", "audit", "operations"})
@org.jspecify.annotations.NullMarked
package org.atende.customers;
