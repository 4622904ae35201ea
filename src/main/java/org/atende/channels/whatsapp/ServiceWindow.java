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
    private final WhatsAppProperties properties;
    private final Clock clock;

    ServiceWindow(JdbcClient jdbc, WhatsAppProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** When the address last wrote to the desk's number, if ever. */
    Optional<Instant> lastInbound(String address) {
        return jdbc.sql("SELECT MAX(sent_at) FROM whatsapp_message WHERE phone_number_id = ? AND (wa_id = ? OR user_id = ?)")
                .params(properties.phoneNumberId(), address, address).query(Timestamp.class).optional()
                .map(Timestamp::toInstant);
    }

    /** Whether free text may go now; a minute is kept in hand for the time the message takes to leave. */
    boolean isOpen(String address) {
        Instant now = clock.instant();
        return lastInbound(address).map(last -> now.isBefore(last.plus(LENGTH).minusSeconds(60))).orElse(false);
    }
}
