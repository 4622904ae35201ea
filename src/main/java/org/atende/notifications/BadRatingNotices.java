package org.atende.notifications;

import java.util.List;
import java.util.Map;

import org.atende.customers.Customers;
import org.atende.customers.Language;
import org.atende.customers.OrganisationSummary;
import org.atende.identity.UserSummary;
import org.atende.satisfaction.Rating;
import org.atende.satisfaction.SatisfactionRated;
import org.atende.tickets.Channel;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the ticket's leads (its team's leads and the organisation's account lead, else every lead) that a customer
 * rated an answer bad: a desk line and an e-mail through the outbox, in the rating's transaction. A comment given
 * later to the bad rating is told too. Off with {@code atende.satisfaction.notify-lead-on-bad=false}.
 */
@Component
class BadRatingNotices {

    static final String BAD_RATING = "notification.satisfaction.bad";

    static final Map<String, Map<Language, String>> TEXTS = Map.of(BAD_RATING, Map.of(
            Language.EN, "#{0} ({1}, {2}): the customer rated the answer bad{3}",
            Language.ES, "#{0} ({1}, {2}): el cliente valoró mal la respuesta{3}",
            Language.PT, "#{0} ({1}, {2}): o cliente avaliou mal a resposta{3}"));

    private final Tickets tickets;
    private final Customers customers;
    private final StaffRecipients recipients;
    private final DeskNotifications desk;
    private final Outbox outbox;
    private final StaffNotices notices;
    private final boolean enabled;

    BadRatingNotices(Tickets tickets, Customers customers, StaffRecipients recipients, DeskNotifications desk, Outbox outbox,
            StaffNotices notices, @Value("${atende.satisfaction.notify-lead-on-bad:true}") boolean enabled) {
        this.tickets = tickets;
        this.customers = customers;
        this.recipients = recipients;
        this.desk = desk;
        this.outbox = outbox;
        this.notices = notices;
        this.enabled = enabled;
    }

    @EventListener
    void on(SatisfactionRated e) {
        if (!enabled || e.rating() != Rating.BAD) {
            return;
        }
        TicketView ticket = tickets.lookup(e.ticketId()).orElse(null);
        if (ticket == null) {
            return;
        }
        String organisation = customers.organisation(ticket.organisationId()).map(OrganisationSummary::name).orElse("");
        String said = e.comment() == null ? "" : ": “" + (e.comment().length() > 300 ? e.comment().substring(0, 300) + "…" : e.comment()) + "”";
        List<String> params = List.of(Long.toString(ticket.number()), ticket.subject(), organisation, said);
        for (UserSummary lead : recipients.leadsOf(ticket)) {
            Language language = StaffNotices.languageOf(lead);
            desk.add(lead.id(), "SATISFACTION", ticket.id(), null, BAD_RATING, params);
            String body = StaffTexts.text(BAD_RATING, params, language) + "\n\n" + StaffTexts.openOnDesk(language) + ": "
                    + notices.deskLink(ticket.number()) + "\n";
            outbox.enqueue(new Outgoing(Channel.EMAIL, Outgoing.Purpose.ALERT, ticket.id(), null, lead.email(),
                    "[" + subject(language) + "] #" + ticket.number() + " " + ticket.subject(), body,
                    notices.messageId("csat.s" + e.surveyId() + (e.comment() == null ? "" : ".c") + ".u" + lead.id().value()),
                    null, List.of(), true));
        }
    }

    private static String subject(Language language) {
        return switch (language) {
            case ES -> "Valoración negativa";
            case PT -> "Avaliação negativa";
            case EN -> "Bad rating";
        };
    }
}
