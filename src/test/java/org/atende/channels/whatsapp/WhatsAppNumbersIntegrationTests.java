package org.atende.channels.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.atende.customers.ContactSummary;
import org.atende.customers.Language;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.identity.UserId;
import org.atende.support.MovingTime;
import org.atende.tickets.Reply;
import org.atende.tickets.TicketView;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.json.JsonMapper;

/**
 * Several business numbers (one per brand or country): each serves its own customers, with its own
 * organisation for unknown senders and its own templates, and answers go out from the number the
 * ticket came in on. A notification for a number the desk does not serve is answered 200 and forgotten.
 */
@TestPropertySource(properties = {"atende.whatsapp.numbers[0].phone-number-id=" + WhatsAppNumbersIntegrationTests.SPAIN,
        "atende.whatsapp.numbers[0].name=Marca España", "atende.whatsapp.numbers[0].triage-organisation=Clientes España",
        "atende.whatsapp.numbers[0].templates.es.name=respuesta_pendiente", "atende.whatsapp.numbers[0].templates.es.language=es_ES"})
class WhatsAppNumbersIntegrationTests extends WebhookTestSupport {

    static final String SPAIN = "220033004400551";
    static final String STRANGER = "990088007700661";
    static final Instant AT = Instant.parse("2026-11-25T09:50:00Z");
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A notification as Meta sends it for one of its numbers. */
    static String to(String number, String waId, String name, Map<String, Object> message) {
        return WebhookPayloads.messages(waId, name, List.of(message)).replace(WebhookPayloads.PHONE_NUMBER_ID, number);
    }

    List<FakeGraphApi.Request> sentTo(String waId) {
        return GRAPH.messages().stream().filter(r -> waId.equals(r.json().path("to").asString(""))).toList();
    }

    @Test
    void aNotificationForANumberTheDeskDoesNotServeIsAnsweredButOpensStoresAndSendsNothing() throws Exception {
        String wa = "34699" + String.valueOf(System.nanoTime()).substring(0, 6);
        long notifications = jdbc.sql("SELECT COUNT(*) FROM whatsapp_notification").query(Long.class).single();
        GRAPH.reset();

        var answer = signed(to(STRANGER, wa, "Desconocido", WebhookPayloads.text("wamid.X" + wa, wa, AT, "Hola, quiero una cita")));
        var statuses = signed(WebhookPayloads.statuses(List.of(WebhookPayloads.status("wamid.OTHER", "read", AT)))
                .replace(WebhookPayloads.PHONE_NUMBER_ID, STRANGER));
        processed();
        dispatch.runOnce();

        assertThat(answer.statusCode()).as("Meta must stop retrying").isEqualTo(200);
        assertThat(statuses.statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM whatsapp_notification").query(Long.class).single()).isEqualTo(notifications);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM whatsapp_message WHERE wamid = ?").param("wamid.X" + wa).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact WHERE phone = ?").param("+" + wa).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outgoing_message WHERE recipient = ?").param(wa).query(Long.class).single()).isZero();
        assertThat(GRAPH.messages()).as("no paid template, no message from our number").isEmpty();
    }

    @Test
    void anUnknownSenderOnTheSecondNumberJoinsItsOrganisationAndIsAnsweredFromIt() throws Exception {
        String wa = "34611" + String.valueOf(System.nanoTime()).substring(0, 6);
        GRAPH.reset();
        signed(to(SPAIN, wa, "Lucía Romero", WebhookPayloads.text("wamid.E" + wa, wa, AT, "Hola, la factura no cuadra")));
        processed();
        dispatch.runOnce();

        TicketView t = ticketOf("wamid.E" + wa);
        ContactSummary lucia = customers.contact(t.requesterContactId()).orElseThrow();
        assertThat(customers.organisation(lucia.organisationId()).orElseThrow().name()).isEqualTo("Clientes España");
        assertThat(lucia.timeZone().getId()).isEqualTo("Europe/Madrid");
        assertThat(sentTo(wa)).singleElement().satisfies(ack -> {
            assertThat(ack.path()).isEqualTo("/v26.0/" + SPAIN + "/messages");
            assertThat(ack.json().path("text").path("body").asString())
                    .contains("ticket *#" + t.number() + "*", "(hora de Madrid; ", " en Lisboa)");
        });
    }

    @Test
    void aContactWritingToTwoNumbersHasATicketWithEachAnsweredFromItsOwnNumber() throws Exception {
        String phone = phone();
        contact(phone, Language.PT);
        String wa = phone.substring(1);
        signed(to(WebhookPayloads.PHONE_NUMBER_ID, wa, "Ana", WebhookPayloads.text("wamid.P" + wa, wa, AT, "Sobre a loja portuguesa")));
        signed(to(SPAIN, wa, "Ana", WebhookPayloads.text("wamid.S" + wa, wa, AT.plusSeconds(30), "Sobre la tienda española")));
        processed();
        TicketView portuguese = ticketOf("wamid.P" + wa);
        TicketView spanish = ticketOf("wamid.S" + wa);
        assertThat(spanish.id()).isNotEqualTo(portuguese.id());

        dispatch.runOnce(); // the two acknowledgements
        GRAPH.reset();
        Actor agent = agent();
        tickets.reply(portuguese.id(), Reply.publicly("Resposta da loja portuguesa."), agent);
        tickets.reply(spanish.id(), Reply.publicly("Respuesta de la tienda española."), agent);
        dispatch.runOnce();

        assertThat(sentTo(wa)).hasSize(2).anySatisfy(r -> {
            assertThat(r.path()).isEqualTo("/v26.0/" + WebhookPayloads.PHONE_NUMBER_ID + "/messages");
            assertThat(r.json().path("text").path("body").asString()).contains("loja portuguesa");
        }).anySatisfy(r -> {
            assertThat(r.path()).isEqualTo("/v26.0/" + SPAIN + "/messages");
            assertThat(r.json().path("text").path("body").asString()).contains("tienda española");
        });
    }

    @Test
    void outsideTheWindowTheTicketsNumberSendsItsOwnTemplate() throws Exception {
        String wa = "34622" + String.valueOf(System.nanoTime()).substring(0, 6);
        signed(to(SPAIN, wa, "Pablo", WebhookPayloads.text("wamid.T" + wa, wa, AT, "Hola, ¿me llaman?")));
        processed();
        TicketView t = ticketOf("wamid.T" + wa);
        dispatch.runOnce();
        MovingTime.CLOCK.set("2026-11-26T12:00:00Z"); // past the 24 hours
        GRAPH.reset();
        tickets.reply(t.id(), Reply.publicly("Le llamamos mañana a las 10."), agent());
        dispatch.runOnce();

        assertThat(sentTo(wa)).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/v26.0/" + SPAIN + "/messages");
            assertThat(r.json().path("type").asString()).isEqualTo("template");
            assertThat(r.json().path("template").path("name").asString()).isEqualTo("respuesta_pendiente");
            assertThat(r.json().path("template").path("language").path("code").asString()).isEqualTo("es_ES");
        });
    }
}
