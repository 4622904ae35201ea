package org.atende.channels.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.atende.customers.ContactSummary;
import org.atende.customers.Language;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.satisfaction.Rating;
import org.atende.support.DeskFixtures;
import org.atende.support.MovingTime;
import org.atende.tickets.Channel;
import org.atende.tickets.NewFile;
import org.atende.tickets.Reply;
import org.atende.tickets.TicketChanges;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Files from agents and the satisfaction question on WhatsApp, through signed webhook posts and the local Graph
 * stand-in: files are uploaded ({@code POST /{phone-number-id}/media}) and sent as media messages naming them; the
 * question goes as reply buttons inside the 24-hour window and as the survey template outside it; a tap rates the
 * answer without reopening the ticket.
 */
class WhatsAppFilesAndSatisfactionIntegrationTests extends WebhookTestSupport {

    static final byte[] PDF = "%PDF-1.4\n%âãÏÓ\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1};

    Actor agent;

    @org.springframework.beans.factory.annotation.Autowired
    org.atende.tickets.Attachments attachments;

    @BeforeEach
    void quietGraph() throws Exception {
        dispatch.runOnce();
        GRAPH.reset();
        agent = new DeskFixtures(jdbc).staff(Role.AGENT, "Inês Duarte");
    }

    /** The contact writes (opening the window and a ticket); everything queued so far is sent. */
    TicketView writes(String phone, String wamid, Instant at) throws Exception {
        String wa = phone.substring(1);
        assertThat(signed(WebhookPayloads.messages(wa, "Ana", List.of(WebhookPayloads.text(wamid, wa, at, "Olá, a fatura #?"))))
                .statusCode()).isEqualTo(200);
        processed();
        return ticketOf(wamid);
    }

    @Test
    void anAgentsFilesAreUploadedAndSentAsMediaAfterTheText() throws Exception {
        String phone = phone();
        contact(phone, Language.PT);
        TicketView ticket = writes(phone, "wamid.files-" + phone, Instant.parse("2026-11-25T09:59:00Z"));
        dispatch.runOnce(); // the acknowledgement
        GRAPH.reset();
        tickets.reply(ticket.id(), new Reply("Segue a fatura e a fotografia do recibo.", false, null, Channel.WHATSAPP),
                List.of(new NewFile("fatura 42.pdf", "application/pdf", PDF), new NewFile("recibo.jpg", "image/jpeg", JPEG)), agent);
        tickets.reply(ticket.id(), new Reply("nota interna", true, null, null), List.of(new NewFile("interno.pdf", "application/pdf", PDF)), agent);
        for (int i = 0; i < 4; i++) {
            dispatch.runOnce(); // each part leaves once the one before it was sent
        }

        assertThat(GRAPH.uploads()).hasSize(2);
        assertThat(GRAPH.uploads()).allSatisfy(u -> {
            assertThat(u.phoneNumberId()).isEqualTo(WebhookPayloads.PHONE_NUMBER_ID);
            assertThat(u.messagingProduct()).isEqualTo("whatsapp");
        });
        assertThat(GRAPH.uploads().get(0).bytes()).isEqualTo(PDF);
        assertThat(GRAPH.uploads().get(0).type()).isEqualTo("application/pdf");
        assertThat(GRAPH.uploads().get(0).filename()).isEqualTo("fatura 42.pdf");
        assertThat(GRAPH.uploads().get(1).type()).isEqualTo("image/jpeg");

        List<JsonNode> sent = GRAPH.messages().stream().map(FakeGraphApi.Request::json).toList();
        assertThat(sent).extracting(m -> m.path("type").asString()).containsExactly("text", "document", "image");
        assertThat(sent.get(1).path("document").path("id").asString()).isEqualTo(GRAPH.uploads().get(0).mediaId());
        assertThat(sent.get(1).path("document").path("filename").asString()).isEqualTo("fatura 42.pdf");
        assertThat(sent.get(2).path("image").path("id").asString()).isEqualTo(GRAPH.uploads().get(1).mediaId());
        assertThat(sent).noneMatch(m -> m.toString().contains("interno"));
        assertThat(jdbc.sql("SELECT delivery_state FROM message WHERE ticket_id = ? AND kind = 'AGENT'").param(ticket.id().value())
                .query(String.class).single()).isEqualTo("SENT");

        // a file added to the answer afterwards follows as one more media message
        GRAPH.reset();
        long answer = jdbc.sql("SELECT id FROM message WHERE ticket_id = ? AND kind = 'AGENT'").param(ticket.id().value())
                .query(Long.class).single();
        attachments.attach(ticket.id(), answer, "talão.jpg", "image/jpeg", JPEG, agent);
        dispatch.runOnce();
        assertThat(GRAPH.uploads()).singleElement().satisfies(u -> assertThat(u.filename()).isEqualTo("talão.jpg"));
        assertThat(GRAPH.messages()).singleElement().satisfies(r -> assertThat(r.json().path("image").path("id").asString())
                .isEqualTo(GRAPH.uploads().getFirst().mediaId()));
    }

    @Test
    void outsideTheWindowAFileWaitsWithTheTemplateAndFollowsTheCustomersReply() throws Exception {
        String phone = phone();
        contact(phone, Language.PT);
        TicketView ticket = writes(phone, "wamid.late-" + phone, Instant.parse("2026-11-25T09:59:00Z"));
        dispatch.runOnce();
        MovingTime.CLOCK.set("2026-11-27T10:00:00Z"); // two days later: the window closed
        GRAPH.reset();
        tickets.reply(ticket.id(), new Reply("Encontrámos o recibo.", false, null, Channel.WHATSAPP),
                List.of(new NewFile("recibo.pdf", "application/pdf", PDF)), agent);
        dispatch.runOnce();
        dispatch.runOnce();
        assertThat(GRAPH.uploads()).isEmpty();
        assertThat(GRAPH.messages()).extracting(r -> r.json().path("type").asString()).containsExactly("template");

        GRAPH.reset();
        writes(phone, "wamid.back-" + phone, Instant.parse("2026-11-27T10:00:30Z"));
        for (int i = 0; i < 3; i++) {
            dispatch.runOnce();
        }
        assertThat(GRAPH.uploads()).singleElement().satisfies(u -> assertThat(u.bytes()).isEqualTo(PDF));
        assertThat(GRAPH.messages()).extracting(r -> r.json().path("type").asString()).containsExactly("text", "document");
    }

    @Test
    void theQuestionGoesAsReplyButtonsAndATapRatesWithoutReopeningTheTicket() throws Exception {
        String phone = phone();
        ContactSummary ana = contact(phone, Language.ES);
        TicketView ticket = writes(phone, "wamid.csat-" + phone, Instant.parse("2026-11-25T09:59:00Z"));
        dispatch.runOnce();
        GRAPH.reset();
        tickets.update(ticket.id(), TicketChanges.status(TicketStatus.RESOLVED), agent);
        eventually(() -> jdbc.sql("SELECT COUNT(*) FROM satisfaction_survey WHERE ticket_id = ?").param(ticket.id().value())
                .query(Long.class).single() == 1);
        dispatch.runOnce();

        JsonNode question = GRAPH.messages().getLast().json();
        assertThat(question.path("type").asString()).isEqualTo("interactive");
        assertThat(question.path("interactive").path("type").asString()).isEqualTo("button");
        assertThat(question.path("interactive").path("body").path("text").asString()).contains("#" + ticket.number()).contains("¿Le ayudó");
        JsonNode buttons = question.path("interactive").path("action").path("buttons");
        assertThat(buttons).hasSize(2);
        assertThat(buttons.path(0).path("reply").path("title").asString()).isEqualTo("Sí, me ayudó");
        String good = buttons.path(0).path("reply").path("id").asString();
        assertThat(good).startsWith("csat:good:");
        assertThat(buttons.path(1).path("reply").path("id").asString()).startsWith("csat:bad:");

        GRAPH.reset();
        String wa = phone.substring(1);
        Map<String, Object> tap = WebhookPayloads.typed("wamid.tap-" + phone, wa, Instant.parse("2026-11-25T10:01:00Z"), "interactive",
                Map.of("type", "button_reply", "button_reply", Map.of("id", good, "title", "Sí, me ayudó")));
        assertThat(signed(WebhookPayloads.messages(wa, "Ana", List.of(tap))).statusCode()).isEqualTo(200);
        processed();
        assertThat(jdbc.sql("SELECT rating FROM satisfaction_survey WHERE ticket_id = ?").param(ticket.id().value()).query(String.class).single())
                .isEqualTo(Rating.GOOD.name());
        assertThat(tickets.lookup(ticket.id()).orElseThrow().status()).as("a rating is no new message").isEqualTo(TicketStatus.RESOLVED);
        assertThat(tickets.messagesOf(ticket.id())).noneMatch(m -> m.body().contains("me ayudó"));
        dispatch.runOnce();
        assertThat(GRAPH.messages()).singleElement().satisfies(r -> assertThat(r.json().path("text").path("body").asString())
                .startsWith("¡Gracias!").contains("/satisfaction/" + good.substring("csat:good:".length())));

        // the same tap again (a retry, or a second tap) changes nothing
        Map<String, Object> again = WebhookPayloads.typed("wamid.tap2-" + phone, wa, Instant.parse("2026-11-25T10:02:00Z"), "interactive",
                Map.of("type", "button_reply", "button_reply", Map.of("id", "csat:bad:" + good.substring("csat:good:".length()), "title", "No")));
        signed(WebhookPayloads.messages(wa, "Ana", List.of(again)));
        processed();
        assertThat(jdbc.sql("SELECT rating FROM satisfaction_survey WHERE ticket_id = ?").param(ticket.id().value()).query(String.class).single())
                .isEqualTo("GOOD");
        assertThat(ana.language()).isEqualTo(Language.ES);
    }

    @Test
    void outsideTheWindowTheSurveyTemplateCarriesTheButtonsAndItsQuickReplyRates() throws Exception {
        String phone = phone();
        contact(phone, Language.PT);
        TicketView ticket = writes(phone, "wamid.tpl-" + phone, Instant.parse("2026-11-25T09:59:00Z"));
        dispatch.runOnce();
        MovingTime.CLOCK.set("2026-11-27T10:00:00Z");
        GRAPH.reset();
        tickets.update(ticket.id(), TicketChanges.status(TicketStatus.RESOLVED), agent);
        eventually(() -> jdbc.sql("SELECT COUNT(*) FROM satisfaction_survey WHERE ticket_id = ?").param(ticket.id().value())
                .query(Long.class).single() == 1);
        dispatch.runOnce();
        JsonNode template = GRAPH.messages().getLast().json().path("template");
        assertThat(template.path("name").asString()).isEqualTo("satisfaction_survey");
        assertThat(template.path("language").path("code").asString()).isEqualTo("pt_PT");
        JsonNode components = template.path("components");
        assertThat(components.path(0).path("parameters").path(0).path("text").asString()).isEqualTo("#" + ticket.number());
        String bad = components.path(2).path("parameters").path(0).path("payload").asString();
        assertThat(components.path(2).path("sub_type").asString()).isEqualTo("quick_reply");
        assertThat(bad).startsWith("csat:bad:");

        String wa = phone.substring(1);
        signed(WebhookPayloads.messages(wa, "Ana", List.of(WebhookPayloads.typed("wamid.qr-" + phone, wa,
                Instant.parse("2026-11-27T10:05:00Z"), "button", Map.of("payload", bad, "text", "Não ajudou")))));
        processed();
        assertThat(jdbc.sql("SELECT rating || ' ' || rated_via FROM satisfaction_survey WHERE ticket_id = ?").param(ticket.id().value())
                .query(String.class).single()).isEqualTo("BAD WHATSAPP");
    }
}
