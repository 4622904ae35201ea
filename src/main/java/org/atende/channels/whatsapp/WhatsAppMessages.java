package org.atende.channels.whatsapp;

import java.util.LinkedHashMap;
import java.util.Map;

import org.atende.tickets.TicketId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the channel kept of a ticket's WhatsApp messages besides their text, for the desk to show beside them. */
@Component
@Transactional(readOnly = true)
public class WhatsAppMessages {

    private final JdbcClient jdbc;

    WhatsAppMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** By the ticket's message id: the facts of those that were forwarded or came from an ad. */
    public Map<Long, MessageFacts> factsOf(TicketId ticket) {
        Map<Long, MessageFacts> facts = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT ticket_message_id, forwarded, frequently_forwarded, referral_headline, referral_body, referral_source_url,
                               referral_source_type, referral_source_id
                        FROM whatsapp_message WHERE ticket_id = ? AND ticket_message_id IS NOT NULL
                          AND (forwarded OR referral_headline IS NOT NULL OR referral_body IS NOT NULL OR referral_source_url IS NOT NULL
                               OR referral_source_id IS NOT NULL)
                        ORDER BY id""")
                .param(ticket.value())
                .query((rs, n) -> facts.put(rs.getLong(1), new MessageFacts(rs.getBoolean(2), rs.getBoolean(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8))))
                .list();
        return facts;
    }
}
