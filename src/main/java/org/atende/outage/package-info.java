/**
 * What the desk does while its database is unreachable: a heartbeat notices it within seconds, connections
 * then fail at once instead of waiting, requests answer {@code 503} with {@code Retry-After} (a problem
 * document, or a "temporarily unavailable" page), scheduled work pauses, and everything resumes by itself
 * when the database answers again. Depends on no other module; the others ask {@link DatabaseOutage}
 * whether a failure was the database going away.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package org.atende.outage;
