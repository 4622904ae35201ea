package org.atende.channels.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Graph API client against a local stand-in: what it sends, what it makes of the answers. */
class GraphApiUnitTests {

    static final FakeGraphApi GRAPH = FakeGraphApi.start("token-1");

    final GraphApi api = new GraphApi(properties(GRAPH.baseUrl(), "token-1"));

    static WhatsAppProperties properties(URI base, String token) {
        return new WhatsAppProperties("110022003300440", token, "app-secret", "verify", base, "v26.0", Duration.ofDays(7), Map.of(), 3,
                Duration.ofSeconds(2), "Triage", List.of(), Duration.ofSeconds(1));
    }

    /** The number the calls go from. */
    final WhatsAppProperties.BusinessNumber ours = properties(GRAPH.baseUrl(), "token-1").first();

    @BeforeEach
    void clean() {
        GRAPH.reset();
    }

    @AfterAll
    static void stop() {
        GRAPH.close();
    }

    @Test
    void sendsATextToTheNumbersMessagesWithTheTokenAndReturnsTheWamid() throws Exception {
        GRAPH.acceptAs("wamid.HBgMMzUxOTEyMzQ1Njc4FQIAERgSOTk=");
        String wamid = api.sendText(ours, "351912345678", "Olá Ana, o pedido #1234 foi reenviado.", "wamid.IN");

        assertThat(wamid).isEqualTo("wamid.HBgMMzUxOTEyMzQ1Njc4FQIAERgSOTk=");
        FakeGraphApi.Request sent = GRAPH.messages().getFirst();
        assertThat(sent.path()).isEqualTo("/v26.0/110022003300440/messages");
        assertThat(sent.authorization()).isEqualTo("Bearer token-1");
        assertThat(sent.contentType()).isEqualTo("application/json");
        assertThat(sent.json()).isEqualTo(FakeGraphApi.JSON.readTree("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"351912345678","type":"text",
                 "context":{"message_id":"wamid.IN"},"text":{"preview_url":false,"body":"Olá Ana, o pedido #1234 foi reenviado."}}"""));
    }

    @Test
    void sendsFromTheNumberItIsGivenWithThatNumbersOwnToken() throws Exception {
        try (FakeGraphApi spain = FakeGraphApi.start("token-of-the-spanish-brand")) {
            var es = new WhatsAppProperties.BusinessNumber("220033004400551", "Marca España", "token-of-the-spanish-brand", "Triage ES",
                    Map.of());
            var settings = new WhatsAppProperties("110022003300440", "token-1", "app-secret", "verify", spain.baseUrl(), "v26.0",
                    Duration.ofDays(7), Map.of(), 3, Duration.ofSeconds(2), "Triage", List.of(es), Duration.ofSeconds(1));
            new GraphApi(settings).sendText(settings.number("220033004400551").orElseThrow(), "34611222333", "Hola", null);
            assertThat(spain.messages()).singleElement().satisfies(r -> {
                assertThat(r.path()).isEqualTo("/v26.0/220033004400551/messages");
                assertThat(r.authorization()).isEqualTo("Bearer token-of-the-spanish-brand");
            });
            assertThat(settings.served()).extracting(WhatsAppProperties.BusinessNumber::phoneNumberId)
                    .containsExactly("110022003300440", "220033004400551");
            assertThat(settings.triageOrganisationOf(settings.first())).isEqualTo("Triage");
            assertThat(settings.triageOrganisationOf(es)).isEqualTo("Triage ES");
            assertThat(settings.number("999")).isEmpty();
        }
    }

    @Test
    void aTextWithoutContextHasNoContextAndQuotesAndNewlinesSurviveTheJson() throws Exception {
        api.sendText(ours, "351912345678", "Diz \"olá\"\n{not json}", null);
        var json = GRAPH.messages().getFirst().json();
        assertThat(json.has("context")).isFalse();
        assertThat(json.path("text").path("body").asString()).isEqualTo("Diz \"olá\"\n{not json}");
    }

    @Test
    void addressesAUserWithoutAPhoneNumberByTheUserId() throws Exception {
        api.sendText(ours, "PT.7741029384756", "Olá", null);
        var json = GRAPH.messages().getFirst().json();
        assertThat(json.path("recipient").asString()).isEqualTo("PT.7741029384756");
        assertThat(json.has("to")).isFalse();
    }

    @Test
    void sendsATemplateWithItsLanguageAndBodyParameters() throws Exception {
        api.sendTemplate(ours, "351912345678", new WhatsAppProperties.Template("ticket_update", "pt_PT"), List.of("#1234"));
        assertThat(GRAPH.messages().getFirst().json()).isEqualTo(FakeGraphApi.JSON.readTree("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"351912345678","type":"template",
                 "template":{"name":"ticket_update","language":{"code":"pt_PT"},
                   "components":[{"type":"body","parameters":[{"type":"text","text":"#1234"}]}]}}"""));
    }

    @Test
    void throttlingAndServerErrorsAreWorthAnotherTry() {
        GRAPH.answerStatus(429).answerStatus(500).answerStatus(503);
        for (int status : new int[] {429, 500, 503}) {
            assertThatThrownBy(() -> api.sendText(ours, "351912345678", "x", null)).asInstanceOf(type(GraphApiException.class))
                    .satisfies(e -> {
                        assertThat(e.permanent()).isFalse();
                        assertThat(e.status()).isEqualTo(status);
                        assertThat(e.getMessage()).contains("HTTP " + status);
                    });
        }
    }

    @Test
    void aClosedWindowIsPermanentAndSaysSo() {
        GRAPH.answerError(400, 131047, "Re-engagement message",
                "Message failed to send because more than 24 hours have passed since the customer last replied to this number.");
        assertThatThrownBy(() -> api.sendText(ours, "351912345678", "x", null)).asInstanceOf(type(GraphApiException.class))
                .satisfies(e -> {
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.windowClosed()).isTrue();
                    assertThat(e.code()).isEqualTo(131047);
                    assertThat(e.getMessage()).contains("error 131047", "Re-engagement message", "more than 24 hours", "outside the 24-hour window");
                });
    }

    @Test
    void anUndeliverableRecipientIsPermanent() {
        GRAPH.answerError(400, 131026, "Message Undeliverable", "Unable to deliver message.");
        assertThatThrownBy(() -> api.sendText(ours, "351900000000", "x", null)).asInstanceOf(type(GraphApiException.class))
                .satisfies(e -> {
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.windowClosed()).isFalse();
                    assertThat(e.getMessage()).contains("error 131026", "Message Undeliverable", "not on WhatsApp");
                });
    }

    @Test
    void classifiesGraphErrorsByWhetherTheMessageIsAtFault() {
        assertThat(GraphErrors.permanent(400, 131047)).as("re-engagement").isTrue();
        assertThat(GraphErrors.permanent(400, 131026)).as("undeliverable").isTrue();
        assertThat(GraphErrors.permanent(400, 131030)).as("not on the allowed list").isTrue();
        assertThat(GraphErrors.permanent(400, 100)).as("invalid parameter").isTrue();
        assertThat(GraphErrors.permanent(404, 132001)).as("template does not exist").isTrue();
        assertThat(GraphErrors.permanent(400, 132000)).as("template parameters").isTrue();
        assertThat(GraphErrors.permanent(400, null)).as("a bad request without a code").isTrue();
        assertThat(GraphErrors.permanent(429, null)).isFalse();
        assertThat(GraphErrors.permanent(500, 131000)).isFalse();
        assertThat(GraphErrors.permanent(502, null)).isFalse();
        assertThat(GraphErrors.permanent(400, 130429)).as("throughput limit").isFalse();
        assertThat(GraphErrors.permanent(400, 131056)).as("pair rate limit").isFalse();
        assertThat(GraphErrors.permanent(401, 190)).as("token expired: renewed by the operator").isFalse();
        assertThat(GraphErrors.reason(404, 132001, "Template name does not exist in the translation", null))
                .contains("error 132001", "template is not approved");
    }

    @Test
    void anAnswerThatIsNotJsonKeepsItsStatusAndText() {
        GraphApiException e = GraphApi.failure(502, "<html>Bad Gateway</html>");
        assertThat(e.permanent()).isFalse();
        assertThat(e.code()).isNull();
        assertThat(e.getMessage()).contains("HTTP 502", "Bad Gateway");
    }

    @Test
    void aServerThatIsNotThereIsWorthAnotherTry() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        var nowhere = new GraphApi(properties(URI.create("http://127.0.0.1:" + closed), "token-1"));
        assertThatThrownBy(() -> nowhere.sendText(ours, "351912345678", "x", null)).asInstanceOf(type(GraphApiException.class))
                .satisfies(e -> {
                    assertThat(e.permanent()).isFalse();
                    assertThat(e.status()).isZero();
                    assertThat(e.getMessage()).contains("could not be reached");
                });
    }

    @Test
    void downloadsMediaThroughItsShortLivedUrlWithTheToken() throws Exception {
        byte[] pdf = "%PDF-1.7 fatura".getBytes(StandardCharsets.UTF_8);
        GRAPH.serveMedia("1037543291543636", pdf, "application/pdf");

        GraphApi.Media media = api.downloadMedia(ours, "1037543291543636");

        assertThat(media.bytes()).isEqualTo(pdf);
        assertThat(media.mimeType()).isEqualTo("application/pdf");
        assertThat(media.sha256()).isEqualTo(FakeGraphApi.sha256(pdf));
        assertThat(GRAPH.requests()).extracting(FakeGraphApi.Request::path)
                .containsExactly("/v26.0/1037543291543636", "/files/1037543291543636");
        assertThat(GRAPH.requests()).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer token-1"));
    }

    @Test
    void mediaIsNotGivenWithoutTheToken() {
        GRAPH.serveMedia("555", new byte[] {1, 2, 3}, "image/jpeg");
        var stranger = new GraphApi(properties(GRAPH.baseUrl(), "wrong-token"));
        assertThatThrownBy(() -> stranger.downloadMedia(ours, "555")).asInstanceOf(type(GraphApiException.class))
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo(190);
                });
    }

    @Test
    void mediaLargerThanTheLimitIsRefusedForGood() {
        GRAPH.serveMedia("big", new byte[2048], "video/mp4");
        assertThatThrownBy(() -> api.downloadMedia(ours, "big", 1024)).asInstanceOf(type(GraphApiException.class))
                .satisfies(e -> {
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.getMessage()).contains("2048 bytes", "1024");
                });
        assertThat(GRAPH.requests()).as("the file itself is not fetched").hasSize(1);
    }

    @Test
    void anUnknownMediaIdIsPermanentAndAPathInjectionIsNotTried() {
        assertThatThrownBy(() -> api.downloadMedia(ours, "404404")).asInstanceOf(type(GraphApiException.class))
                .satisfies(e -> assertThat(e.permanent()).isTrue());
        assertThatThrownBy(() -> api.downloadMedia(ours, "../110022003300440/messages")).isInstanceOf(GraphApiException.class);
        assertThat(GRAPH.requests()).hasSize(1);
    }
}
