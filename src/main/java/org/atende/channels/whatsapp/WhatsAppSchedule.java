package org.atende.channels.whatsapp;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** Takes up stored notifications whose working failed or never ran (e.g. the process stopped right after the 200). */
@Configuration
class WhatsAppSchedule {

    private final NotificationWork work;
    private final WhatsAppProperties properties;

    WhatsAppSchedule(NotificationWork work, WhatsAppProperties properties) {
        this.work = work;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${atende.whatsapp.retry-interval:PT1M}")
    void takeUpWaiting() {
        if (properties.enabled()) {
            work.processWaiting();
        }
    }
}
