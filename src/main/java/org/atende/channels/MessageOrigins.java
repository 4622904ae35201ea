package org.atende.channels;

import java.util.LinkedHashMap;
import java.util.Map;

import org.atende.channels.whatsapp.WhatsAppMessages;
import org.atende.tickets.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Where a ticket's messages came from, beyond their channel, for the desk's ticket page: WhatsApp's
 * forwarded marks and the Click-to-WhatsApp ad a conversation started from.
 */
@Service
public class MessageOrigins {

    /** A message's origin: forwarded (many times), and the ad it answered (headline, text, where it ran, its id). */
    public record Origin(boolean forwarded, boolean frequentlyForwarded, @Nullable String adHeadline, @Nullable String adBody,
            @Nullable String adSourceUrl, @Nullable String adSourceType, @Nullable String adSourceId) {

        public boolean fromAnAd() {
            return adHeadline != null || adBody != null || adSourceUrl != null || adSourceId != null;
        }
    }

    private final WhatsAppMessages whatsapp;

    MessageOrigins(WhatsAppMessages whatsapp) {
        this.whatsapp = whatsapp;
    }

    /** By the ticket's message id; messages with nothing to tell are left out. */
    public Map<Long, Origin> ofTicket(TicketId ticket) {
        Map<Long, Origin> origins = new LinkedHashMap<>();
        whatsapp.factsOf(ticket).forEach((id, f) -> origins.put(id, new Origin(f.forwarded(), f.frequentlyForwarded(),
                f.referralHeadline(), f.referralBody(), f.referralSourceUrl(), f.referralSourceType(), f.referralSourceId())));
        return origins;
    }
}
