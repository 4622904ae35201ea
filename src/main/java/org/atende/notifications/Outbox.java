package org.atende.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.atende.tickets.Channel;
import org.atende.tickets.DeliveryState;
import org.atende.tickets.TicketId;
import org.atende.tickets.Tickets;
import org.atende.tickets.TimelineEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox's rows: what channels queue, what the dispatcher sends, what bounces mark failed. Every
 * change of state is mirrored on the ticket's message, so an agent sees whether a reply left.
 */
@Service
@Transactional
public class Outbox {

    private static final String COLUMNS = """
            id, channel, purpose, ticket_id, ticket_message_id, recipient, subject, body, external_id, in_reply_to,
            thread_references, automatic, state, attempts, next_attempt_at, last_error, created_at, sent_at, attachment_ids""";

    private final JdbcClient jdbc;
    private final Tickets tickets;
    private final Clock clock;

    Outbox(JdbcClient jdbc, Tickets tickets, Clock clock) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.clock = clock;
    }

    /** Queues a message in the caller's transaction: it leaves only if that transaction commits. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long enqueue(Outgoing m) {
        return enqueueInOrder(List.of(m)).getFirst();
    }

    /**
     * Queues messages that must arrive in this order (the parts of a text longer than the channel takes):
     * each leaves only after the one before it was sent, and if one fails for good, those after it fail
     * with it rather than arrive without it. Returns their ids, in order.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> enqueueInOrder(List<Outgoing> parts) {
        Instant now = clock.instant();
        List<Long> ids = new java.util.ArrayList<>();
        Long follows = null;
        for (Outgoing m : parts) {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    INSERT INTO outgoing_message (channel, purpose, ticket_id, ticket_message_id, recipient, subject, body,
                        external_id, in_reply_to, thread_references, automatic, state, attempts, next_attempt_at, created_at, follows,
                        attachment_ids)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?, ?, ?)""")
                    .params(m.channel().name(), m.purpose().name(), m.ticketId() == null ? null : m.ticketId().value(),
                            m.ticketMessageId(), m.recipient(), m.subject(), m.body(), m.externalId(), m.inReplyTo(),
                            m.references().isEmpty() ? null : String.join(" ", m.references()), m.automatic(),
                            Timestamp.from(now), Timestamp.from(now), follows,
                            m.attachments().isEmpty() ? null : String.join(",", m.attachments().stream().map(String::valueOf).toList()))
                    .update(keys, "id");
            follows = keys.getKey().longValue();
            ids.add(follows);
            if (m.ticketMessageId() != null) {
                tickets.recordDelivery(m.ticketMessageId(), DeliveryState.QUEUED, null);
            }
        }
        return ids;
    }

    /**
     * Queues messages that do not depend on one another and belong to no ticket message (alerts to staff), in one
     * insert per 200.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueueAll(List<Outgoing> messages) {
        Timestamp now = Timestamp.from(clock.instant());
        for (int from = 0; from < messages.size(); from += 200) {
            List<Outgoing> chunk = messages.subList(from, Math.min(messages.size(), from + 200));
            List<Object> params = new java.util.ArrayList<>(chunk.size() * 15);
            for (Outgoing m : chunk) {
                if (m.ticketMessageId() != null) {
                    throw new IllegalArgumentException("a message of a ticket is queued with enqueue, which records its delivery");
                }
                params.addAll(java.util.Arrays.asList(m.channel().name(), m.purpose().name(), m.ticketId() == null ? null : m.ticketId().value(),
                        m.recipient(), m.subject(), m.body(), m.externalId(), m.inReplyTo(),
                        m.references().isEmpty() ? null : String.join(" ", m.references()), m.automatic(), now, now,
                        m.attachments().isEmpty() ? null : String.join(",", m.attachments().stream().map(String::valueOf).toList())));
            }
            jdbc.sql("""
                    INSERT INTO outgoing_message (channel, purpose, ticket_id, recipient, subject, body, external_id, in_reply_to,
                        thread_references, automatic, state, attempts, next_attempt_at, created_at, attachment_ids)
                    VALUES """ + String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?, ?)")))
                    .params(params).update();
        }
    }

    /** A file sent with a queued message, in the caller's transaction (e-mail only; other channels send none). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void attach(long outgoingId, String filename, String contentType, byte[] content) {
        jdbc.sql("INSERT INTO outgoing_attachment (outgoing_id, filename, content_type, content) VALUES (?, ?, ?, ?)")
                .params(outgoingId, filename, contentType, content).update();
    }

    /** The files sent with a message, in the order they were attached. */
    @Transactional(readOnly = true)
    public List<OutgoingAttachment> attachmentsOf(long outgoingId) {
        return jdbc.sql("SELECT filename, content_type, content FROM outgoing_attachment WHERE outgoing_id = ? ORDER BY id")
                .param(outgoingId)
                .query((rs, n) -> new OutgoingAttachment(rs.getString("filename"), rs.getString("content_type"), rs.getBytes("content")))
                .list();
    }

    /** A file sent with an outgoing message. */
    public record OutgoingAttachment(String filename, String contentType, byte[] content) {
    }

    @Transactional(readOnly = true)
    public Optional<OutgoingView> byExternalId(String externalId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outgoing_message WHERE external_id = ?").param(externalId)
                .query(Outbox::row).optional();
    }

    @Transactional(readOnly = true)
    public List<OutgoingView> ofTicket(TicketId ticket) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outgoing_message WHERE ticket_id = ? ORDER BY id").param(ticket.value())
                .query(Outbox::row).list();
    }

    /** How many messages of this purpose went (or are going) to a recipient since an instant: for rate limits. */
    @Transactional(readOnly = true)
    public int countSince(Channel channel, String recipient, Outgoing.Purpose purpose, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM outgoing_message WHERE channel = ? AND recipient = ? AND purpose = ? AND created_at >= ?")
                .params(channel.name(), recipient, purpose.name(), Timestamp.from(since)).query(Integer.class).single();
    }

    /**
     * What a channel's sending did lately: when a message last left, and the latest error a message
     * met (its time is when that message was queued), with how many wait to be sent.
     */
    public record ChannelActivity(@Nullable Instant lastSentAt, @Nullable String lastError,
            @Nullable Instant lastErrorMessageQueuedAt, @Nullable OutgoingState lastErrorState, int queued, int held) {
    }

    @Transactional(readOnly = true)
    public ChannelActivity activity(Channel channel) {
        Timestamp sent = jdbc.sql("SELECT MAX(sent_at) FROM outgoing_message WHERE channel = ?").param(channel.name())
                .query(Timestamp.class).optional().orElse(null);
        record Failure(String error, Instant queuedAt, OutgoingState state) {
        }
        Failure failure = jdbc.sql("SELECT last_error, created_at, state FROM outgoing_message WHERE channel = ? "
                        + "AND last_error IS NOT NULL ORDER BY id DESC LIMIT 1").param(channel.name())
                .query((rs, n) -> new Failure(rs.getString(1), rs.getTimestamp(2).toInstant(), OutgoingState.valueOf(rs.getString(3))))
                .optional().orElse(null);
        int queued = jdbc.sql("SELECT COUNT(*) FROM outgoing_message WHERE channel = ? AND state = 'QUEUED'").param(channel.name())
                .query(Integer.class).single();
        return new ChannelActivity(sent == null ? null : sent.toInstant(), failure == null ? null : failure.error(),
                failure == null ? null : failure.queuedAt(), failure == null ? null : failure.state(), queued, held(channel));
    }

    /** How many messages of a channel wait for it to be configured or to work again. */
    @Transactional(readOnly = true)
    public int held(Channel channel) {
        return jdbc.sql("SELECT COUNT(*) FROM outgoing_message WHERE channel = ? AND state = 'HELD'").param(channel.name())
                .query(Integer.class).single();
    }

    /**
     * Holds every queued message of a channel that cannot send (not configured, or failing until its next
     * try), saying why; their tickets' messages say so too. Answers how many it held.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int holdQueued(Channel channel, String reason) {
        List<OutgoingView> queued = jdbc.sql("SELECT " + COLUMNS + " FROM outgoing_message WHERE channel = ? AND state = 'QUEUED' "
                        + "ORDER BY id FOR UPDATE SKIP LOCKED").param(channel.name()).query(Outbox::row).list();
        for (OutgoingView m : queued) {
            markHeld(m, reason, false);
        }
        return queued.size();
    }

    /** A message waits for its channel; {@code tried} when this was an attempt to send it. */
    @Transactional(propagation = Propagation.MANDATORY)
    void markHeld(OutgoingView m, String reason, boolean tried) {
        jdbc.sql("UPDATE outgoing_message SET state = 'HELD', attempts = attempts + ?, last_error = ? WHERE id = ?")
                .params(tried ? 1 : 0, clip(reason), m.id()).update();
        if (m.message().ticketMessageId() != null) {
            tickets.recordDelivery(m.message().ticketMessageId(), DeliveryState.QUEUED, "held: " + reason);
        }
    }

    /** The channel may send again: its held messages are queued, due now, in the order they were first queued. */
    @Transactional(propagation = Propagation.MANDATORY)
    int release(Channel channel, Instant now) {
        return jdbc.sql("UPDATE outgoing_message SET state = 'QUEUED', next_attempt_at = ? WHERE channel = ? AND state = 'HELD'")
                .params(Timestamp.from(now), channel.name()).update();
    }

    /**
     * A message the channel accepted was not delivered after all (a bounce, a failed status): it is
     * marked failed with the reason, on the outbox and on the ticket.
     */
    public boolean markUndelivered(String externalId, String reason) {
        Optional<OutgoingView> found = byExternalId(externalId);
        found.ifPresent(m -> {
            jdbc.sql("UPDATE outgoing_message SET state = 'FAILED', delivery_state = 'FAILED', last_error = ? WHERE id = ?")
                    .params(clip(reason), m.id()).update();
            recordOnTicket(m, DeliveryState.FAILED, reason);
        });
        return found.isPresent();
    }

    /**
     * Claims up to {@code limit} due messages for this transaction; other dispatchers skip them. A part of
     * a longer text is due only once the part before it was sent.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<OutgoingView> claimDue(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outgoing_message o WHERE state = 'QUEUED' AND next_attempt_at <= ? "
                        + "AND (follows IS NULL OR EXISTS (SELECT 1 FROM outgoing_message p WHERE p.id = o.follows AND p.state = 'SENT')) "
                        + "ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(Timestamp.from(now), limit).query(Outbox::row).list();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void markSent(OutgoingView m, Instant at, @Nullable String channelMessageId) {
        jdbc.sql("UPDATE outgoing_message SET state = 'SENT', delivery_state = 'SENT', attempts = attempts + 1, sent_at = ?, "
                        + "last_error = NULL, channel_message_id = ? WHERE id = ?")
                .params(Timestamp.from(at), channelMessageId, m.id()).update();
        recordOnTicket(m, DeliveryState.SENT, null);
    }

    /**
     * What the channel later says of a sent message (WhatsApp: delivered, read, failed). Statuses arrive
     * twice and out of order, so a message only moves forward: sent, delivered, read; a failure counts
     * only before delivered or read (a late failure after read undoes nothing), and is final. Every row
     * the id names moves (a template stands in for all the parts it announced). Answers whether the
     * desk knows the message.
     */
    public boolean advance(String channelMessageId, DeliveryState state, @Nullable String detail) {
        List<OutgoingView> found = jdbc.sql("SELECT " + COLUMNS + " FROM outgoing_message WHERE channel_message_id = ? ORDER BY id")
                .param(channelMessageId).query(Outbox::row).list();
        for (OutgoingView m : found) {
            lockParts(m);
            int changed;
            if (state == DeliveryState.FAILED) {
                changed = jdbc.sql("UPDATE outgoing_message SET state = 'FAILED', delivery_state = 'FAILED', last_error = ? "
                                + "WHERE id = ? AND COALESCE(delivery_state, 'SENT') IN ('QUEUED', 'SENT')")
                        .params(clip(detail), m.id()).update();
            } else {
                changed = jdbc.sql("UPDATE outgoing_message SET delivery_state = ? WHERE id = ? AND " + RANK + " < ?")
                        .params(state.name(), m.id(), DeliveryStates.rank(state)).update();
            }
            if (changed > 0) {
                recordOnTicket(m, state, detail);
            }
        }
        return !found.isEmpty();
    }

    /** The rank of a row's delivery state; a failed row ranks above everything, so nothing moves it again. */
    private static final String RANK = "CASE COALESCE(delivery_state, 'SENT') WHEN 'QUEUED' THEN 0 WHEN 'SENT' THEN 1 "
            + "WHEN 'DELIVERED' THEN 2 WHEN 'READ' THEN 3 ELSE 9 END";

    /**
     * Locks every row of the ticket message the row carries (in id order, so two locks never cross), so
     * that statuses of two parts arriving at once read each other's outcome when they sum it up.
     */
    private void lockParts(OutgoingView m) {
        Long messageId = m.message().ticketMessageId();
        if (messageId == null) {
            jdbc.sql("SELECT id FROM outgoing_message WHERE id = ? FOR UPDATE").param(m.id()).query(Long.class).list();
        } else {
            jdbc.sql("SELECT id FROM outgoing_message WHERE ticket_message_id = ? ORDER BY id FOR UPDATE").param(messageId)
                    .query(Long.class).list();
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void markRetry(OutgoingView m, Instant next, String error) {
        jdbc.sql("UPDATE outgoing_message SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?")
                .params(Timestamp.from(next), clip(error), m.id()).update();
        if (m.message().ticketMessageId() != null) {
            tickets.recordDelivery(m.message().ticketMessageId(), DeliveryState.QUEUED, "retrying: " + error);
        }
    }

    /** Gives a message up; the parts queued after it go with it, never arriving without it. */
    @Transactional(propagation = Propagation.MANDATORY)
    void markFailed(OutgoingView m, String error) {
        jdbc.sql("UPDATE outgoing_message SET state = 'FAILED', delivery_state = 'FAILED', attempts = attempts + 1, last_error = ? "
                        + "WHERE id = ?")
                .params(clip(error), m.id()).update();
        long part = m.id();
        while (true) {
            Optional<Long> next = jdbc.sql("SELECT id FROM outgoing_message WHERE follows = ? AND state = 'QUEUED'").param(part)
                    .query(Long.class).optional();
            if (next.isEmpty()) {
                break;
            }
            part = next.get();
            jdbc.sql("UPDATE outgoing_message SET state = 'FAILED', delivery_state = 'FAILED', last_error = ? WHERE id = ?")
                    .params(clip("not sent: the part before it failed"), part).update();
        }
        recordOnTicket(m, DeliveryState.FAILED, error);
    }

    /**
     * Mirrors a row's change on the ticket's message. A message sent in several parts shows the least
     * advanced of them (delivered once every part is), or failed if any part failed.
     */
    private void recordOnTicket(OutgoingView m, DeliveryState state, @Nullable String detail) {
        Long messageId = m.message().ticketMessageId();
        if (messageId != null) {
            record Part(OutgoingState state, @Nullable String delivery, @Nullable String error) {
            }
            List<Part> parts = jdbc.sql("SELECT state, delivery_state, last_error FROM outgoing_message WHERE ticket_message_id = ?")
                    .param(messageId).query((rs, n) -> new Part(OutgoingState.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)))
                    .list();
            DeliveryState least = null;
            String why = detail;
            for (Part p : parts) {
                DeliveryState s = p.state() == OutgoingState.FAILED ? DeliveryState.FAILED
                        : p.state() == OutgoingState.QUEUED || p.state() == OutgoingState.HELD ? DeliveryState.QUEUED : p.delivery() == null ? DeliveryState.SENT : DeliveryState.valueOf(p.delivery());
                if (s == DeliveryState.FAILED) {
                    least = DeliveryState.FAILED;
                    why = why != null && state == DeliveryState.FAILED ? why : p.error();
                    break;
                }
                if (least == null || DeliveryStates.rank(s) < DeliveryStates.rank(least)) {
                    least = s;
                }
            }
            DeliveryState shown = least == null ? state : least;
            tickets.recordDelivery(messageId, shown, shown == DeliveryState.FAILED ? why : null);
        }
        if (state == DeliveryState.FAILED && m.message().ticketId() != null) {
            tickets.recordOnTimeline(m.message().ticketId(), TimelineEntry.bySystem(clock.instant(), "DELIVERY_FAILED",
                    m.message().purpose().name().toLowerCase(java.util.Locale.ROOT) + " to " + m.message().recipient()
                            + " by " + m.message().channel() + " failed: " + clip(detail)));
        }
    }

    private static @Nullable String clip(@Nullable String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    private static OutgoingView row(ResultSet rs, int n) throws SQLException {
        long ticket = rs.getLong("ticket_id");
        TicketId ticketId = rs.wasNull() ? null : new TicketId(ticket);
        long message = rs.getLong("ticket_message_id");
        Long messageId = rs.wasNull() ? null : message;
        String refs = rs.getString("thread_references");
        String files = rs.getString("attachment_ids");
        Outgoing m = new Outgoing(Channel.valueOf(rs.getString("channel")), Outgoing.Purpose.valueOf(rs.getString("purpose")),
                ticketId, messageId, rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
                rs.getString("external_id"), rs.getString("in_reply_to"),
                refs == null ? List.of() : Arrays.asList(refs.split(" ")), rs.getBoolean("automatic"),
                files == null || files.isBlank() ? List.of() : Arrays.stream(files.split(",")).map(Long::valueOf).toList());
        Timestamp sent = rs.getTimestamp("sent_at");
        return new OutgoingView(rs.getLong("id"), m, OutgoingState.valueOf(rs.getString("state")), rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(), sent == null ? null : sent.toInstant());
    }
}
