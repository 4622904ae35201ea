package org.atende.channels.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.atende.customers.ContactSummary;
import org.atende.customers.Customers;
import org.atende.customers.Language;
import org.atende.customers.OrganisationDraft;
import org.atende.customers.OverQuotaPolicy;
import org.atende.customers.PlanDraft;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.identity.UserId;
import org.atende.notifications.Outbox;
import org.atende.notifications.OutboxDispatch;
import org.atende.notifications.Outgoing;
import org.atende.notifications.OutgoingState;
import org.atende.notifications.OutgoingView;
import org.atende.support.H2Database;
import org.atende.support.MovingTime;
import org.atende.tickets.Channel;
import org.atende.tickets.DeliveryState;
import org.atende.tickets.MessageView;
import org.atende.tickets.OpenTicket;
import org.atende.tickets.Reply;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.atende.tickets.TimelineEventView;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Replies on WhatsApp tickets leaving through the outbox to a local stand-in for the Graph API: free
 * text inside the 24-hour window, the contact's template outside it, retries while Graph is down or
 * throttling, failures the agent can read, and the desk's own acknowledgements and refusals.
 */
@SpringBootTest(properties = {"atende.whatsapp.phone-number-id=" + WhatsAppOutboundIntegrationTests.NUMBER_ID,
        "atende.whatsapp.access-token=" + WhatsAppOutboundIntegrationTests.TOKEN, "atende.whatsapp.app-secret=app-secret",
        "atende.whatsapp.verify-token=verify-token", "atende.whatsapp.templates.es.name=atende_respuesta",
        "atende.whatsapp.templates.es.language=es", "atende.notifications.dispatch-enabled=false",
        "atende.sla.sweep-enabled=false", "atende.techservice.expiry-enabled=false", "atende.email.polling-enabled=false"})
@Import(MovingTime.class)
class WhatsAppOutboundIntegrationTests {

    static final String NUMBER_ID = "110022003300440";
    static final String TOKEN = "EAAG-system-user-token";
    static final FakeGraphApi GRAPH = FakeGraphApi.start(TOKEN);

    @Autowired Tickets tickets;
    @Autowired Customers customers;
    @Autowired Outbox outbox;
    @Autowired OutboxDispatch dispatch;
    @Autowired WhatsAppReplies replies;
    @Autowired JdbcClient jdbc;
    @Autowired WhatsAppHealth health;

    @DynamicPropertySource
    static void graph(DynamicPropertyRegistry registry) {
        H2Database.register(registry);
        registry.add("atende.whatsapp.graph-base-url", () -> GRAPH.baseUrl().toString());
    }

    @Autowired WhatsAppProperties properties;

    WhatsAppProperties.BusinessNumber number() {
        return properties.first();
    }

    @AfterAll
    static void stop() {
        GRAPH.close();
    }

    @BeforeEach
    void atAKnownTime() {
        MovingTime.CLOCK.set("2026-11-25T10:00:00Z"); // a Wednesday, the desk open
        dispatch.runOnce(); // nothing left over from another test
        GRAPH.reset();
    }

    @Test
    void anAgentsReplyInsideTheWindowGoesAsFreeTextAndKeepsTheWamid() {
        ContactSummary ana = contact("Ana Silva", Language.PT);
        TicketView ticket = openedOnWhatsApp(ana);
        wroteAt(ana, MovingTime.CLOCK.instant().minus(Duration.ofHours(2)));
        MessageView reply = tickets.reply(ticket.id(), Reply.publicly("Olá Ana, a encomenda #1234 foi reenviada."), agent());
        GRAPH.acceptAs("wamid.HBgMMzUxOTEyMzQ1Njc4FQIAERgSQUFBQQ==");

        assertThat(dispatch.runOnce().sent()).isEqualTo(1);

        FakeGraphApi.Request sent = only(GRAPH.messages());
        assertThat(sent.path()).isEqualTo("/v26.0/" + NUMBER_ID + "/messages");
        assertThat(sent.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(sent.json().path("messaging_product").asString()).isEqualTo("whatsapp");
        assertThat(sent.json().path("to").asString()).isEqualTo(waId(ana));
        assertThat(sent.json().path("type").asString()).isEqualTo("text");
        assertThat(sent.json().path("text").path("body").asString())
                .isEqualTo("Olá Ana, a encomenda #1234 foi reenviada.\n\n_Pedido #" + ticket.number() + "_");
        OutgoingView out = only(outbox.ofTicket(ticket.id()));
        assertThat(out.message().purpose()).isEqualTo(Outgoing.Purpose.REPLY);
        assertThat(out.message().externalId()).startsWith("wa-");
        assertThat(out.state()).isEqualTo(OutgoingState.SENT);
        assertThat(channelMessageId(out)).isEqualTo("wamid.HBgMMzUxOTEyMzQ1Njc4FQIAERgSQUFBQQ==");
        assertThat(message(reply).deliveryState()).isEqualTo(DeliveryState.SENT);
        assertThat(kinds(ticket)).doesNotContain("WHATSAPP_TEMPLATE");
    }

    @Test
    void outsideTheWindowTheContactsTemplateGoesInsteadAndTheTimelineSaysSo() {
        ContactSummary john = contact("John Smith", Language.EN);
        TicketView ticket = openedOnWhatsApp(john);
        wroteAt(john, MovingTime.CLOCK.instant());
        MovingTime.CLOCK.advance(Duration.ofHours(25));
        MessageView reply = tickets.reply(ticket.id(), Reply.publicly("Your order was sent again."), agent());

        assertThat(dispatch.runOnce().sent()).isEqualTo(1);

        var json = only(GRAPH.messages()).json();
        assertThat(json.path("type").asString()).isEqualTo("template");
        assertThat(json.has("text")).isFalse();
        assertThat(json.path("template").path("name").asString()).isEqualTo("ticket_update");
        assertThat(json.path("template").path("language").path("code").asString()).isEqualTo("en_GB");
        assertThat(json.path("template").path("components").path(0).path("parameters").path(0).path("text").asString())
                .isEqualTo("#" + ticket.number());
        assertThat(message(reply).deliveryState()).isEqualTo(DeliveryState.SENT);
        assertThat(timeline(ticket)).filteredOn(e -> e.kind().equals("WHATSAPP_TEMPLATE")).singleElement()
                .extracting(TimelineEventView::detail).asString()
                .contains("sent as template ticket_update (en_GB)", "outside the 24-hour window");
    }

    @Test
    void aContactWhoNeverWroteGetsTheConfiguredTemplateOfTheirLanguage() {
        ContactSummary lucia = contact("Lucía García", Language.ES);
        TicketView ticket = openedOnWhatsApp(lucia);
        tickets.reply(ticket.id(), Reply.publicly("Hola Lucía"), agent());

        dispatch.runOnce();

        var template = only(GRAPH.messages()).json().path("template");
        assertThat(template.path("name").asString()).isEqualTo("atende_respuesta");
        assertThat(template.path("language").path("code").asString()).isEqualTo("es");
    }

    @Test
    void throttledThenAcceptedIsRetriedAfterTheBackoffAndSentOnce() {
        ContactSummary ana = contact("Ana Silva", Language.PT);
        TicketView ticket = openedOnWhatsApp(ana);
        wroteAt(ana, MovingTime.CLOCK.instant());
        MessageView reply = tickets.reply(ticket.id(), Reply.publicly("Já está."), agent());
        GRAPH.answerStatus(429).acceptAs("wamid.SECOND-TRY");

        assertThat(dispatch.runOnce().retried()).isEqualTo(1);
        assertThat(message(reply).deliveryState()).isEqualTo(DeliveryState.QUEUED);
        assertThat(message(reply).deliveryDetail()).contains("retrying", "HTTP 429");

        MovingTime.CLOCK.advance(Duration.ofSeconds(10));
        assertThat(dispatch.runOnce().sent()).as("not before the backoff").isZero();
        MovingTime.CLOCK.advance(Duration.ofSeconds(30));
        assertThat(dispatch.runOnce().sent()).isEqualTo(1);
        assertThat(dispatch.runOnce().sent()).isZero();

        assertThat(GRAPH.messages()).hasSize(2);
        OutgoingView out = only(outbox.ofTicket(ticket.id()));
        assertThat(out.state()).isEqualTo(OutgoingState.SENT);
        assertThat(out.attempts()).isEqualTo(2);
        assertThat(channelMessageId(out)).isEqualTo("wamid.SECOND-TRY");
        assertThat(message(reply).deliveryState()).isEqualTo(DeliveryState.SENT);
    }

    @Test
    void aServerErrorIsRetried() {
        ContactSummary ana = contact("Ana Silva", Language.PT);
        TicketView ticket = openedOnWhatsApp(ana);
        wroteAt(ana, MovingTime.CLOCK.instant());
        tickets.reply(ticket.id(), Reply.publicly("Já está."), agent());
        GRAPH.answerStatus(500);

        assertThat(dispatch.runOnce().retried()).isEqualTo(1);

        OutgoingView out = only(outbox.ofTicket(ticket.id()));
        assertThat(out.state()).isEqualTo(OutgoingState.QUEUED);
        assertThat(out.lastError()).contains("HTTP 500");
        assertThat(out.nextAttemptAt()).isAfter(MovingTime.CLOCK.instant());
        assertThat(health.state().lastGraphError()).as("shown on the channels page").contains("HTTP 500");
        assertThat(health.state().lastGraphErrorAt()).isEqualTo(MovingTime.CLOCK.instant());
        assertThat(outbox.activity(org.atende.tickets.Channel.WHATSAPP).lastError()).contains("HTTP 500");
        MovingTime.CLOCK.advance(Duration.ofMinutes(1));
        assertThat(dispatch.runOnce().sent()).isEqualTo(1);
    }

    @Test
    void aClosedWindowReportedByWhatsAppFailsTheMessageWithTheReason() {
        ContactSummary ana = contact("Ana Silva", Language.PT);
        TicketView ticket = openedOnWhatsApp(ana);
        wroteAt(ana, MovingTime.CLOCK.instant().minus(Duration.ofHours(23)));
        MessageView reply = tickets.reply(ticket.id(), Reply.publicly("Olá"), agent());
        GRAPH.answerError(400, 131047, "Re-engagement message",
                "Message failed to send because more than 24 hours have passed since the customer last replied to this number.");

        assertThat(dispatch.runOnce().failed()).isEqualTo(1);

        assertThat(GRAPH.messages()).as("not retried").hasSize(1);
        MessageView failed = message(reply);
        assertThat(failed.deliveryState()).isEqualTo(DeliveryState.FAILED);
        assertThat(failed.deliveryDetail()).contains("131047", "Re-engagement message", "outside the 24-hour window");
        assertThat(kinds(ticket)).contains("DELIVERY_FAILED");
    }

    @Test
    void aNumberNotOnWhatsAppFailsTheMessageWithTheReason() {
        ContactSummary ana = contact("Ana Silva", Language.PT);
        TicketView ticket = openedOnWhatsApp(ana);
        wroteAt(ana, MovingTime.CLOCK.instant());
        MessageView reply = tickets.reply(ticket.id(), Reply.publicly("Olá"), agent());
        GRAPH.answerError(400, 131026, "Message Undeliverable", "Unable to deliver message.");

        assertThat(dispatch.runOnce().failed()).isEqualTo(1);

        assertThat(message(reply).deliveryState()).isEqualTo(DeliveryState.FAILED);
        assertThat(message(reply).deliveryDetail()).contains("131026", "Message Undeliverable");
        assertThat(only(outbox.ofTicket(ticket.id())).state()).isEqualTo(OutgoingState.FAILED);
    }

    @Test
    void aContactWithoutAPhoneIsAddressedByTheWhatsAppUserId() {
        var org = organisation(Language.PT);
        String userId = "PT." + (1_000_000_000L + ThreadLocalRandom.current().nextLong(8_999_999_999L));
        ContactSummary hidden = customers.createChannelContact(org, "Rita", null, userId, Language.PT);
        TicketView ticket = openedOnWhatsApp(hidden);
        jdbc.sql("""
                INSERT INTO whatsapp_message (wamid, phone_number_id, user_id, type, contact_id, outcome, sent_at, received_at)
                VALUES (?, ?, ?, 'text', ?, 'TICKET_OPENED', ?, ?)""")
                .params("wamid." + UUID.randomUUID(), NUMBER_ID, userId, hidden.id().value(), Timestamp.from(MovingTime.CLOCK.instant()),
                        Timestamp.from(MovingTime.CLOCK.instant()))
                .update();
        tickets.reply(ticket.id(), Reply.publicly("Olá Rita"), agent());

        assertThat(dispatch.runOnce().sent()).isEqualTo(1);

        var json = only(GRAPH.messages()).json();
        assertThat(json.path("recipient").asString()).isEqualTo(userId);
        assertThat(json.has("to")).isFalse();
        assertThat(json.path("type").asString()).as("inside the window").isEqualTo("text");
    }

    @Test
    void aNoteStaysOnTheDeskAndATicketFromAnotherChannelIsNotAnsweredOnWhatsApp() {
        ContactSummary ana = contact("Ana Silva", Language.PT);
        TicketView onWhatsApp = openedOnWhatsApp(ana);
        tickets.reply(onWhatsApp.id(), new Reply("só para a equipa", true, null, null), agent());
        TicketView onPortal = tickets.openFor(ana, new OpenTicket(null, null, Channel.PORTAL, "Pelo portal", "Olá", null, null, null, Set.of()));
        tickets.reply(onPortal.id(), Reply.publicly("Resposta no portal"), agent());

        assertThat(outbox.ofTicket(onWhatsApp.id())).isEmpty();
        assertThat(outbox.ofTicket(onPortal.id())).isEmpty();
    }

    @Test
    void acknowledgesANewTicketInTheContactsLanguageWithItsTarget() {
        ContactSummary ana = contact("Ana Silva", Language.PT);
        TicketView ticket = openedOnWhatsApp(ana);
        wroteAt(ana, MovingTime.CLOCK.instant());

        assertThat(replies.acknowledge(number(), ticket, ana)).isTrue();
        assertThat(dispatch.runOnce().sent()).isEqualTo(1);

        String body = only(GRAPH.messages()).json().path("text").path("body").asString();
        assertThat(body).contains("Olá Ana Silva", "pedido *#" + ticket.number() + "*", "Objetivo de primeira resposta: 1 dia útil",
                "quinta-feira, 26 de novembro, às 10:00 (hora de Lisboa)").doesNotContain("fechados");
        OutgoingView out = only(outbox.ofTicket(ticket.id()));
        assertThat(out.message().purpose()).isEqualTo(Outgoing.Purpose.ACKNOWLEDGEMENT);
        assertThat(out.message().automatic()).isTrue();
    }

    @Test
    void acknowledgesANumberAtMostSoManyTimesAnHour() {
        ContactSummary ana = contact("Ana Silva", Language.PT);
        wroteAt(ana, MovingTime.CLOCK.instant());
        List<Boolean> queued = new java.util.ArrayList<>();
        TicketView last = null;
        for (int i = 0; i < 4; i++) {
            last = openedOnWhatsApp(ana);
            queued.add(replies.acknowledge(number(), last, ana));
        }

        assertThat(queued).containsExactly(true, true, true, false);
        assertThat(kinds(last)).contains("ACKNOWLEDGEMENT_SKIPPED");
        MovingTime.CLOCK.advance(Duration.ofMinutes(61));
        assertThat(replies.acknowledge(number(), openedOnWhatsApp(ana), ana)).as("an hour later").isTrue();
    }

    @Test
    void aRefusalGoesAsTextQuotingTheMessageItAnswersWithoutATicket() {
        String waId = "3519" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        jdbc.sql("""
                INSERT INTO whatsapp_message (wamid, phone_number_id, wa_id, type, outcome, sent_at, received_at)
                VALUES ('wamid.UNKNOWN-' || ?, ?, ?, 'text', 'REFUSED', ?, ?)""")
                .params(waId, NUMBER_ID, waId, Timestamp.from(MovingTime.CLOCK.instant()), Timestamp.from(MovingTime.CLOCK.instant()))
                .update();

        assertThat(replies.refuse(number(), waId, "Este número não está registado.", "wamid.UNKNOWN-" + waId)).isTrue();
        assertThat(dispatch.runOnce().sent()).isEqualTo(1);

        var json = only(GRAPH.messages()).json();
        assertThat(json.path("to").asString()).isEqualTo(waId);
        assertThat(json.path("text").path("body").asString()).isEqualTo("Este número não está registado.");
        assertThat(json.path("context").path("message_id").asString()).isEqualTo("wamid.UNKNOWN-" + waId);
        assertThat(outbox.countSince(Channel.WHATSAPP, waId, Outgoing.Purpose.REFUSAL, Instant.EPOCH)).isEqualTo(1);
    }

    // --- the desk's data

    ContactSummary contact(String name, Language language) {
        String phone = "+3519" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        return customers.createChannelContact(organisation(language), name, phone, null, language);
    }

    org.atende.customers.OrganisationId organisation(Language language) {
        long policyId = jdbc.sql("SELECT id FROM sla_policy WHERE name = 'Standard support terms'").query(Long.class).single();
        var plan = customers.createPlan(new PlanDraft("Plan " + UUID.randomUUID(), policyId, "MEDIUM", null, OverQuotaPolicy.ACCEPT_AND_FLAG));
        return customers.createOrganisation(new OrganisationDraft("Org " + UUID.randomUUID(), plan.id(), language, null, List.of())).id();
    }

    TicketView openedOnWhatsApp(ContactSummary contact) {
        return tickets.openFor(contact, new OpenTicket(null, null, Channel.WHATSAPP, "A encomenda não chegou",
                "Olá, a encomenda #1234 não chegou", null, null, null, Set.of()));
    }

    /** What the inbound side records of a message from the contact: it opens the 24-hour window. */
    void wroteAt(ContactSummary contact, Instant at) {
        jdbc.sql("""
                INSERT INTO whatsapp_message (wamid, phone_number_id, wa_id, type, contact_id, outcome, sent_at, received_at)
                VALUES (?, ?, ?, 'text', ?, 'MESSAGE_ADDED', ?, ?)""")
                .params("wamid." + UUID.randomUUID(), NUMBER_ID, waId(contact), contact.id().value(), Timestamp.from(at), Timestamp.from(at))
                .update();
    }

    static String waId(ContactSummary contact) {
        return contact.phone().substring(1);
    }

    Actor agent() {
        jdbc.sql("INSERT INTO app_user (email, name, role, created_at) VALUES (?, 'Inês Agent', 'AGENT', CURRENT_TIMESTAMP)")
                .param(UUID.randomUUID() + "@atende.test").update();
        long id = jdbc.sql("SELECT MAX(id) FROM app_user").query(Long.class).single();
        return new Actor(new UserId(id), "Inês Agent", Role.AGENT, null, null);
    }

    MessageView message(MessageView m) {
        return tickets.lookupMessage(m.id()).orElseThrow();
    }

    @Nullable String channelMessageId(OutgoingView out) {
        return jdbc.sql("SELECT channel_message_id FROM outgoing_message WHERE id = ?").param(out.id()).query(String.class).single();
    }

    List<TimelineEventView> timeline(TicketView ticket) {
        return tickets.timeline(ticket.id(), agent());
    }

    List<String> kinds(TicketView ticket) {
        return timeline(ticket).stream().map(TimelineEventView::kind).toList();
    }

    static <T> T only(List<T> list) {
        assertThat(list).hasSize(1);
        return list.getFirst();
    }
}
