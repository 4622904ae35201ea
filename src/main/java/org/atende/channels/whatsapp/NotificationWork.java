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
 * Works through the statuses of one stored notification: each moves the outgoing message it names forward
 * (never back). Messages are not here: the webhook queued them by sender ({@link SenderQueue}), and any it
 * did not (a notification stored by an older version, still waiting) are queued now. A failure
 * leaves the notification waiting: the schedule takes it up again a minute later; nothing done twice.
 */
@Component
class NotificationWork {

    private static final Logger log = LoggerFactory.getLogger(NotificationWork.class);

    private final WebhookNotifications notifications;
    private final SenderQueue senders;
    private final WhatsAppProperties properties;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    NotificationWork(WebhookNotifications notifications, SenderQueue senders, WhatsAppProperties properties, Outbox outbox,
            PlatformTransactionManager transactions, Clock clock) {
        this.notifications = notifications;
        this.senders = senders;
        this.properties = properties;
        this.outbox = outbox;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    void process(long id) {
        notifications.get(id).ifPresent(this::process);
    }

    /** Takes up what waited more than a minute (a crash right after the 200, a database hiccup). */
    int processWaiting() {
        var waiting = notifications.waiting(clock.instant().minus(Duration.ofMinutes(1)), 100);
        waiting.forEach(this::process);
        return waiting.size();
    }

    private void process(WebhookNotifications.Pending pending) {
        try {
            JsonNode root = json.readTree(pending.body());
            // a notification stored before its messages were queued with it (by an older version) has them queued now
            var missing = notifications.neverQueued(NotificationReading.of(root, properties, clock.instant()).messages());
            if (!missing.isEmpty()) {
                notifications.queue(pending.id(), missing);
                missing.stream().map(NotificationReading.Queued::sender).distinct().forEach(senders::wake);
            }
            for (JsonNode entry : root.path("entry")) {
                for (JsonNode change : entry.path("changes")) {
                    JsonNode value = change.path("value");
                    if (change.path("field").asString("").equals("messages")
                            && properties.number(value.path("metadata").path("phone_number_id").asString("")).isPresent()) {
                        statuses(value);
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

    private void statuses(JsonNode value) {
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
