package org.atende.channels.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.atende.customers.ContactDraft;
import org.atende.customers.ContactSummary;
import org.atende.customers.Customers;
import org.atende.customers.Language;
import org.atende.customers.OrganisationDraft;
import org.atende.customers.OverQuotaPolicy;
import org.atende.customers.PlanDraft;
import org.atende.support.H2Database;
import org.atende.support.MovingTime;
import org.atende.tickets.Channel;
import org.atende.tickets.MessageKind;
import org.atende.tickets.MessageView;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The webhook driven over HTTP with signed notifications, as Meta sends them. */
class WhatsAppWebhookIntegrationTests extends WebhookTestSupport {

    @Test
    void answersTheSubscriptionHandshakeOnlyWithTheVerifyToken() throws Exception {
        String base = "http://127.0.0.1:" + port + "/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444";
        var ok = http.send(HttpRequest.newBuilder(URI.create(base + "&hub.verify_token=verify-me")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");
        var wrong = http.send(HttpRequest.newBuilder(URI.create(base + "&hub.verify_token=guess")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(403);
    }

    @Test
    void recordsTheHandshakeAndSignedNotificationsForTheChannelsHealth() throws Exception {
        String base = "http://127.0.0.1:" + port + "/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=42";
        MovingTime.CLOCK.set("2026-11-25T10:01:00Z");
        http.send(HttpRequest.newBuilder(URI.create(base + "&hub.verify_token=guess")).build(), HttpResponse.BodyHandlers.ofString());
        Instant before = health.state().lastHandshakeAt();
        assertThat(before).isNotEqualTo(Instant.parse("2026-11-25T10:01:00Z"));

        MovingTime.CLOCK.set("2026-11-25T10:02:00Z");
        http.send(HttpRequest.newBuilder(URI.create(base + "&hub.verify_token=verify-me")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.state().lastHandshakeAt()).isEqualTo(Instant.parse("2026-11-25T10:02:00Z"));
        assertThat(health.state().webhookVerified()).isTrue();

        MovingTime.CLOCK.set("2026-11-25T10:03:00Z");
        post("{}", "sha256=00");
        assertThat(health.state().lastSignedNotificationAt()).isNotEqualTo(Instant.parse("2026-11-25T10:03:00Z"));
        MovingTime.CLOCK.set("2026-11-25T10:04:00Z");
        signed("{\"object\":\"whatsapp_business_account\",\"entry\":[]}");
        assertThat(health.state().lastSignedNotificationAt()).isEqualTo(Instant.parse("2026-11-25T10:04:00Z"));
        assertThat(health.state().phoneNumberId()).isEqualTo(WebhookPayloads.PHONE_NUMBER_ID);
        assertThat(health.state().toString()).doesNotContain(SECRET, "test-token");
    }

    @Autowired NotificationWork work;

    @Test
    void aNotificationStoredBeforeMessagesWereQueuedWithItIsTakenInWhenTakenUpAgain() throws Exception {
        String phone = phone();
        contact(phone, Language.PT);
        String wa = phone.substring(1);
        String body = WebhookPayloads.messages(wa, "Ana", List.of(WebhookPayloads.text("wamid.OLD" + wa, wa,
                Instant.parse("2026-11-25T09:40:00Z"), "Guardada antes da atualização")));
        // as an older version left it: stored, not worked through, nothing queued
        jdbc.sql("INSERT INTO whatsapp_notification (body, received_at) VALUES (?, ?)")
                .params(body, java.sql.Timestamp.from(Instant.parse("2026-11-25T09:41:00Z"))).update();

        work.processWaiting();
        processed();

        assertThat(tickets.messagesOf(ticketOf("wamid.OLD" + wa).id())).extracting(MessageView::body)
                .containsExactly("Guardada antes da atualização");
        work.processWaiting();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM whatsapp_message WHERE wamid = ?").param("wamid.OLD" + wa).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void refusesAWrongOrMissingSignatureBeforeReadingAnything() throws Exception {
        String body = WebhookPayloads.messages("351911111111", "X", List.of(WebhookPayloads.text("wamid.sig", "351911111111",
                Instant.parse("2026-11-25T09:59:00Z"), "olá")));
        long before = jdbc.sql("SELECT COUNT(*) FROM whatsapp_notification").query(Long.class).single();
        var none = post(body, null);
        var wrong = post(body, WebhookSignature.sign(body.getBytes(StandardCharsets.UTF_8), "another secret"));
        var garbage = post(body, "sha256=zz");
        assertThat(List.of(none.statusCode(), wrong.statusCode(), garbage.statusCode())).containsOnly(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(none.body()).contains("https://atende.example/problems/bad-signature");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM whatsapp_notification").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void refusesSignedMalformedJsonWithAProblem() throws Exception {
        var answer = signed("{\"object\": \"whatsapp_business_account\", \"entry\": [");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("malformed-request");
    }

    @Test
    void opensATicketForAKnownNumberAndAddsTheNextMessageToIt() throws Exception {
        String phone = phone();
        ContactSummary ana = contact(phone, Language.PT);
        String wa = phone.substring(1);
        assertThat(signed(WebhookPayloads.messages(wa, "Ana", List.of(WebhookPayloads.text("wamid.A1" + wa, wa,
                Instant.parse("2026-11-25T09:58:00Z"), "Olá, a encomenda #1234 não chegou")))).statusCode()).isEqualTo(200);
        processed();
        TicketView t = ticketOf("wamid.A1" + wa);
        assertThat(t.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(t.requesterContactId()).isEqualTo(ana.id());
        assertThat(t.receivedAt()).isEqualTo(Instant.parse("2026-11-25T09:58:00Z"));
        assertThat(t.subject()).isEqualTo("Olá, a encomenda #1234 não chegou");

        signed(WebhookPayloads.messages(wa, "Ana", List.of(WebhookPayloads.text("wamid.A2" + wa, wa, Instant.parse("2026-11-25T09:59:00Z"),
                "Já agora, é urgente."))));
        processed();
        assertThat(ticketOf("wamid.A2" + wa).id()).isEqualTo(t.id());
        assertThat(tickets.messagesOf(t.id())).extracting(MessageView::body).containsExactly("Olá, a encomenda #1234 não chegou",
                "Já agora, é urgente.");
    }

    @Test
    void storesEachWamidOnceWhateverMetaRetries() throws Exception {
        String phone = phone();
        contact(phone, Language.PT);
        String wa = phone.substring(1);
        String body = WebhookPayloads.messages(wa, "Ana", List.of(WebhookPayloads.text("wamid.D" + wa, wa,
                Instant.parse("2026-11-25T09:58:00Z"), "Uma vez só")));
        for (int i = 0; i < 3; i++) {
            assertThat(signed(body).statusCode()).isEqualTo(200);
        }
        String twice = WebhookPayloads.messages(wa, "Ana", List.of(WebhookPayloads.text("wamid.D" + wa, wa,
                Instant.parse("2026-11-25T09:58:00Z"), "Uma vez só"), WebhookPayloads.text("wamid.D" + wa, wa,
                Instant.parse("2026-11-25T09:58:00Z"), "Uma vez só")));
        signed(twice);
        processed();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM whatsapp_message WHERE wamid = ?").param("wamid.D" + wa).query(Long.class).single())
                .isEqualTo(1);
        assertThat(tickets.messagesOf(ticketOf("wamid.D" + wa).id())).hasSize(1);
    }

    @Test
    void aNumberInTheTextTargetsThatTicketIfTheContactMaySeeIt() throws Exception {
        String phone = phone();
        ContactSummary ana = contact(phone, Language.PT);
        String wa = phone.substring(1);
        signed(WebhookPayloads.messages(wa, "Ana", List.of(WebhookPayloads.text("wamid.N1" + wa, wa, Instant.parse("2026-11-25T09:00:00Z"),
                "Primeiro pedido"))));
        processed();
        TicketView first = ticketOf("wamid.N1" + wa);
        TicketView other = tickets.openFor(ana, new org.atende.tickets.OpenTicket(null, null, Channel.PORTAL, "Pelo portal", "x",
                null, null, null, java.util.Set.of()));
        ContactSummary stranger = contact(phone(), Language.PT);
        TicketView notTheirs = tickets.openFor(stranger, new org.atende.tickets.OpenTicket(null, null, Channel.PORTAL, "Alheio", "x",
                null, null, null, java.util.Set.of()));
        signed(WebhookPayloads.messages(wa, "Ana", List.of(
                WebhookPayloads.text("wamid.N2" + wa, wa, Instant.parse("2026-11-25T09:10:00Z"), "Sobre o #" + other.number() + ": já está?"),
                WebhookPayloads.text("wamid.N3" + wa, wa, Instant.parse("2026-11-25T09:11:00Z"), "E o #" + notTheirs.number() + "?"))));
        processed();
        assertThat(ticketOf("wamid.N2" + wa).id()).isEqualTo(other.id());
        assertThat(ticketOf("wamid.N3" + wa).id()).as("another organisation's number is not followed").isEqualTo(first.id());
    }

    @Test
    void aMessageAfterTheReopenWindowOpensANewTicket() throws Exception {
        String phone = phone();
        contact(phone, Language.PT);
        String wa = phone.substring(1);
        signed(WebhookPayloads.messages(wa, "Ana", List.of(WebhookPayloads.text("wamid.W1" + wa, wa, Instant.parse("2026-11-25T09:00:00Z"),
                "Pedido"))));
        processed();
        TicketView t = ticketOf("wamid.W1" + wa);
        jdbc.sql("UPDATE ticket SET status = 'RESOLVED', resolved_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(Instant.parse("2026-11-25T09:30:00Z")), t.id().value()).update();
        MovingTime.CLOCK.set("2026-11-30T10:00:00Z"); // within 7 days: reopens
        signed(WebhookPayloads.messages(wa, "Ana", List.of(WebhookPayloads.text("wamid.W2" + wa, wa, Instant.parse("2026-11-30T09:59:00Z"),
                "Voltou a falhar"))));
        processed();
        assertThat(ticketOf("wamid.W2" + wa).id()).isEqualTo(t.id());
        assertThat(tickets.lookup(t.id()).orElseThrow().status()).isEqualTo(TicketStatus.OPEN);
        jdbc.sql("UPDATE ticket SET status = 'RESOLVED', resolved_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(Instant.parse("2026-11-30T10:00:00Z")), t.id().value()).update();
        MovingTime.CLOCK.set("2026-12-08T10:00:00Z"); // past 7 days
        signed(WebhookPayloads.messages(wa, "Ana", List.of(WebhookPayloads.text("wamid.W3" + wa, wa, Instant.parse("2026-12-08T09:59:00Z"),
                "Outro assunto"))));
        processed();
        assertThat(ticketOf("wamid.W3" + wa).id()).isNotEqualTo(t.id());
    }

    @Test
    void anUnknownNumberBecomesAContactOfTheTriageOrganisation() throws Exception {
        String wa = "34611" + String.valueOf(System.nanoTime()).substring(0, 6);
        signed(WebhookPayloads.messages(wa, "Lucía Romero", List.of(WebhookPayloads.text("wamid.U" + wa, wa,
                Instant.parse("2026-11-25T09:58:00Z"), "Hola"))));
        processed();
        TicketView t = ticketOf("wamid.U" + wa);
        ContactSummary c = customers.contact(t.requesterContactId()).orElseThrow();
        assertThat(c.name()).isEqualTo("Lucía Romero");
        assertThat(c.phone()).isEqualTo("+" + wa);
        assertThat(c.email()).isNull();
        assertThat(c.language()).isEqualTo(Language.ES);
        var triage = customers.organisation(c.organisationId()).orElseThrow();
        assertThat(triage.name()).isEqualTo("Triage");
        assertThat(customers.plan(triage.planId()).orElseThrow().monthlyTicketAllowance()).as("a plan of its own, unlimited").isNull();
    }

    @Test
    void readsEveryKindOfMessageAndNotesWhatItCannotRead() throws Exception {
        String phone = phone();
        contact(phone, Language.PT);
        String wa = phone.substring(1);
        Instant at = Instant.parse("2026-11-25T09:50:00Z");
        signed(WebhookPayloads.messages(wa, "Ana", List.of(
                WebhookPayloads.text("wamid.K0" + wa, wa, at, "Começo"),
                WebhookPayloads.typed("wamid.K1" + wa, wa, at.plusSeconds(1), "location",
                        Map.of("latitude", 38.7223, "longitude", -9.1393, "name", "Loja do Chiado", "address", "Rua Garrett 1")),
                WebhookPayloads.typed("wamid.K2" + wa, wa, at.plusSeconds(2), "contacts",
                        List.of(Map.of("name", Map.of("formatted_name", "Rui Costa"), "phones", List.of(Map.of("phone", "+351 912 000 111"))))),
                WebhookPayloads.typed("wamid.K3" + wa, wa, at.plusSeconds(3), "interactive",
                        Map.of("type", "button_reply", "button_reply", Map.of("id", "yes", "title", "Sim, resolvido"))),
                WebhookPayloads.typed("wamid.K4" + wa, wa, at.plusSeconds(4), "button", Map.of("text", "Falar com alguém", "payload", "agent")),
                WebhookPayloads.typed("wamid.K5" + wa, wa, at.plusSeconds(5), "reaction", Map.of("message_id", "wamid.OUT1", "emoji", "👍")),
                Map.of("from", wa, "id", "wamid.K6" + wa, "timestamp", String.valueOf(at.plusSeconds(6).getEpochSecond()), "type", "unsupported",
                        "errors", List.of(Map.of("code", 131051, "title", "Message type unknown"))),
                WebhookPayloads.typed("wamid.K7" + wa, wa, at.plusSeconds(7), "image",
                        Map.of("id", "media-1", "mime_type", "image/jpeg", "sha256", "abc", "caption", "Foto do erro")))));
        processed();
        TicketView t = ticketOf("wamid.K0" + wa);
        List<String> bodies = tickets.messagesOf(t.id()).stream().map(MessageView::body).toList();
        assertThat(bodies).contains("Começo", "Sim, resolvido", "Falar com alguém", "Foto do erro");
        assertThat(bodies).anySatisfy(b -> assertThat(b).contains("📍 38.7223, -9.1393", "Loja do Chiado", "openstreetmap"));
        assertThat(bodies).anySatisfy(b -> assertThat(b).contains("Rui Costa", "+351 912 000 111"));
        var timeline = tickets.timeline(t.id(), new org.atende.identity.Actor(new org.atende.identity.UserId(1), "x",
                org.atende.identity.Role.AGENT, null, null));
        assertThat(timeline).anySatisfy(e -> assertThat(e.kind()).isEqualTo("WHATSAPP_REACTION"));
        assertThat(timeline).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("WHATSAPP_UNSUPPORTED");
            assertThat(e.detail()).contains("131051");
        });
        assertThat(timeline).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("ATTACHMENT_DROPPED");
            assertThat(e.detail()).contains("could not be fetched");
        });
        assertThat(tickets.messagesOf(t.id())).allSatisfy(m -> assertThat(m.kind()).isEqualTo(MessageKind.CUSTOMER));
    }

    @Test
    void takesALargerPayloadThanUsual() throws Exception {
        String phone = phone();
        contact(phone, Language.PT);
        String wa = phone.substring(1);
        Instant at = Instant.parse("2026-11-25T09:00:00Z");
        var many = new java.util.ArrayList<Map<String, Object>>();
        for (int i = 0; i < 300; i++) {
            many.add(WebhookPayloads.text("wamid.L" + i + "x" + wa, wa, at.plusSeconds(i), "mensagem " + i + " " + "x".repeat(500)));
        }
        String body = WebhookPayloads.messages(wa, "Ana", many);
        assertThat(body.length()).isGreaterThan(150_000);
        assertThat(signed(body).statusCode()).isEqualTo(200);
        processed();
        assertThat(tickets.messagesOf(ticketOf("wamid.L0x" + wa).id())).hasSize(300);
    }

    @Test
    void statusesOnlyMoveAMessageForwardWhateverTheirOrder() throws Exception {
        ContactSummary ana = contact(phone(), Language.PT);
        MessageView reply = sentReply(ana, "wamid.OUT-" + UUID.randomUUID());
        String wamid = jdbc.sql("SELECT channel_message_id FROM outgoing_message WHERE ticket_message_id = ?").param(reply.id())
                .query(String.class).single();
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        signed(WebhookPayloads.statuses(List.of(WebhookPayloads.status(wamid, "read", at.plusSeconds(20)))));
        signed(WebhookPayloads.statuses(List.of(WebhookPayloads.status(wamid, "delivered", at.plusSeconds(10)),
                WebhookPayloads.status(wamid, "sent", at), WebhookPayloads.status(wamid, "read", at.plusSeconds(20)))));
        processed();
        assertThat(tickets.lookupMessage(reply.id()).orElseThrow().deliveryState()).isEqualTo(org.atende.tickets.DeliveryState.READ);
    }

    @Test
    void aFailedStatusMarksTheMessageFailedWithItsReason() throws Exception {
        ContactSummary ana = contact(phone(), Language.PT);
        MessageView reply = sentReply(ana, "wamid.FAIL-" + UUID.randomUUID());
        String wamid = jdbc.sql("SELECT channel_message_id FROM outgoing_message WHERE ticket_message_id = ?").param(reply.id())
                .query(String.class).single();
        signed(WebhookPayloads.statuses(List.of(WebhookPayloads.failedStatus(wamid, Instant.parse("2026-11-25T10:00:05Z"), 131047,
                "Re-engagement message"))));
        processed();
        MessageView failed = tickets.lookupMessage(reply.id()).orElseThrow();
        assertThat(failed.deliveryState()).isEqualTo(org.atende.tickets.DeliveryState.FAILED);
        assertThat(failed.deliveryDetail()).contains("131047", "Re-engagement message");
        signed(WebhookPayloads.statuses(List.of(WebhookPayloads.status(wamid, "delivered", Instant.parse("2026-11-25T10:00:09Z")))));
        processed();
        assertThat(tickets.lookupMessage(reply.id()).orElseThrow().deliveryState()).as("a failure is final")
                .isEqualTo(org.atende.tickets.DeliveryState.FAILED);
    }

    @Test
    void fetchesMediaThroughTheGraphApiIntoAttachments() throws Exception {
        String phone = phone();
        contact(phone, Language.PT);
        String wa = phone.substring(1);
        byte[] pdf = "%PDF-1.4\n% a receipt\n".getBytes(StandardCharsets.ISO_8859_1);
        GRAPH.serveMedia("media-doc-" + wa, pdf, "application/pdf");
        signed(WebhookPayloads.messages(wa, "Ana", List.of(WebhookPayloads.typed("wamid.M" + wa, wa, Instant.parse("2026-11-25T09:58:00Z"),
                "document", Map.of("id", "media-doc-" + wa, "mime_type", "application/pdf", "filename", "recibo.pdf",
                        "caption", "O recibo")))));
        processed();
        TicketView t = ticketOf("wamid.M" + wa);
        assertThat(tickets.messagesOf(t.id()).getFirst().body()).isEqualTo("O recibo");
        assertThat(jdbc.sql("SELECT filename || ' ' || content_type || ' ' || size_bytes FROM attachment WHERE ticket_id = ?")
                .param(t.id().value()).query(String.class).single()).isEqualTo("recibo.pdf application/pdf " + pdf.length);
        assertThat(GRAPH.requests()).anySatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer test-token"));
    }

    @Test
    void acknowledgesANewTicketOnWhatsAppInTheContactsLanguage() throws Exception {
        String phone = phone();
        contact(phone, Language.PT);
        String wa = phone.substring(1);
        GRAPH.reset();
        GRAPH.acceptAs("wamid.ACK" + wa);
        signed(WebhookPayloads.messages(wa, "Ana", List.of(WebhookPayloads.text("wamid.Q" + wa, wa, Instant.parse("2026-11-25T09:58:00Z"),
                "Preciso de ajuda"))));
        processed();
        TicketView t = ticketOf("wamid.Q" + wa);
        dispatch.runOnce();
        assertThat(GRAPH.messages()).anySatisfy(r -> assertThat(String.valueOf(r.json())).contains(wa, "#" + t.number()));
    }

    @Test
    void theAcknowledgementOffersAHelpArticleThatMatchesWhatTheCustomerWrote() throws Exception {
        String slug = "reset-password-" + UUID.randomUUID().toString().substring(0, 6);
        var article = knowledge.create(new org.atende.knowledge.ArticleDraft(slug, Language.EN,
                "I forgot my password and cannot sign in", "Resetting your password in two minutes.",
                "On the sign-in page click **Forgot your password?** and follow the link we e-mail you.", null, null));
        knowledge.publish(article.id());
        String phone = phone();
        contact(phone, Language.EN);
        String wa = phone.substring(1);
        GRAPH.reset();
        GRAPH.acceptAs("wamid.ACK" + wa);
        signed(WebhookPayloads.messages(wa, "Emma", List.of(WebhookPayloads.text("wamid.Q" + wa, wa, Instant.parse("2026-11-25T09:58:00Z"),
                "Hi, I forgot my password and now I cannot sign in"))));
        processed();
        dispatch.runOnce();

        assertThat(GRAPH.messages()).anySatisfy(r -> assertThat(String.valueOf(r.json()))
                .contains("This may help:", "I forgot my password and cannot sign in http://localhost:8080/help/en/" + slug));
        assertThat(knowledge.stats(article.id(), knowledge.today(), knowledge.today()).total().suggestions()).isEqualTo(1);

        String other = phone();
        contact(other, Language.EN);
        String wa2 = other.substring(1);
        GRAPH.reset();
        GRAPH.acceptAs("wamid.ACK" + wa2);
        signed(WebhookPayloads.messages(wa2, "Daniel", List.of(WebhookPayloads.text("wamid.Q" + wa2, wa2,
                Instant.parse("2026-11-25T09:58:00Z"), "Can we move tomorrow's training to Friday?"))));
        processed();
        dispatch.runOnce();
        assertThat(GRAPH.messages()).isNotEmpty().noneSatisfy(r -> assertThat(String.valueOf(r.json())).contains("This may help"));
    }

    @Test
    void aNumberPastARefusingPlansAllowanceIsToldSoOnWhatsApp() throws Exception {
        String phone = phone();
        ContactSummary juan = contact(phone, Language.ES, 0, OverQuotaPolicy.REFUSE);
        String wa = phone.substring(1);
        signed(WebhookPayloads.messages(wa, "Juan", List.of(WebhookPayloads.text("wamid.R" + wa, wa, Instant.parse("2026-11-25T09:58:00Z"),
                "Hola"))));
        processed();
        assertThat(jdbc.sql("SELECT outcome FROM whatsapp_message WHERE wamid = ?").param("wamid.R" + wa).query(String.class).single())
                .isEqualTo("REFUSED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ticket WHERE organisation_id = ?").param(juan.organisationId().value())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT body FROM outgoing_message WHERE channel = 'WHATSAPP' AND purpose = 'REFUSAL' AND recipient = ?")
                .param(wa).query(String.class).single()).contains("No hemos podido abrir su ticket");
    }

    @Test
    void findsAContactWithoutAPhoneNumberByItsWhatsAppUserId() throws Exception {
        ContactSummary ana = contact(phone(), Language.PT);
        String userId = "PT." + System.nanoTime();
        jdbc.sql("UPDATE contact SET whatsapp_user_id = ? WHERE id = ?").params(userId, ana.id().value()).update();
        String body = WebhookPayloads.messages("", "Ana", List.of(Map.of("from_user_id", userId, "id", "wamid.BSUID" + userId,
                "timestamp", String.valueOf(Instant.parse("2026-11-25T09:58:00Z").getEpochSecond()), "type", "text",
                "text", Map.of("body", "Sem número"))));
        signed(body.replace("\"wa_id\":\"\"", "\"user_id\":\"" + userId + "\""));
        processed();
        assertThat(ticketOf("wamid.BSUID" + userId).requesterContactId()).isEqualTo(ana.id());
    }

    @Test
    void anAnswerSentAsATemplateFollowsAsTextWhenTheCustomerReplies() throws Exception {
        String phone = phone();
        contact(phone, Language.PT);
        String wa = phone.substring(1);
        signed(WebhookPayloads.messages(wa, "Ana", List.of(WebhookPayloads.text("wamid.H1" + wa, wa, Instant.parse("2026-11-25T09:58:00Z"),
                "A fatura está errada"))));
        processed();
        TicketView t = ticketOf("wamid.H1" + wa);
        dispatch.runOnce(); // the acknowledgement, inside the window
        MovingTime.CLOCK.set("2026-11-26T11:00:00Z"); // more than 24 hours later
        tickets.reply(t.id(), org.atende.tickets.Reply.publicly("Corrigimos a fatura: já pode descarregá-la."), agent());
        GRAPH.reset();
        GRAPH.acceptAs("wamid.OUT.H" + wa);
        dispatch.runOnce();
        assertThat(GRAPH.messages()).singleElement().satisfies(r -> assertThat(r.json().path("type").asString()).isEqualTo("template"));

        signed(WebhookPayloads.messages(wa, "Ana", List.of(WebhookPayloads.text("wamid.H2" + wa, wa, Instant.parse("2026-11-26T11:05:00Z"),
                "Olá?"))));
        processed();
        GRAPH.reset();
        GRAPH.acceptAs("wamid.OUT.H2" + wa);
        dispatch.runOnce();
        assertThat(GRAPH.messages()).singleElement().satisfies(r -> {
            assertThat(r.json().path("type").asString()).isEqualTo("text");
            assertThat(r.json().path("text").path("body").asString()).contains("Corrigimos a fatura");
        });
    }
}
