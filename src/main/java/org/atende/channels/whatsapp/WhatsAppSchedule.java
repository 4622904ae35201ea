package org.atende.channels.whatsapp;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Takes up what waited: stored notifications whose statuses were not worked through, and queued messages
 * whose taking in failed or never ran (e.g. the process stopped right after the 200).
 */
@Configuration
class WhatsAppSchedule {

    private final NotificationWork work;
    private final SenderQueue senders;
    private final WhatsAppProperties properties;

    WhatsAppSchedule(NotificationWork work, SenderQueue senders, WhatsAppProperties properties) {
        this.work = work;
        this.senders = senders;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${atende.whatsapp.retry-interval:PT1M}")
    void takeUpWaiting() {
        if (properties.enabled()) {
            work.processWaiting();
            senders.wakeWaiting();
        }
    }
}
