package org.atende.channels.whatsapp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.atende.notifications.Outbox;
import org.atende.outage.DatabaseOutage;
import org.atende.tickets.DeliveryState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Works through one stored notification: each message is taken in by {@link InboundWhatsApp} (once, by
 * its wamid, in its own transaction), each status moves the outgoing message it names forward. A failure
 * leaves the notification waiting: the schedule takes it up again a minute later; nothing done twice.
 */
@Component
class NotificationWork {

    private static final Logger log = LoggerFactory.getLogger(NotificationWork.class);

    private final WebhookNotifications notifications;
    private final InboundWhatsApp inbound;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    NotificationWork(WebhookNotifications notifications, InboundWhatsApp inbound, Outbox outbox,
            PlatformTransactionManager transactions, Clock clock) {
        this.notifications = notifications;
        this.inbound = inbound;
        this.outbox = outbox;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    void process(long id) {
        notifications.get(id).ifPresent(this::process);
    }

    /** Takes up what waited more than a minute (a crash, a Graph API outage while fetching media). */
    int processWaiting() {
        var waiting = notifications.waiting(clock.instant().minus(Duration.ofMinutes(1)), 100);
        waiting.forEach(this::process);
        return waiting.size();
    }

    private void process(WebhookNotifications.Pending pending) {
        try {
            JsonNode root = json.readTree(pending.body());
            for (JsonNode entry : root.path("entry")) {
                for (JsonNode change : entry.path("changes")) {
                    if (change.path("field").asString("").equals("messages")) {
                        value(change.path("value"));
                    }
                }
            }
            notifications.done(pending.id());
        } catch (RuntimeException e) {
            if (DatabaseOutage.isCause(e)) {
                throw e; // not the notification's fault: it waits, and no attempt of its five is spent
            }
            log.warn("WhatsApp notification {} not worked through (attempt {}): {}", pending.id(), pending.attempts() + 1, e.toString());
            notifications.failed(pending.id(), e.toString(), pending.attempts() + 1);
        }
    }

    private void value(JsonNode value) {
        String phoneNumberId = value.path("metadata").path("phone_number_id").asString("");
        for (JsonNode message : value.path("messages")) {
            JsonNode profile = profileOf(value, message);
            inbound.accept(phoneNumberId, profile, message);
        }
        for (JsonNode status : value.path("statuses")) {
            String wamid = status.path("id").asString("");
            DeliveryState state = switch (status.path("status").asString("").toLowerCase(Locale.ROOT)) {
                case "sent" -> DeliveryState.SENT;
                case "delivered" -> DeliveryState.DELIVERED;
                case "read" -> DeliveryState.READ;
                case "failed" -> DeliveryState.FAILED;
                default -> null;
            };
            if (!wamid.isEmpty() && state != null) {
                String error = errors(status.path("errors"));
                transactions.executeWithoutResult(tx -> outbox.advance(wamid, state, error));
            }
        }
    }

    /** The contact entry of the message's sender (by wa_id or user id), or an empty object. */
    private static JsonNode profileOf(JsonNode value, JsonNode message) {
        String from = message.path("from").asString("");
        String user = message.path("from_user_id").asString(message.path("user_id").asString(""));
        for (JsonNode contact : value.path("contacts")) {
            if ((!from.isEmpty() && from.equals(contact.path("wa_id").asString(""))) 
                    || (!user.isEmpty() && user.equals(contact.path("user_id").asString("")))) {
                return contact;
            }
        }
        return value.path("contacts").size() == 1 ? value.path("contacts").get(0) : JsonMapper.builder().build().createObjectNode();
    }

    private static String errors(JsonNode errors) {
        if (errors.isMissingNode() || errors.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (JsonNode e : errors) {
            if (!b.isEmpty()) {
                b.append("; ");
            }
            b.append(e.path("code").asString("?")).append(' ').append(e.path("title").asString(e.path("message").asString("")));
            String details = e.path("error_data").path("details").asString("");
            if (!details.isEmpty()) {
                b.append(": ").append(details);
            }
        }
        return b.toString();
    }

    static Instant epochSeconds(String value, Instant fallback) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
