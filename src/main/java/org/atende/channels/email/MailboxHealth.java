package org.atende.channels.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;

import org.atende.notifications.ChannelStatuses;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * How the support mailboxes are doing, as this instance saw them: each mailbox's settings (never the
 * password), its last poll, last success, last error and the mails read since start. Kept in memory:
 * every instance polls, and tells what it saw. {@link #check} tries the IMAP login once, now.
 */
@Component
public class MailboxHealth {

    /** A mailbox's settings and what its polls did. */
    public record MailboxState(String label, String host, int port, boolean tls, String username, String folder,
            Duration pollInterval, @Nullable Instant lastPollAt, @Nullable Instant lastSuccessAt,
            @Nullable Instant lastErrorAt, @Nullable String lastError, long messagesRead, boolean lastPollFailed) {

        /**
         * True when the last poll worked; false when it failed; null before the first poll. The last outcome
         * decides, not the order of the times, which a clock stepped back would turn round.
         */
        public @Nullable Boolean reachable() {
            return lastPollAt == null ? null : !lastPollFailed;
        }
    }

    private record Facts(@Nullable Instant lastPollAt, @Nullable Instant lastSuccessAt, @Nullable Instant lastErrorAt,
            @Nullable String lastError, long messagesRead, boolean lastPollFailed) {
        static final Facts NONE = new Facts(null, null, null, null, 0, false);
    }

    private final EmailProperties properties;
    private final Clock clock;
    private final Map<String, Facts> facts = new ConcurrentHashMap<>();
    private final Map<String, Timer> delays = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final Instant started;

    private final ChannelStatuses statuses;

    MailboxHealth(EmailProperties properties, Clock clock, MeterRegistry registry, ChannelStatuses statuses) {
        this.statuses = statuses;
        this.properties = properties;
        this.clock = clock;
        this.registry = registry;
        this.started = clock.instant();
        for (EmailProperties.Mailbox mailbox : properties.mailboxes()) {
            // how far behind the desk is on the mailbox: seconds since its last good read (since start before the first)
            Gauge.builder("atende.mailbox.lag", this, h -> h.lag(mailbox.label()))
                    .description("Seconds since the mailbox was last read without error").baseUnit("seconds")
                    .tag("mailbox", mailbox.label()).register(registry);
            delay(mailbox.label());
        }
    }

    private Timer delay(String label) {
        return delays.computeIfAbsent(label, l -> Timer.builder("atende.mailbox.intake.delay")
                .description("From a mail's arrival in the mailbox to its ticket or message committed")
                .tag("mailbox", l).publishPercentileHistogram().register(registry));
    }

    /** A mail that arrived in the mailbox at {@code arrived} (its IMAP date) is now taken in and committed. */
    void taken(EmailProperties.Mailbox mailbox, @Nullable Instant arrived) {
        if (arrived == null) {
            return;
        }
        Duration delay = Duration.between(arrived, clock.instant());
        delay(mailbox.label()).record(delay.isNegative() ? Duration.ZERO : delay);
    }

    private double lag(String label) {
        Facts f = facts.getOrDefault(label, Facts.NONE);
        Instant since = f.lastSuccessAt() == null ? started : f.lastSuccessAt();
        return Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0);
    }

    /** Whether the channel is on at all (an address is set). */
    public boolean enabled() {
        return properties.enabled();
    }

    public String address() {
        return properties.ownAddress();
    }

    public List<MailboxState> mailboxes() {
        return properties.mailboxes().stream().map(this::state).toList();
    }

    /** Tries the IMAP login to a mailbox once, now, and records the outcome like a poll's. */
    public MailboxState check(String label) {
        EmailProperties.Mailbox mailbox = properties.mailboxes().stream().filter(m -> m.label().equals(label)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no mailbox " + label));
        try {
            MailboxPoller.tryLogin(mailbox);
            succeeded(mailbox, 0);
        } catch (Exception e) {
            failed(mailbox, e);
        }
        return state(mailbox);
    }

    void succeeded(EmailProperties.Mailbox mailbox, int read) {
        Instant now = clock.instant();
        facts.merge(mailbox.label(), new Facts(now, now, null, null, read, false),
                (old, add) -> new Facts(now, now, old.lastErrorAt(), old.lastError(), old.messagesRead() + read, false));
        shared(() -> statuses.succeeded(ChannelStatuses.mailbox(mailbox.label())));
    }

    void failed(EmailProperties.Mailbox mailbox, Exception e) {
        Instant now = clock.instant();
        String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        String clipped = why.length() > 500 ? why.substring(0, 500) : why;
        facts.merge(mailbox.label(), new Facts(now, null, now, clipped, 0, true),
                (old, add) -> new Facts(now, old.lastSuccessAt(), now, clipped, old.messagesRead(), true));
        shared(() -> statuses.failed(ChannelStatuses.mailbox(mailbox.label()), clipped));
    }

    /**
     * Tells the other instances (the banner, /actuator/health). A database that is down must not turn a
     * mailbox's poll into a failure of its own: what this instance saw is kept in memory anyway.
     */
    private static void shared(Runnable write) {
        try {
            write.run();
        } catch (org.springframework.dao.DataAccessException e) {
            org.slf4j.LoggerFactory.getLogger(MailboxHealth.class).debug("mailbox status not shared: {}", e.getMessage());
        }
    }

    private MailboxState state(EmailProperties.Mailbox m) {
        Facts f = facts.getOrDefault(m.label(), Facts.NONE);
        return new MailboxState(m.label(), m.host(), m.port(), m.tls(), m.username(), m.folder(), m.pollInterval(),
                f.lastPollAt(), f.lastSuccessAt(), f.lastErrorAt(), f.lastError(), f.messagesRead(), f.lastPollFailed());
    }
}
