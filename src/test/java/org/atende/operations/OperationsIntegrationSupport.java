package org.atende.operations;

import org.atende.support.ApiIntegrationSupport;
import org.springframework.test.context.TestPropertySource;

/**
 * The desk over real HTTP as operators configure it: a scrape token, gauges read on every scrape, a fast
 * sweep, the outbox held (so that what waits stays), a mailbox configured but never read, and JSON logs
 * with the desk's and the web layer's debug logging on. One context for the metrics and the log tests.
 */
@TestPropertySource(properties = {"atende.metrics.token=" + OperationsIntegrationSupport.TOKEN,
        "atende.metrics.refresh-interval=PT0S", "atende.sla.sweep-interval=PT1S", "atende.notifications.dispatch-enabled=false",
        "atende.email.address=support@metrics.test", "atende.email.polling-enabled=false",
        "atende.email.mailboxes[0].host=127.0.0.1", "atende.email.mailboxes[0].port=9", "atende.email.mailboxes[0].tls=false",
        "atende.email.mailboxes[0].username=support@metrics.test", "atende.email.mailboxes[0].password=unused",
        "logging.structured.format.console=ecs", "logging.level.org.atende=DEBUG",
        "logging.level.org.springframework.web=DEBUG", "logging.level.org.springframework.security=DEBUG"})
abstract class OperationsIntegrationSupport extends ApiIntegrationSupport {

    static final String TOKEN = "scrape-3f9c1d2e7a";
}
