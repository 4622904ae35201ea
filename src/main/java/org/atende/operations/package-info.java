/**
 * What operators need of every module: the request id and ticket number on log lines ({@link LogFields}),
 * readings of the database cached for a while so that a metrics scrape never queries it each time
 * ({@link CachedReading}), counting only what commits ({@link AfterCommit}), the desk's metric settings ({@link MetricsProperties}), and (internal) the
 * request-id filter, the webhook acknowledgement timer and the protection of {@code /actuator/prometheus}.
 * Depends on nothing.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package org.atende.operations;
