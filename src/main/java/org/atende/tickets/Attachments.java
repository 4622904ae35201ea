package org.atende.tickets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Files attached to tickets. The description rows live in {@code attachment}; the bytes live once
 * per distinct content in {@code attachment_content}, keyed by their SHA-256. Files on internal
 * notes are for staff only.
 */
@Service
@Transactional
public class Attachments {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DataSize maxSize;

    private final TicketLimits limits;

    Attachments(JdbcClient jdbc, Clock clock, @Value("${atende.attachments.max-size:10MB}") DataSize maxSize,
            TicketLimits limits) {
        this.limits = limits;
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxSize = maxSize;
    }

    public AttachmentView attach(TicketId ticket, @Nullable Long messageId, String filename, String contentType,
            byte[] content, Actor actor) {
        requireVisible(ticket, actor);
        if (content.length == 0) {
            throw TicketProblems.invalid("an attachment must not be empty");
        }
        if (content.length > maxSize.toBytes()) {
            throw TicketProblems.attachmentRefused(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                    "attachments are limited to " + maxSize.toMegabytes() + " MB; this one has " + content.length + " bytes");
        }
        String type = ContentCheck.accepted(contentType, content);
        String name = safeName(filename);
        if (messageId != null) {
            Boolean own = jdbc.sql("SELECT COUNT(*) > 0 FROM message WHERE id = ? AND ticket_id = ?")
                    .params(messageId, ticket.value()).query(Boolean.class).single();
            if (!own) {
                throw TicketProblems.invalid("message " + messageId + " is not part of ticket " + ticket);
            }
            limits.attachments(jdbc.sql("SELECT COUNT(*) FROM attachment WHERE message_id = ?").param(messageId)
                    .query(Long.class).single());
        }
        return store(ticket, messageId, name, type, content, actor.userId().value(), actor.name());
    }

    /**
     * Keeps a file that came with a message on a channel (an e-mail's attachment, a WhatsApp document).
     * Never throws for the file itself: a file that is empty or too large is not kept and the reason is
     * returned, for the channel to note on the ticket; a file whose bytes do not match its declared type is
     * kept as {@code application/octet-stream}.
     */
    public java.util.Optional<String> attachReceived(TicketId ticket, long messageId, String filename, String contentType,
            byte[] content, String from) {
        String name = safeName(filename);
        if (content.length == 0) {
            return java.util.Optional.of(name + " was empty");
        }
        if (content.length > maxSize.toBytes()) {
            return java.util.Optional.of(name + " (" + content.length + " bytes) is larger than the " + maxSize.toMegabytes() + " MB limit");
        }
        String type;
        try {
            type = ContentCheck.accepted(contentType, content);
        } catch (org.springframework.web.ErrorResponseException e) {
            type = "application/octet-stream";
        }
        store(ticket, messageId, name, type, content, null, from);
        return java.util.Optional.empty();
    }

    private AttachmentView store(TicketId ticket, @Nullable Long messageId, String name, String type, byte[] content,
            @Nullable Long uploadedBy, String byName) {
        String sha = sha256(content);
        int existing = jdbc.sql("SELECT COUNT(*) FROM attachment_content WHERE sha256 = ?").param(sha).query(Integer.class).single();
        if (existing == 0) {
            jdbc.sql("INSERT INTO attachment_content (sha256, content) VALUES (?, ?)").params(sha, content).update();
        }
        Instant now = clock.instant();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO attachment (ticket_id, message_id, filename, content_type, size_bytes, sha256, uploaded_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(ticket.value(), messageId, name, type, (long) content.length, sha, uploadedBy, Timestamp.from(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("""
                INSERT INTO timeline_event (ticket_id, occurred_at, actor_user_id, actor, kind, detail)
                VALUES (?, ?, ?, ?, 'ATTACHMENT_ADDED', ?)""")
                .params(ticket.value(), Timestamp.from(now), uploadedBy, byName, name + " (" + content.length + " bytes)")
                .update();
        return new AttachmentView(id, ticket, messageId, name, type, content.length, sha, now);
    }

    @Transactional(readOnly = true)
    public List<AttachmentView> of(TicketId ticket, Actor actor) {
        requireVisible(ticket, actor);
        return jdbc.sql("SELECT a.* FROM attachment a LEFT JOIN message m ON m.id = a.message_id WHERE a.ticket_id = ?"
                        + (actor.isStaff() ? "" : " AND (m.kind IS NULL OR m.kind IN ('CUSTOMER', 'AGENT'))") + " ORDER BY a.id")
                .param(ticket.value()).query(Attachments::row).list();
    }

    @Transactional(readOnly = true)
    public AttachmentContent download(TicketId ticket, long attachmentId, Actor actor) {
        AttachmentView view = of(ticket, actor).stream().filter(a -> a.id() == attachmentId).findFirst()
                .orElseThrow(() -> TicketProblems.notFound("attachment " + attachmentId));
        byte[] bytes = jdbc.sql("SELECT content FROM attachment_content WHERE sha256 = ?").param(view.sha256())
                .query((rs, n) -> rs.getBytes(1)).single();
        return new AttachmentContent(view, bytes);
    }

    private void requireVisible(TicketId ticket, Actor actor) {
        Long org = jdbc.sql("SELECT organisation_id FROM ticket WHERE id = ?").param(ticket.value()).query(Long.class)
                .optional().orElse(null);
        if (org == null || !actor.canSee(new OrganisationId(org))) {
            throw TicketProblems.notFound("ticket " + ticket);
        }
    }

    private static String safeName(String filename) {
        String base = filename == null ? "" : filename.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (base.isEmpty()) {
            return "attachment";
        }
        return base.length() > 255 ? base.substring(base.length() - 255) : base;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AttachmentView row(ResultSet rs, int n) throws SQLException {
        long message = rs.getLong("message_id");
        Long messageId = rs.wasNull() ? null : message;
        return new AttachmentView(rs.getLong("id"), new TicketId(rs.getLong("ticket_id")), messageId,
                rs.getString("filename"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getTimestamp("created_at").toInstant());
    }
}
