package org.atende.notifications;

import java.util.List;
import java.util.Locale;

import org.atende.customers.Customers;
import org.atende.customers.OrganisationSummary;
import org.atende.identity.UserSummary;
import org.atende.sla.EscalationRuleFired;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells whom an escalation rule names (a user, a team's members) that it fired: a desk line and an e-mail,
 * in the transaction of the firing, which happens once per rule and clock.
 */
@Component
class EscalationNotices {

    private final Tickets tickets;
    private final Customers customers;
    private final StaffRecipients recipients;
    private final StaffNotices notices;

    EscalationNotices(Tickets tickets, Customers customers, StaffRecipients recipients, StaffNotices notices) {
        this.tickets = tickets;
        this.customers = customers;
        this.recipients = recipients;
        this.notices = notices;
    }

    @EventListener
    @Transactional
    void on(EscalationRuleFired e) {
        if (e.notifyUser() == null && e.notifyTeam() == null) {
            return;
        }
        TicketView ticket = tickets.lookup(e.ticketId()).orElse(null);
        if (ticket == null) {
            return;
        }
        String organisation = customers.organisation(ticket.organisationId()).map(OrganisationSummary::name).orElse("");
        for (UserSummary user : recipients.named(e.notifyUser(), e.notifyTeam())) {
            notices.tell(user, ticket, "ESCALATION", StaffTexts.ESCALATION,
                    List.of(Long.toString(ticket.number()), ticket.subject(), organisation, e.summary()),
                    "escalation.r" + e.ruleId() + ".t" + e.ticketId().value() + "." + e.kind().name().toLowerCase(Locale.ROOT));
        }
    }
}
