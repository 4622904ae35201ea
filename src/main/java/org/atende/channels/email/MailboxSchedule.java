package org.atende.channels.email;

import org.atende.outage.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Reads each configured mailbox every its own {@code poll-interval}, after the previous read ends. Off
 * with {@code atende.email.polling-enabled=false}. Several instances may read one mailbox: the desk
 * records each mail once whoever reads it.
 */
@Configuration
@ConditionalOnBooleanProperty(name = "atende.email.polling-enabled", matchIfMissing = true)
class MailboxSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(MailboxSchedule.class);

    private final EmailProperties properties;
    private final MailboxPoller poller;

    MailboxSchedule(EmailProperties properties, MailboxPoller poller) {
        this.properties = properties;
        this.poller = poller;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!properties.enabled()) {
            return;
        }
        for (EmailProperties.Mailbox mailbox : properties.mailboxes()) {
            registrar.addFixedDelayTask(() -> {
                try {
                    MailboxPoller.Result r = poller.poll(mailbox);
                    if (r.read() + r.failed() > 0) {
                        log.info("Mailbox {}: {} mail(s) taken in, {} already known, {} failed", mailbox.label(), r.read(),
                                r.duplicates(), r.failed());
                    }
                } catch (RuntimeException e) {
                    if (DatabaseOutage.isCause(e)) {
                        throw e; // the scheduler pauses every task while the database is away, and says so once
                    }
                    log.warn("Mailbox {} could not be read: {}", mailbox.label(), e.toString());
                } catch (Exception e) {
                    log.warn("Mailbox {} could not be read: {}", mailbox.label(), e.toString());
                }
            }, mailbox.pollInterval());
        }
    }
}
