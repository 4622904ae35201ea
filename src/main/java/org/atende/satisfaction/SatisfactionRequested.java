package org.atende.satisfaction;

import java.time.Instant;

import org.atende.customers.ContactId;
import org.atende.customers.Language;
import org.atende.tickets.Channel;
import org.atende.tickets.TicketId;

/**
 * A resolved ticket's requester is to be asked, on {@code askBy} (EMAIL or WHATSAPP; PORTAL: the portal's prompt
 * only). {@code token} is the link's secret, carried only to the channel that writes it into the message: the
 * desk keeps its hash alone. Published in the survey's transaction, so the channel queues the question with it.
 */
public record SatisfactionRequested(long surveyId, TicketId ticketId, long ticketNumber, String subject, ContactId contactId,
        Channel askBy, Language language, String token, Instant expiresAt) {

    @Override
    public String toString() { // never log the secret
        return "SatisfactionRequested[survey=" + surveyId + ", ticket=" + ticketId + ", askBy=" + askBy + "]";
    }
}
