package org.atende.reporting;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks every {@code atende.reports.mailing-check-interval} whether the monthly reports are due to be mailed ({@link MonthlyMailing}). */
@Component
@ConditionalOnBooleanProperty(name = "atende.reports.mailing-enabled", matchIfMissing = true)
class MailingSchedule {

    private final MonthlyMailing mailing;

    MailingSchedule(MonthlyMailing mailing) {
        this.mailing = mailing;
    }

    @Scheduled(fixedDelayString = "${atende.reports.mailing-check-interval:PT15M}", initialDelayString = "PT1M")
    void check() {
        mailing.runOnce();
    }
}
