package org.atende.channels.whatsapp;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.atende.customers.ContactSummary;
import org.atende.customers.Customers;
import org.atende.customers.Language;
import org.atende.customers.QuotaExhaustedException;
import org.atende.sla.SlaPolicies;
import org.atende.tickets.Attachments;
import org.atende.tickets.Channel;
import org.atende.tickets.MessageView;
import org.atende.tickets.OpenTicket;
import org.atende.tickets.Reply;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.atende.tickets.TimelineEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * One WhatsApp message into the desk, once: its wamid is claimed first in the transaction that changes
 * the ticket, so Meta's retries and duplicates change nothing. The sender is the contact with that
 * WhatsApp user id or phone number, else a new contact of the triage organisation. The message joins the
 * ticket its text names ({@code #1042}) if the contact may see it, else the contact's open WhatsApp
 * ticket (or one resolved within the reopen window), else opens a new one, acknowledged on WhatsApp.
 */
@Component
class InboundWhatsApp {

    private static final Pattern TICKET_NUMBER = Pattern.compile("#(\\d{1,18})\\b");

    private final JdbcClient jdbc;
    private final Customers customers;
    private final SlaPolicies policies;
    private final Tickets tickets;
    private final Attachments attachments;
    private final GraphApi graph;
    private final WhatsAppReplies replies;
    private final HeldAnswers held;
    private final WhatsAppProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    InboundWhatsApp(JdbcClient jdbc, Customers customers, SlaPolicies policies, Tickets tickets, Attachments attachments,
            GraphApi graph, WhatsAppReplies replies, HeldAnswers held, WhatsAppProperties properties,
            PlatformTransactionManager transactions, Clock clock) {
        this.held = held;
        this.jdbc = jdbc;
        this.customers = customers;
        this.policies = policies;
        this.tickets = tickets;
        this.attachments = attachments;
        this.graph = graph;
        this.replies = replies;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** What became of one message. */
    enum Outcome {
        TICKET_OPENED, MESSAGE_ADDED, NOTED, IGNORED, REFUSED, DUPLICATE
    }

    Outcome accept(String phoneNumberId, JsonNode profile, JsonNode message) {
        String wamid = message.path("id").asString("");
        if (wamid.isEmpty()) {
            return Outcome.IGNORED;
        }
        try {
            return Objects.requireNonNull(transactions.execute(tx -> take(phoneNumberId, profile, message, wamid)));
        } catch (DuplicateKeyException e) {
            return Outcome.DUPLICATE;
        } catch (QuotaExhaustedException e) { // nothing of the attempt was kept: record the refusal and answer it
            return Objects.requireNonNull(transactions.execute(tx -> {
                long row = claim(wamid, phoneNumberId, message, null);
                String waId = message.path("from").asString(profile.path("wa_id").asString(""));
                replies.refuse(waId, e.customerMessage());
                settle(row, Outcome.REFUSED, null, null, "monthly allowance used up: " + e.used() + " of " + e.allowance());
                return Outcome.REFUSED;
            }));
        }
    }

    private Outcome take(String phoneNumberId, JsonNode profile, JsonNode message, String wamid) {
        if (known(wamid)) {
            return Outcome.DUPLICATE;
        }
        ContactSummary contact = contactOf(profile, message);
        long row = claim(wamid, phoneNumberId, message, contact);
        // the customer wrote: the window is open again, and answers held for it can go as text
        held.release(java.util.stream.Stream.of(message.path("from").asString(""), message.path("from_user_id").asString(""),
                profile.path("user_id").asString("")).filter(a -> !a.isBlank()).distinct().toList());
        Instant now = clock.instant();
        Instant sentAt = NotificationWork.epochSeconds(message.path("timestamp").asString(""), now);
        Instant receivedAt = sentAt.isAfter(now) ? now : sentAt;
        MessageContent content = MessageContent.of(message);
        if (content.kind() == MessageContent.Kind.REACTION || content.kind() == MessageContent.Kind.UNSUPPORTED) {
            Optional<TicketView> current = tickets.continuing(contact.id(), Channel.WHATSAPP, now.minus(properties.reopenWindow()));
            current.ifPresent(t -> tickets.recordOnTimeline(t.id(), TimelineEntry.bySystem(now,
                    content.kind() == MessageContent.Kind.REACTION ? "WHATSAPP_REACTION" : "WHATSAPP_UNSUPPORTED",
                    contact.name() + ": " + content.text())));
            settle(row, Outcome.NOTED, current.map(TicketView::id).orElse(null), null, content.text());
            return Outcome.NOTED;
        }
        Optional<TicketView> target = named(content.text(), contact)
                .or(() -> tickets.continuing(contact.id(), Channel.WHATSAPP, now.minus(properties.reopenWindow())));
        if (target.isPresent()) {
            MessageView m = tickets.replyFrom(contact, target.get().id(), new Reply(content.text(), false, null, Channel.WHATSAPP),
                    receivedAt);
            keepMedia(content, target.get().id(), m.id(), contact);
            settle(row, Outcome.MESSAGE_ADDED, target.get().id(), m.id(), null);
            return Outcome.MESSAGE_ADDED;
        }
        TicketView opened = tickets.openFor(contact, new OpenTicket(null, null, Channel.WHATSAPP, subject(content.text()),
                content.text(), null, null, null, Set.of(), receivedAt));
        long first = tickets.messagesOf(opened.id()).getFirst().id();
        keepMedia(content, opened.id(), first, contact);
        replies.acknowledge(opened, contact);
        settle(row, Outcome.TICKET_OPENED, opened.id(), first, null);
        return Outcome.TICKET_OPENED;
    }

    /** The ticket {@code #1042} in the text names, if it is the contact's organisation's and still open to messages. */
    private Optional<TicketView> named(String text, ContactSummary contact) {
        Matcher m = TICKET_NUMBER.matcher(text);
        while (m.find()) {
            Optional<TicketView> t = tickets.lookupByNumber(Long.parseLong(m.group(1)))
                    .filter(x -> x.organisationId().equals(contact.organisationId()) && x.status() != TicketStatus.CLOSED);
            if (t.isPresent()) {
                return t;
            }
        }
        return Optional.empty();
    }

    private void keepMedia(MessageContent content, TicketId ticket, long messageId, ContactSummary contact) {
        if (content.mediaId() == null) {
            return;
        }
        try {
            GraphApi.Media media = graph.downloadMedia(content.mediaId());
            String name = content.filename() != null ? content.filename() : content.kind().name().toLowerCase(Locale.ROOT)
                    + extension(media.mimeType());
            attachments.attachReceived(ticket, messageId, name, media.mimeType(), media.bytes(), contact.name())
                    .ifPresent(why -> tickets.recordOnTimeline(ticket, TimelineEntry.bySystem(clock.instant(), "ATTACHMENT_DROPPED", why)));
        } catch (GraphApiException | RuntimeException e) { // the text is kept; the file is noted as missing, the message not lost
            tickets.recordOnTimeline(ticket, TimelineEntry.bySystem(clock.instant(), "ATTACHMENT_DROPPED",
                    "the " + content.kind().name().toLowerCase(Locale.ROOT) + " could not be fetched from WhatsApp: " + e.getMessage()));
        }
    }

    /** By WhatsApp user id, then phone number; an unknown sender becomes a contact of the triage organisation. */
    private ContactSummary contactOf(JsonNode profile, JsonNode message) {
        String waId = message.path("from").asString(profile.path("wa_id").asString(""));
        String userId = profile.path("user_id").asString(message.path("from_user_id").asString(""));
        String phone = waId.isEmpty() ? null : "+" + waId.replaceAll("\\D", "");
        if (!userId.isEmpty()) {
            Optional<ContactSummary> byUser = customers.contactByWhatsAppUser(userId);
            if (byUser.isPresent()) {
                return byUser.get();
            }
        }
        if (phone != null) {
            Optional<ContactSummary> byPhone = customers.contactsByPhone(phone).stream().findFirst();
            if (byPhone.isPresent()) {
                if (!userId.isEmpty()) {
                    customers.rememberWhatsAppUser(byPhone.get().id(), userId);
                }
                return byPhone.get();
            }
        }
        var triage = triage("Triage");
        String name = profile.path("profile").path("name").asString("");
        return customers.createChannelContact(triage.id(), name.isBlank() ? (phone != null ? phone : userId) : name, phone,
                userId.isEmpty() ? null : userId, languageOf(phone));
    }

    /** The triage organisation; when another intake created it at the same moment, the one it created. */
    private org.atende.customers.OrganisationSummary triage(String name) {
        try {
            return customers.triageOrganisation(name, policies.list().getFirst().id());
        } catch (org.atende.customers.CustomerDataException e) {
            return customers.organisationByName(name).orElseThrow(() -> e);
        }
    }

    /** A first guess from the country code, until staff set it: Portugal and Brazil PT, Spanish-speaking ES, else EN. */
    static Language languageOf(@Nullable String phone) {
        if (phone == null) {
            return Language.PT;
        }
        if (phone.startsWith("+351") || phone.startsWith("+55") || phone.startsWith("+244") || phone.startsWith("+258")) {
            return Language.PT;
        }
        for (String es : new String[] {"+34", "+52", "+54", "+56", "+57", "+51", "+58", "+593", "+598", "+595", "+591"}) {
            if (phone.startsWith(es)) {
                return Language.ES;
            }
        }
        return Language.EN;
    }

    private boolean known(String wamid) {
        return jdbc.sql("SELECT COUNT(*) FROM whatsapp_message WHERE wamid = ?").param(wamid).query(Integer.class).single() > 0;
    }

    private long claim(String wamid, String phoneNumberId, JsonNode message, @Nullable ContactSummary contact) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO whatsapp_message (wamid, phone_number_id, wa_id, user_id, type, contact_id, outcome, sent_at, received_at)
                VALUES (?, ?, ?, ?, ?, ?, 'IGNORED', ?, ?)""")
                .params(wamid, phoneNumberId, blankToNull(message.path("from").asString("")),
                        blankToNull(message.path("from_user_id").asString("")), message.path("type").asString("unknown"),
                        contact == null ? null : contact.id().value(),
                        Timestamp.from(NotificationWork.epochSeconds(message.path("timestamp").asString(""), now)), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private void settle(long row, Outcome outcome, @Nullable TicketId ticket, @Nullable Long messageId, @Nullable String detail) {
        jdbc.sql("UPDATE whatsapp_message SET outcome = ?, ticket_id = ?, ticket_message_id = ?, detail = ? WHERE id = ?")
                .params(outcome.name(), ticket == null ? null : ticket.value(), messageId,
                        detail == null ? null : detail.length() > 1000 ? detail.substring(0, 1000) : detail, row)
                .update();
    }

    private static String subject(String text) {
        String line = text.strip().lines().findFirst().orElse("").strip();
        if (line.isEmpty()) {
            return "WhatsApp";
        }
        return line.length() > 80 ? line.substring(0, 77) + "…" : line;
    }

    private static String extension(String mime) {
        return switch (mime.split(";")[0].strip().toLowerCase(Locale.ROOT)) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/webp" -> ".webp";
            case "audio/ogg" -> ".ogg";
            case "audio/mpeg" -> ".mp3";
            case "video/mp4" -> ".mp4";
            case "application/pdf" -> ".pdf";
            default -> ".bin";
        };
    }

    private static @Nullable String blankToNull(String s) {
        return s.isBlank() ? null : s;
    }
}
