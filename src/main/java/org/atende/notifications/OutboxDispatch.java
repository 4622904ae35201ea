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

    /** What one pass did; {@code held} counts messages set aside because their channel failed or is not configured. */
    public record Result(int sent, int retried, int failed, int held) {
    }

    private final Outbox outbox;
    private final Map<Channel, Transport> transports = new EnumMap<>(Channel.class);
    private final TransactionTemplate transactions;
    private final OutboxProperties properties;
    private final Clock clock;
    private final Tickets tickets;
    private final OutboxMeters meters;
    private final ChannelStatuses statuses;

    OutboxDispatch(Outbox outbox, List<Transport> transports, PlatformTransactionManager transactions,
            OutboxProperties properties, Clock clock, Tickets tickets, OutboxMeters meters, ChannelStatuses statuses) {
        this.statuses = statuses;
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
        int held = 0;
        for (Transport transport : transports.values()) {
            held += Objects.requireNonNull(transactions.execute(tx -> holdOrRelease(transport)));
        }
        int most = MAX_BATCHES_PER_PASS * properties.batchSize();
        for (int i = 0; i < most; i++) {
            Outcome outcome = Objects.requireNonNull(transactions.execute(tx -> sendOne()));
            switch (outcome) {
                case NOTHING_DUE -> i = most;
                case SENT -> sent++;
                case RETRY -> retried++;
                case FAILED -> failed++;
                case HELD -> held++;
            }
        }
        return new Result(sent, retried, failed, held);
    }

    private enum Outcome {
        NOTHING_DUE, SENT, RETRY, FAILED, HELD
    }

    /**
     * Before sending: a channel that is not configured, or failing and not yet due for another try, holds
     * what was queued for it (rather than trying each message in turn against a server that is down); a
     * channel that may send again puts its held messages back in the queue. The first of them is the next
     * try: if it fails, the rest are held again. Answers how many it held.
     */
    private int holdOrRelease(Transport transport) {
        Channel channel = transport.channel();
        String notConfigured = transport.notConfigured();
        if (notConfigured != null) {
            return outbox.holdQueued(channel, notConfigured);
        }
        Instant now = clock.instant();
        ChannelStatuses.Status status = statuses.of(ChannelStatuses.of(channel));
        if (status.waiting(now)) {
            return outbox.holdQueued(channel, Objects.requireNonNullElse(status.cause(), "the channel is failing"));
        }
        int released = outbox.release(channel, now);
        if (released > 0) {
            log.info("{} outgoing message(s) by {} queued again: the channel may send", released, channel);
        }
        return 0;
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
        String notConfigured = transport.notConfigured();
        if (notConfigured != null) {
            outbox.markHeld(m, notConfigured, false);
            return Outcome.HELD;
        }
        try {
            String channelMessageId = transport.send(m);
            outbox.markSent(m, clock.instant(), channelMessageId);
            statuses.succeeded(ChannelStatuses.of(m.message().channel()));
            return Outcome.SENT;
        } catch (TransportException e) {
            if (e.channelDown()) {
                ChannelStatuses.Status status = statuses.failed(ChannelStatuses.of(m.message().channel()), e.getMessage());
                log.warn("{} is failing, its messages are held until {}: {}", m.message().channel(), status.retryAt(), e.getMessage());
                outbox.markHeld(m, e.getMessage(), true);
                outbox.holdQueued(m.message().channel(), e.getMessage());
                return Outcome.HELD;
            }
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
