package org.atende.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.atende.tickets.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One pass of sending: in batches, each its own transaction, claims due messages with
 * {@code FOR UPDATE SKIP LOCKED} (so dispatchers on several instances never take the same one), hands
 * each to its channel's transport and records the outcome. A crash after the channel accepted a message
 * but before the commit sends it again later, with the same external id (Message-ID), which the
 * recipient's mail client treats as the same message.
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

    OutboxDispatch(Outbox outbox, List<Transport> transports, PlatformTransactionManager transactions,
            OutboxProperties properties, Clock clock) {
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
        for (int i = 0; i < MAX_BATCHES_PER_PASS; i++) {
            Result batch = Objects.requireNonNull(transactions.execute(tx -> batch()));
            sent += batch.sent();
            retried += batch.retried();
            failed += batch.failed();
            int handled = batch.sent() + batch.retried() + batch.failed();
            // a part of a longer text becomes due when the part before it is sent: after a partial batch that
            // sent something, one more look takes the parts it freed
            if (handled == 0 || (handled < properties.batchSize() && batch.sent() == 0)) {
                break;
            }
        }
        return new Result(sent, retried, failed);
    }

    private Result batch() {
        Instant now = clock.instant();
        int sent = 0;
        int retried = 0;
        int failed = 0;
        for (OutgoingView m : outbox.claimDue(now, properties.batchSize())) {
            Transport transport = transports.get(m.message().channel());
            if (transport == null) {
                outbox.markFailed(m, "no transport is configured for " + m.message().channel());
                failed++;
                continue;
            }
            try {
                String channelMessageId = transport.send(m);
                outbox.markSent(m, clock.instant(), channelMessageId);
                sent++;
            } catch (TransportException e) {
                int attempt = m.attempts() + 1;
                if (e.permanent() || attempt >= properties.maxAttempts()) {
                    log.warn("Giving up on outgoing message {} to {} after {} attempt(s): {}", m.id(), m.message().recipient(),
                            attempt, e.getMessage());
                    outbox.markFailed(m, e.getMessage());
                    failed++;
                } else {
                    Instant next = clock.instant().plus(properties.backoff(attempt));
                    log.info("Outgoing message {} not sent (attempt {}), next try at {}: {}", m.id(), attempt, next, e.getMessage());
                    outbox.markRetry(m, next, e.getMessage());
                    retried++;
                }
            }
        }
        return new Result(sent, retried, failed);
    }
}
