package org.atende.channels.whatsapp;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * WhatsApp's customer-service window: for 24 hours after a user's last message to the business number,
 * the desk may write freely; after that only an approved template. The last message is the newest
 * inbound one recorded for the address, by its own timestamp.
 */
@Component
class ServiceWindow {

    static final Duration LENGTH = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final Clock clock;

    ServiceWindow(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** When the address last wrote to this number of the desk's, if ever: each number has a window of its own. */
    Optional<Instant> lastInbound(WhatsAppProperties.BusinessNumber number, String address) {
        return jdbc.sql("SELECT MAX(sent_at) FROM whatsapp_message WHERE phone_number_id = ? AND (wa_id = ? OR user_id = ?)")
                .params(number.phoneNumberId(), address, address).query(Timestamp.class).optional()
                .map(Timestamp::toInstant);
    }

    /** Whether free text may go now; a minute is kept in hand for the time the message takes to leave. */
    boolean isOpen(WhatsAppProperties.BusinessNumber number, String address) {
        Instant now = clock.instant();
        return lastInbound(number, address).map(last -> now.isBefore(last.plus(LENGTH).minusSeconds(60))).orElse(false);
    }
}
