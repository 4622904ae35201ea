package org.atende.web.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;

import org.atende.customers.Customers;
import org.atende.support.ApiIntegrationSupport;
import org.atende.tickets.Channel;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The ticket page shows, beside a WhatsApp message, that it was forwarded or came from an ad, in the agent's language. */
class WhatsAppOriginPagesIntegrationTests extends ApiIntegrationSupport {

    @LocalServerPort int port;
    @Autowired Tickets tickets;
    @Autowired Customers customers;

    @Test
    void showsForwardedMarksAndTheAdOfAMessageInEnglishSpanishAndPortuguese() {
        String word = unique("Origin");
        long org = createOrganisation();
        var desk = new DeskFixture(identity, customers, tickets, word, org, createContact(org, unique("ana") + "@customer.example"));
        TicketView t = desk.fromCustomer(word + " ad", "Vi o anúncio", Channel.WHATSAPP, null, null);
        long first = tickets.messagesOf(t.id()).getFirst().id();
        var ad = "INSERT INTO whatsapp_message (wamid, phone_number_id, type, outcome, ticket_id, ticket_message_id, sent_at, received_at, "
                + "forwarded, frequently_forwarded, referral_headline, referral_body, referral_source_url, referral_source_type, "
                + "referral_source_id) VALUES (?, '110022003300440', 'text', 'TICKET_OPENED', ?, ?, ?, ?, TRUE, TRUE, ?, ?, ?, 'ad', ?)";
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql(ad).params("wamid.PAGE-" + word, t.id().value(), first, now, now, "Café -20%", "Só esta semana",
                "https://fb.me/3cr4Wq", "120210000000000001").update();
        PageBrowser browser = new PageBrowser(port).signIn(desk.agentEmail, DeskFixture.PASSWORD);

        assertThat(browser.get("/desk/tickets/" + t.number(), "Accept-Language", "en-GB,en").body())
                .contains("Forwarded many times", "From an ad:", "“Café -20%”", "Só esta semana", "href=\"https://fb.me/3cr4Wq\"",
                        "source ad, id 120210000000000001", "time zone Europe/Lisbon");
        assertThat(browser.get("/desk/tickets/" + t.number(), "Accept-Language", "es-ES,es").body())
                .contains("Reenviado muchas veces", "Desde un anuncio:", "abrir el anuncio");
        assertThat(browser.get("/desk/tickets/" + t.number(), "Accept-Language", "pt-PT,pt").body())
                .contains("Reencaminhada muitas vezes", "A partir de um anúncio:", "abrir o anúncio", "fuso horário Europe/Lisbon")
                .doesNotContain("From an ad");
    }
}
