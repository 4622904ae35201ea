package org.atende.channels;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.atende.channels.email.MailboxHealth;
import org.atende.notifications.ChannelStatuses;
import org.atende.notifications.Outbox;
import org.atende.notifications.Transport;
import org.atende.tickets.Channel;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Whether each channel works, as every instance sees it: not configured (read from this instance's
 * settings), failing since its last failure (from the shared {@link ChannelStatuses}), or working. Read by
 * the desk's banner for admins and leads, by {@code /actuator/health}, and by the portal, which promises
 * e-mail replies only while mail goes out.
 */
@Service
public class ChannelStates {

    /** {@code email} is sending over SMTP, {@code mailbox} reading over IMAP, {@code whatsapp} both ways. */
    public enum Name {
        EMAIL, MAILBOX, WHATSAPP
    }

    public enum Condition {
        WORKING, FAILING, NOT_CONFIGURED
    }

    /**
     * A channel's state: {@code cause} is the technical reason (the setting missing, the server's error),
     * {@code since} when it last failed, {@code held} how many outgoing messages wait for it.
     */
    public record ChannelState(Name name, Condition condition, @Nullable String cause, @Nullable Instant since, int held) {

        public boolean working() {
            return condition == Condition.WORKING;
        }

        /** The key of the message bundle's words for this channel and condition. */
        public String messageKey() {
            return "channels.state." + name.name().toLowerCase(java.util.Locale.ROOT) + "."
                    + condition.name().toLowerCase(java.util.Locale.ROOT).replace("_", "");
        }
    }

    static final String NO_MAILBOX = "no IMAP mailbox configured (atende.email.mailboxes)";
    static final String EMAIL_OFF = "no support address configured (atende.email.address)";

    private final ChannelStatuses statuses;
    private final Outbox outbox;
    private final MailboxHealth mailboxes;
    private final Map<Channel, Transport> transports;

    ChannelStates(ChannelStatuses statuses, Outbox outbox, MailboxHealth mailboxes, List<Transport> transports) {
        this.statuses = statuses;
        this.outbox = outbox;
        this.mailboxes = mailboxes;
        this.transports = transports.stream().collect(Collectors.toMap(Transport::channel, t -> t, (a, b) -> a));
    }

    public ChannelState email() {
        return sending(Name.EMAIL, Channel.EMAIL);
    }

    public ChannelState whatsapp() {
        return sending(Name.WHATSAPP, Channel.WHATSAPP);
    }

    /** The mailboxes read into tickets: failing when one of them is. */
    public ChannelState mailbox() {
        if (!mailboxes.enabled()) {
            return new ChannelState(Name.MAILBOX, Condition.NOT_CONFIGURED, EMAIL_OFF, null, 0);
        }
        var labels = mailboxes.mailboxes().stream().map(MailboxHealth.MailboxState::label).toList();
        if (labels.isEmpty()) {
            return new ChannelState(Name.MAILBOX, Condition.NOT_CONFIGURED, NO_MAILBOX, null, 0);
        }
        for (ChannelStatuses.Status s : statuses.mailboxes()) {
            String label = s.name().substring(s.name().indexOf(':') + 1);
            if (labels.contains(label) && s.failing()) {
                return new ChannelState(Name.MAILBOX, Condition.FAILING, label + ": " + s.cause(), s.lastFailureAt(), 0);
            }
        }
        return new ChannelState(Name.MAILBOX, Condition.WORKING, null, null, 0);
    }

    /**
     * Whether a customer can count on an answer by e-mail: the e-mail channel is on (a support address, without
     * which answers are not mailed at all) and its SMTP server is configured and not failing.
     */
    public boolean mailGoesOut() {
        return mailboxes.enabled() && email().working();
    }

    public List<ChannelState> all() {
        return List.of(email(), mailbox(), whatsapp());
    }

    /**
     * What admins and leads are warned of: e-mail (sending or reading) not configured or failing, and
     * WhatsApp failing, or not configured while messages wait for it (a desk without WhatsApp is not warned).
     */
    public List<ChannelState> alerts() {
        List<ChannelState> alerts = new ArrayList<>();
        List<ChannelState> all;
        try {
            all = all();
        } catch (org.springframework.dao.DataAccessException e) {
            return List.of(); // every page shows the banner: one the database cannot fill must not break the page
        }
        for (ChannelState s : all) {
            boolean unusedWhatsApp = s.name() == Name.WHATSAPP && s.condition() == Condition.NOT_CONFIGURED && s.held() == 0;
            if (!s.working() && !unusedWhatsApp) {
                alerts.add(s);
            }
        }
        return alerts;
    }

    private ChannelState sending(Name name, Channel channel) {
        Transport transport = transports.get(channel);
        int held = outbox.held(channel);
        String notConfigured = transport == null ? "no transport for " + channel : transport.notConfigured();
        if (notConfigured != null) {
            return new ChannelState(name, Condition.NOT_CONFIGURED, notConfigured, null, held);
        }
        ChannelStatuses.Status s = statuses.of(ChannelStatuses.of(channel));
        if (s.failing()) {
            return new ChannelState(name, Condition.FAILING, s.cause(), s.lastFailureAt(), held);
        }
        return new ChannelState(name, Condition.WORKING, null, null, held);
    }
}
