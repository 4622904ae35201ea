package org.atende.channels.whatsapp;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.atende.customers.ContactSummary;
import org.atende.customers.Customers;
import org.atende.customers.Language;
import org.atende.customers.OrganisationSummary;
import org.atende.customers.QuotaExhaustedException;
import org.atende.satisfaction.Surveys;
import org.atende.sla.SlaPolicies;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;

/**
 * One WhatsApp message into the desk, once, in the caller's transaction (which holds its sender's lock,
 * see {@link SenderQueue}): its wamid is claimed first, so Meta's retries and duplicates change nothing.
 * The sender is the contact with that WhatsApp user id or phone number, else a new contact of the number's
 * organisation for unknown senders. The message joins the ticket its text names ({@code #1042}) if the
 * contact may see it, else the contact's WhatsApp ticket on that number (open, or resolved within the
 * reopen window), else opens a new one, acknowledged on WhatsApp from the same number.
 */
@Component
class InboundWhatsApp {

    private static final Pattern TICKET_NUMBER = Pattern.compile("#(\\d{1,18})\\b");

    /** What became of one message. */
    enum Outcome {
        TICKET_OPENED, MESSAGE_ADDED, NOTED, IGNORED, REFUSED, DUPLICATE
    }

    private final JdbcClient jdbc;
    private final Customers customers;
    private final SlaPolicies policies;
    private final Tickets tickets;
    private final Conversations conversations;
    private final InboundMedia media;
    private final WhatsAppReplies replies;
    private final HeldAnswers held;
    private final WhatsAppProperties properties;
    private final Clock clock;
    private final Surveys surveys;
    private final WhatsAppOutbox outbox;
    private final String baseUrl;

    InboundWhatsApp(JdbcClient jdbc, Customers customers, SlaPolicies policies, Tickets tickets, Conversations conversations,
            InboundMedia media, WhatsAppReplies replies, HeldAnswers held, WhatsAppProperties properties, Clock clock,
            Surveys surveys, WhatsAppOutbox outbox, @Value("${atende.web.base-url:http://localhost:8080}") String baseUrl) {
        this.surveys = surveys;
        this.outbox = outbox;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.jdbc = jdbc;
        this.customers = customers;
        this.policies = policies;
        this.tickets = tickets;
        this.conversations = conversations;
        this.media = media;
        this.replies = replies;
        this.held = held;
        this.properties = properties;
        this.clock = clock;
    }

    /** Takes one message in; a refusing plan's exhausted allowance is thrown, and nothing of the attempt stays. */
    @Transactional(propagation = Propagation.MANDATORY)
    Outcome take(WhatsAppProperties.BusinessNumber number, JsonNode profile, JsonNode message) {
        String wamid = message.path("id").asString("");
        if (wamid.isEmpty()) {
            return Outcome.IGNORED;
        }
        if (known(wamid)) {
            return Outcome.DUPLICATE;
        }
        ContactSummary contact = contactOf(number, profile, message);
        long row = claim(wamid, number, message, contact);
        // the customer wrote: the window is open again, and answers held for it can go as text
        held.release(number, addresses(profile, message));
        Instant now = clock.instant();
        Instant sentAt = NotificationWork.epochSeconds(message.path("timestamp").asString(""), now);
        Instant receivedAt = sentAt.isAfter(now) ? now : sentAt;
        MessageContent content = MessageContent.of(message);
        Optional<SurveyButtons.Tap> tap = SurveyButtons.of(message);
        if (tap.isPresent()) { // an answer to the satisfaction question: a rating, never a message that reopens the ticket
            return rate(number, row, contact, content, tap.get());
        }
        Instant since = now.minus(properties.reopenWindow());
        switch (content.kind()) {
            case SYSTEM -> {
                Optional<TicketView> current = conversations.continuing(contact, number, since);
                String line = StructuredContent.NumberChange.of(message).map(change -> changeNumber(contact, change))
                        .orElse(contact.name() + ": " + content.text());
                current.ifPresent(t -> tickets.recordOnTimeline(t.id(), TimelineEntry.bySystem(now, "WHATSAPP_NUMBER_CHANGED", line)));
                settle(row, Outcome.NOTED, current.map(TicketView::id).orElse(null), null, line);
                return Outcome.NOTED;
            }
            case REACTION, UNSUPPORTED -> {
                Optional<TicketView> current = conversations.continuing(contact, number, since);
                current.ifPresent(t -> tickets.recordOnTimeline(t.id(), TimelineEntry.bySystem(now,
                        content.kind() == MessageContent.Kind.REACTION ? "WHATSAPP_REACTION" : "WHATSAPP_UNSUPPORTED",
                        contact.name() + ": " + content.text())));
                settle(row, Outcome.NOTED, current.map(TicketView::id).orElse(null), null, content.text());
                return Outcome.NOTED;
            }
            default -> {
            }
        }
        Optional<TicketView> target = named(content.text(), contact).or(() -> conversations.continuing(contact, number, since));
        if (target.isPresent()) {
            MessageView m = tickets.replyFrom(contact, target.get().id(), new Reply(content.text(), false, null, Channel.WHATSAPP),
                    receivedAt);
            media.keep(number, content, sentAt, target.get().id(), m.id(), contact);
            settle(row, Outcome.MESSAGE_ADDED, target.get().id(), m.id(), null);
            return Outcome.MESSAGE_ADDED;
        }
        TicketView opened = tickets.openFor(contact, new OpenTicket(null, null, Channel.WHATSAPP, subject(content.text()),
                content.text(), null, null, null, Set.of(), receivedAt));
        long first = tickets.messagesOf(opened.id()).getFirst().id();
        media.keep(number, content, sentAt, opened.id(), first, contact);
        settle(row, Outcome.TICKET_OPENED, opened.id(), first, null);
        replies.acknowledge(number, opened, contact);
        return Outcome.TICKET_OPENED;
    }

    private Outcome rate(WhatsAppProperties.BusinessNumber number, long row, ContactSummary contact, MessageContent content,
            SurveyButtons.Tap tap) {
        Surveys.Answer answer = surveys.rateFrom(contact.id(), tap.token(), tap.rating(), Channel.WHATSAPP);
        TicketId ticket = answer.survey() == null ? null : answer.survey().ticketId();
        if (answer.outcome() == Surveys.Outcome.RECORDED && ticket != null) {
            Optional<String> to = WhatsAppAddress.of(contact);
            to.ifPresent(address -> outbox.queue(org.atende.notifications.Outgoing.Purpose.NOTICE, ticket, null, address,
                    new SendingLabel(contact.language(), number.phoneNumberId()),
                    SurveyButtons.thanks(contact.language(), tap.rating(), baseUrl + "/satisfaction/" + tap.token()), null, true));
        }
        String line = contact.name() + ": " + content.text() + " (satisfaction " + answer.outcome().name().toLowerCase(java.util.Locale.ROOT) + ")";
        settle(row, Outcome.NOTED, ticket, null, line);
        return Outcome.NOTED;
    }

    /** Records a message refused for the plan's allowance, and answers it from the number it was written to. */
    @Transactional(propagation = Propagation.MANDATORY)
    Outcome refuse(WhatsAppProperties.BusinessNumber number, JsonNode profile, JsonNode message, QuotaExhaustedException e) {
        String wamid = message.path("id").asString("");
        if (known(wamid)) {
            return Outcome.DUPLICATE;
        }
        long row = claim(wamid, number, message, null);
        String waId = message.path("from").asString(profile.path("wa_id").asString(""));
        replies.refuse(number, waId, e.customerMessage());
        settle(row, Outcome.REFUSED, null, null, "monthly allowance used up: " + e.used() + " of " + e.allowance());
        return Outcome.REFUSED;
    }

    /** The contact moves to the new number; answers held for the old one follow. Returns the timeline's line. */
    private String changeNumber(ContactSummary contact, StructuredContent.NumberChange change) {
        ContactSummary moved = customers.changePhone(contact.id(), "+" + change.to());
        held.readdress(change.from(), change.to());
        return contact.name() + " changed their WhatsApp number from +" + change.from() + " to " + moved.phone()
                + "; answers go to the new number";
    }

    private static List<String> addresses(JsonNode profile, JsonNode message) {
        return Stream.of(message.path("from").asString(""), message.path("from_user_id").asString(""),
                profile.path("user_id").asString("")).filter(a -> !a.isBlank()).distinct().toList();
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

    /** By WhatsApp user id, then phone number; an unknown sender becomes a contact of the number's organisation for them. */
    private ContactSummary contactOf(WhatsAppProperties.BusinessNumber number, JsonNode profile, JsonNode message) {
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
        var triage = triage(properties.triageOrganisationOf(number));
        String name = profile.path("profile").path("name").asString("");
        return customers.createChannelContact(triage.id(), name.isBlank() ? (phone != null ? phone : userId) : name, phone,
                userId.isEmpty() ? null : userId, languageOf(phone));
    }

    /** The organisation for unknown senders; when another intake created it at the same moment, the one it created. */
    private OrganisationSummary triage(String name) {
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

    private long claim(String wamid, WhatsAppProperties.BusinessNumber number, JsonNode message, @Nullable ContactSummary contact) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        Instant now = clock.instant();
        MessageFacts facts = MessageFacts.of(message);
        jdbc.sql("""
                INSERT INTO whatsapp_message (wamid, phone_number_id, wa_id, user_id, type, contact_id, outcome, sent_at, received_at,
                    forwarded, frequently_forwarded, referral_headline, referral_body, referral_source_url, referral_source_type,
                    referral_source_id)
                VALUES (?, ?, ?, ?, ?, ?, 'IGNORED', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(wamid, number.phoneNumberId(), blankToNull(message.path("from").asString("")),
                        blankToNull(message.path("from_user_id").asString("")), clip(message.path("type").asString("unknown"), 20),
                        contact == null ? null : contact.id().value(),
                        Timestamp.from(NotificationWork.epochSeconds(message.path("timestamp").asString(""), now)), Timestamp.from(now),
                        facts.forwarded(), facts.frequentlyForwarded(), facts.referralHeadline(), facts.referralBody(),
                        facts.referralSourceUrl(), facts.referralSourceType(), facts.referralSourceId())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private void settle(long row, Outcome outcome, @Nullable TicketId ticket, @Nullable Long messageId, @Nullable String detail) {
        jdbc.sql("UPDATE whatsapp_message SET outcome = ?, ticket_id = ?, ticket_message_id = ?, detail = ? WHERE id = ?")
                .params(outcome.name(), ticket == null ? null : ticket.value(), messageId, detail == null ? null : clip(detail, 1000), row)
                .update();
    }

    private static String subject(String text) {
        String line = text.strip().lines().findFirst().orElse("").strip();
        if (line.isEmpty()) {
            return "WhatsApp";
        }
        return line.length() > 80 ? line.substring(0, 77) + "…" : line;
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    private static @Nullable String blankToNull(String s) {
        return s.isBlank() ? null : s;
    }
}
