package org.atende.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.atende.operations.LogFields;
import org.atende.tickets.Channel;
import org.atende.tickets.Tickets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One pass of sending: message by message, each in its own transaction, claims the next due message with
 * {@code FOR UPDATE SKIP LOCKED} (so dispatchers on several instances never take the same one), hands it
 * to its channel's transport and records the outcome. A crash after the channel accepted a message but
 * before the commit sends that one message again later, with the same external id (Message-ID), which
 * the recipient's mail client treats as the same message; nothing else that was sent is sent again.
 */
@Component
public class OutboxDispatch {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatch.class);
    private static final int MAX_BATCHES_PER_PASS = 100;

    /** What one pass did. */
    public record Result(int sent, int retried, int failed) {
    }

    private final Outbox outbox;
    private final Map<Channel, Transport> transports = new EnumMap<>(Channel.class);
    private final TransactionTemplate transactions;
    private final OutboxProperties properties;
    private final Clock clock;
    private final Tickets tickets;
    private final OutboxMeters meters;

    OutboxDispatch(Outbox outbox, List<Transport> transports, PlatformTransactionManager transactions,
            OutboxProperties properties, Clock clock, Tickets tickets, OutboxMeters meters) {
        this.tickets = tickets;
        this.meters = meters;
        this.outbox = outbox;
        transports.forEach(t -> this.transports.put(t.channel(), t));
        this.transactions = new TransactionTemplate(transactions);
        this.properties = properties;
        this.clock = clock;
    }

    public Result runOnce() {
        int sent = 0;
        int retried = 0;
        int failed = 0;
        int most = MAX_BATCHES_PER_PASS * properties.batchSize();
        for (int i = 0; i < most; i++) {
            Outcome outcome = Objects.requireNonNull(transactions.execute(tx -> sendOne()));
            switch (outcome) {
                case NOTHING_DUE -> i = most;
                case SENT -> sent++;
                case RETRY -> retried++;
                case FAILED -> failed++;
            }
        }
        return new Result(sent, retried, failed);
    }

    private enum Outcome {
        NOTHING_DUE, SENT, RETRY, FAILED
    }

    /**
     * Claims the next due message, sends it and records the outcome, in one transaction: a crash (even
     * {@code kill -9}) can leave at most this one message sent but not recorded, and the claim of a dead
     * instance ends with its connection, so another instance takes the message up. A part of a longer
     * text becomes due once the part before it is sent: the next claim of the same pass takes it.
     */
    private Outcome sendOne() {
        List<OutgoingView> due = outbox.claimDue(clock.instant(), 1);
        if (due.isEmpty()) {
            return Outcome.NOTHING_DUE;
        }
        OutgoingView m = due.getFirst();
        Long number = m.message().ticketId() == null ? null : tickets.numbersOf(List.of(m.message().ticketId())).get(m.message().ticketId());
        try (var about = number == null ? null : LogFields.aboutTicket(number)) {
            Outcome outcome = send(m);
            meters.dispatched(m.message().channel(), outcome.name());
            return outcome;
        }
    }

    private Outcome send(OutgoingView m) {
        Transport transport = transports.get(m.message().channel());
        if (transport == null) {
            outbox.markFailed(m, "no transport is configured for " + m.message().channel());
            return Outcome.FAILED;
        }
        try {
            String channelMessageId = transport.send(m);
            outbox.markSent(m, clock.instant(), channelMessageId);
            return Outcome.SENT;
        } catch (TransportException e) {
            int attempt = m.attempts() + 1;
            if (e.permanent() || attempt >= properties.maxAttempts()) {
                log.warn("Giving up on outgoing message {} by {} after {} attempt(s): {}", m.id(), m.message().channel(),
                        attempt, e.getMessage());
                outbox.markFailed(m, e.getMessage());
                return Outcome.FAILED;
            }
            Instant next = clock.instant().plus(properties.backoff(attempt));
            log.info("Outgoing message {} not sent (attempt {}), next try at {}: {}", m.id(), attempt, next, e.getMessage());
            outbox.markRetry(m, next, e.getMessage());
            return Outcome.RETRY;
        }
    }
}
