package org.atende.outage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code atende.database.*}: how fast the desk notices that its database went away, and what it tells
 * callers meanwhile. The pool's own limits are Hikari's ({@code spring.datasource.hikari.*}).
 *
 * @param heartbeatInterval how often a dedicated connection asks the database whether it answers
 *        ({@code ATENDE_DB_HEARTBEAT_INTERVAL}, 1 s); zero turns the heartbeat off
 * @param heartbeatTimeout how long the heartbeat waits for that answer before it calls the database
 *        unreachable ({@code ATENDE_DB_HEARTBEAT_TIMEOUT}, 1 s)
 * @param retryAfter what {@code Retry-After} tells callers refused meanwhile ({@code ATENDE_DB_RETRY_AFTER}, 5 s)
 * @param connectTimeout PostgreSQL's {@code connectTimeout}: opening a TCP connection to the server
 *        ({@code ATENDE_DB_CONNECT_TIMEOUT}, 2 s)
 * @param loginTimeout PostgreSQL's {@code loginTimeout}: connecting and signing in as a whole
 *        ({@code ATENDE_DB_LOGIN_TIMEOUT}, 3 s)
 * @param socketTimeout PostgreSQL's {@code socketTimeout}: the longest wait for an answer on an open
 *        connection ({@code ATENDE_DB_SOCKET_TIMEOUT}, 15 s): a backstop above the slowest statement the desk
 *        runs, for a connection that hangs while the heartbeat still finds the server
 * @param poolWait how long a request may queue for a pooled connection while the database answers
 *        ({@code ATENDE_DB_POOL_WAIT}, 30 s): a burst waits its turn instead of failing; the pool's own
 *        {@code connection-timeout} is the short turn after which an outage the heartbeat found is noticed
 */
@ConfigurationProperties("atende.database")
record DatabaseSettings(@DefaultValue("1s") Duration heartbeatInterval, @DefaultValue("1s") Duration heartbeatTimeout,
        @DefaultValue("5s") Duration retryAfter, @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("3s") Duration loginTimeout, @DefaultValue("15s") Duration socketTimeout,
        @DefaultValue("30s") Duration poolWait) {

    static DatabaseSettings defaults() {
        return new DatabaseSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(15), Duration.ofSeconds(30));
    }
}
