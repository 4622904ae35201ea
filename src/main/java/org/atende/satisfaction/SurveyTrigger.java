package org.atende.satisfaction;

import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketStatusChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Asks when a ticket is resolved, after the resolution committed and in a transaction of its own: the answer's
 * own message is queued first, so the customer reads it before the question.
 */
@Component
class SurveyTrigger {

    private final Surveys surveys;

    SurveyTrigger(Surveys surveys) {
        this.surveys = surveys;
    }

    @ApplicationModuleListener
    void on(TicketStatusChanged e) {
        if (e.to() == TicketStatus.RESOLVED) {
            surveys.ask(e.ticketId());
        }
    }
}
