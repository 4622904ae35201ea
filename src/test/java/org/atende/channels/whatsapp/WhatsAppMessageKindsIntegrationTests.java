package org.atende.channels.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.atende.channels.MessageOrigins;
import org.atende.customers.ContactSummary;
import org.atende.customers.Language;
import org.atende.tickets.MessageView;
import org.atende.tickets.TicketView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The message kinds that carry data, notices and files, through signed webhook posts and the local Graph
 * stand-in: Flow answers, catalogue orders, a changed number, ads and forwards, voice notes, audio, video
 * and stickers.
 */
class WhatsAppMessageKindsIntegrationTests extends WebhookTestSupport {

    static final Instant AT = Instant.parse("2026-11-25T09:50:00Z");

    @Autowired MessageOrigins origins;

    String knownNumber() {
        String phone = phone();
        contact(phone, Language.PT);
        return phone.substring(1);
    }

    @Test
    void theAnswersOfAFlowReachTheTicketAsFieldValueLines() throws Exception {
        String wa = knownNumber();
        String answers = """
                {"flow_token":"ft-4417","screen_0_Nome_completo_0":"Ana Silva","screen_0_Motivo_1":"1_Fatura_errada",\
                "screen_1_Numero_da_fatura_0":"FT 2026/0815","screen_1_Pode_ligar_2":true}""";
        signed(WebhookPayloads.messages(wa, "Ana", List.of(WebhookPayloads.typed("wamid.F" + wa, wa, AT, "interactive",
                Map.of("type", "nfm_reply", "nfm_reply", Map.of("name", "flow", "body", "Sent", "response_json", answers))))));
        processed();

        TicketView t = ticketOf("wamid.F" + wa);
        String body = tickets.messagesOf(t.id()).getFirst().body();
        assertThat(body).isEqualTo("""
                📋 Form reply
                Nome completo: Ana Silva
                Motivo: Fatura errada
                Numero da fatura: FT 2026/0815
                Pode ligar: ✔""");
        assertThat(body).doesNotContain("ft-4417", "{", "screen_");
        assertThat(t.subject()).isEqualTo("📋 Form reply");
    }

    @Test
    void anOrderBringsItsItemsPricesAndNoteToTheTicket() throws Exception {
        String wa = knownNumber();
        signed(WebhookPayloads.messages(wa, "Ana", List.of(WebhookPayloads.typed("wamid.O" + wa, wa, AT, "order", Map.of(
                "catalog_id", "318726541", "text", "Para a loja do Chiado, por favor",
                "product_items", List.of(
                        Map.of("product_retailer_id", "CAFE-1KG", "quantity", "3", "item_price", "14.90", "currency", "EUR"),
                        Map.of("product_retailer_id", "MOINHO-M2", "quantity", 1, "item_price", 89, "currency", "EUR")))))));
        processed();

        assertThat(tickets.messagesOf(ticketOf("wamid.O" + wa).id()).getFirst().body()).isEqualTo("""
                🛒 Order (catalogue 318726541)
                • CAFE-1KG × 3 at 14.90 EUR = 44.70 EUR
                • MOINHO-M2 × 1 at 89 EUR = 89.00 EUR
                Total: 133.70 EUR
                Note: Para a loja do Chiado, por favor""");
    }

    @Test
    void aChangedNumberMovesTheContactAndSaysSoOnTheirOpenTicket() throws Exception {
        String phone = phone();
        ContactSummary ana = contact(phone, Language.PT);
        String old = phone.substring(1);
        String fresh = "35193" + old.substring(5);
        signed(WebhookPayloads.messages(old, "Ana", List.of(WebhookPayloads.text("wamid.C1" + old, old, AT, "A fatura está errada"))));
        processed();
        TicketView t = ticketOf("wamid.C1" + old);

        signed(WebhookPayloads.messages(old, "Ana", List.of(WebhookPayloads.typed("wamid.C2" + old, old, AT.plusSeconds(60), "system",
                Map.of("body", "Ana changed their phone number to a new number", "new_wa_id", fresh, "type", "customer_changed_number")))));
        processed();

        assertThat(customers.contact(ana.id()).orElseThrow().phone()).isEqualTo("+" + fresh);
        assertThat(tickets.messagesOf(t.id())).as("a notice, not a message of the customer's").hasSize(1);
        assertThat(timelineOf(t.id())).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("WHATSAPP_NUMBER_CHANGED");
            assertThat(e.detail()).contains("+" + old, "+" + fresh);
        }).noneSatisfy(e -> assertThat(e.kind()).isEqualTo("WHATSAPP_UNSUPPORTED"));

        signed(WebhookPayloads.messages(fresh, "Ana", List.of(WebhookPayloads.text("wamid.C3" + fresh, fresh, AT.plusSeconds(120),
                "Já com o número novo"))));
        processed();
        assertThat(ticketOf("wamid.C3" + fresh).id()).as("the new number finds the same contact and ticket").isEqualTo(t.id());
    }

    @Test
    void aChangedNumberWithoutAnOpenTicketIsKeptOnTheContactsRecord() throws Exception {
        String phone = phone();
        ContactSummary rui = contact(phone, Language.PT);
        String old = phone.substring(1);
        String fresh = "35196" + old.substring(5);
        signed(WebhookPayloads.messages(old, "Rui", List.of(WebhookPayloads.typed("wamid.N1" + old, old, AT, "system",
                Map.of("body", "Rui changed their phone number", "wa_id", fresh, "type", "user_changed_number")))));
        processed();

        assertThat(customers.contact(rui.id()).orElseThrow().phone()).isEqualTo("+" + fresh);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ticket WHERE requester_contact_id = ?").param(rui.id().value()).query(Long.class).single())
                .as("a notice opens no ticket").isZero();
        assertThat(jdbc.sql("SELECT outcome || ': ' || detail FROM whatsapp_message WHERE wamid = ?").param("wamid.N1" + old)
                .query(String.class).single()).startsWith("NOTED: ").contains("+" + fresh);
    }

    @Test
    void anAdReferralAndTheForwardedMarksAreKeptOnTheMessage() throws Exception {
        String wa = knownNumber();
        signed(WebhookPayloads.messages(wa, "Ana", List.of(
                Map.of("from", wa, "id", "wamid.R1" + wa, "timestamp", String.valueOf(AT.getEpochSecond()), "type", "text",
                        "text", Map.of("body", "Vi o anúncio, ainda têm desconto?"),
                        "referral", Map.of("source_url", "https://fb.me/3cr4Wq", "source_id", "120210000000000001", "source_type", "ad",
                                "headline", "Café de especialidade -20%", "body", "Só esta semana, na loja online.", "media_type", "image",
                                "image_url", "https://scontent.example/ad.jpg", "ctwa_clid", "ARAkLkA8rmlFeiCktEJQ")),
                Map.of("from", wa, "id", "wamid.R2" + wa, "timestamp", String.valueOf(AT.plusSeconds(5).getEpochSecond()), "type", "text",
                        "text", Map.of("body", "Recebi isto, é verdade?"), "context", Map.of("forwarded", true)),
                Map.of("from", wa, "id", "wamid.R3" + wa, "timestamp", String.valueOf(AT.plusSeconds(9).getEpochSecond()), "type", "text",
                        "text", Map.of("body", "GANHE UM IPHONE"), "context", Map.of("frequently_forwarded", true)))));
        processed();

        TicketView t = ticketOf("wamid.R1" + wa);
        List<MessageView> messages = tickets.messagesOf(t.id());
        var byMessage = origins.ofTicket(t.id());
        var ad = byMessage.get(messages.get(0).id());
        assertThat(ad.fromAnAd()).isTrue();
        assertThat(ad.adHeadline()).isEqualTo("Café de especialidade -20%");
        assertThat(ad.adBody()).isEqualTo("Só esta semana, na loja online.");
        assertThat(ad.adSourceUrl()).isEqualTo("https://fb.me/3cr4Wq");
        assertThat(ad.adSourceType()).isEqualTo("ad");
        assertThat(ad.adSourceId()).isEqualTo("120210000000000001");
        assertThat(ad.forwarded()).isFalse();
        assertThat(byMessage.get(messages.get(1).id())).satisfies(o -> {
            assertThat(o.forwarded()).isTrue();
            assertThat(o.frequentlyForwarded()).isFalse();
            assertThat(o.fromAnAd()).isFalse();
        });
        assertThat(byMessage.get(messages.get(2).id())).satisfies(o -> assertThat(o.frequentlyForwarded()).isTrue());
    }

    @Test
    void voiceNotesAudioVideoAndStickersKeepTheirRealTypesAndSensibleNames() throws Exception {
        String wa = knownNumber();
        GRAPH.serveMedia("voice-" + wa, MediaTypesUnitTests.OGG, "audio/ogg");
        GRAPH.serveMedia("song-" + wa, MediaTypesUnitTests.MP3, "application/octet-stream");
        GRAPH.serveMedia("clip-" + wa, MediaTypesUnitTests.MP4, "video/mp4");
        GRAPH.serveMedia("sticker-" + wa, MediaTypesUnitTests.WEBP, "image/webp");
        GRAPH.serveMedia("liar-" + wa, MediaTypesUnitTests.OGG, "video/mp4");
        signed(WebhookPayloads.messages(wa, "Ana", List.of(
                WebhookPayloads.typed("wamid.V1" + wa, wa, AT, "audio", Map.of("id", "voice-" + wa, "mime_type", "audio/ogg; codecs=opus",
                        "sha256", FakeGraphApi.sha256(MediaTypesUnitTests.OGG), "voice", true)),
                WebhookPayloads.typed("wamid.V2" + wa, wa, AT.plusSeconds(1), "audio", Map.of("id", "song-" + wa)),
                WebhookPayloads.typed("wamid.V3" + wa, wa, AT.plusSeconds(2), "video", Map.of("id", "clip-" + wa, "mime_type", "video/mp4",
                        "caption", "O ecrã a piscar")),
                WebhookPayloads.typed("wamid.V4" + wa, wa, AT.plusSeconds(3), "sticker", Map.of("id", "sticker-" + wa,
                        "mime_type", "image/webp", "animated", false)),
                WebhookPayloads.typed("wamid.V5" + wa, wa, AT.plusSeconds(4), "video", Map.of("id", "liar-" + wa, "mime_type", "video/mp4")))));
        processed();

        TicketView t = ticketOf("wamid.V1" + wa);
        assertThat(jdbc.sql("SELECT filename || ' | ' || content_type FROM attachment WHERE ticket_id = ? ORDER BY id").param(t.id().value())
                .query(String.class).list()).containsExactly(
                        "voice-note-20261125-095000.ogg | audio/ogg; codecs=opus",
                        "audio-20261125-095001.mp3 | audio/mpeg",
                        "video-20261125-095002.mp4 | video/mp4",
                        "sticker-20261125-095003.webp | image/webp",
                        "video-20261125-095004.ogg | audio/ogg");
        assertThat(tickets.messagesOf(t.id())).extracting(MessageView::body)
                .containsExactly("(voice note)", "(audio)", "O ecrã a piscar", "(sticker)", "(video)");
        assertThat(timelineOf(t.id())).noneSatisfy(e -> assertThat(e.kind()).isEqualTo("ATTACHMENT_DROPPED"));
    }
}
