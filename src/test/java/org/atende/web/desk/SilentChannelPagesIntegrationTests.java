package org.atende.web.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.atende.customers.Customers;
import org.atende.identity.Role;
import org.atende.identity.UserDraft;
import org.atende.notifications.OutboxDispatch;
import org.atende.support.Api.Answer;
import org.atende.support.ApiIntegrationSupport;
import org.atende.tickets.Channel;
import org.atende.tickets.Reply;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * A desk whose e-mail channel has a support address but no SMTP server and no mailbox: admins and leads are
 * told on every desk page (in their language), agents are not; mail waits HELD and is counted on the
 * Channels page; {@code /actuator/health} names each channel's state without turning the desk DOWN; the
 * portal promises no e-mail answer; and the favicon is there for anyone.
 */
@TestPropertySource(properties = "atende.email.address=support@atende.test")
class SilentChannelPagesIntegrationTests extends ApiIntegrationSupport {

    private static final Pattern HELD = Pattern.compile("id=\"smtp-held\">(\\d+)<");

    @LocalServerPort
    int port;

    @Autowired
    Tickets tickets;

    @Autowired
    Customers customers;

    @Autowired
    OutboxDispatch dispatch;

    DeskFixture desk;
    String word;

    @BeforeEach
    void aDeskWithoutMail() {
        word = unique("Silent");
        long org = createOrganisation();
        desk = new DeskFixture(identity, customers, tickets, word, org, createContact(org, unique("ana") + "@customer.example"));
    }

    private PageBrowser signedIn(Role role) {
        String email = unique(role.name().toLowerCase()) + "@vendor.example";
        identity.createUser(new UserDraft(email, role + " " + word, role, null, null, null, true, DeskFixture.PASSWORD));
        return new PageBrowser(port).signIn(email, DeskFixture.PASSWORD);
    }

    @Nested
    class TheBanner {

        @Test
        void tellsLeadsAndAdminsInTheirLanguageWhyMailDoesNotGoAndWhereToFixIt() {
            PageBrowser lead = signedIn(Role.LEAD);
            String en = lead.get("/desk/queues/mine").body();
            assertThat(en).contains("id=\"channel-alerts\"", "E-mail cannot be sent: the SMTP server is not configured.",
                    "SMTP not configured (spring.mail.host)", "Incoming e-mail is not read: no IMAP mailbox is configured.",
                    "href=\"/admin/channels\"");
            assertThat(en).as("a desk without WhatsApp is not warned about it").doesNotContain("data-channel=\"WHATSAPP\"");
            String pt = lead.get("/desk/queues/mine", "Accept-Language", "pt-PT").body();
            assertThat(pt).contains("Não é possível enviar correio eletrónico: o servidor SMTP não está configurado.",
                    "O correio eletrónico recebido não é lido: nenhuma caixa IMAP está configurada.",
                    "Abrir a configuração dos canais").doesNotContain("E-mail cannot be sent", "Open the channel settings");
            String es = lead.get("/desk/queues/mine", "Accept-Language", "es").body();
            assertThat(es).contains("No se puede enviar correo electrónico: el servidor SMTP no está configurado.",
                    "Abrir la configuración de los canales").doesNotContain("E-mail cannot be sent", "Open the channel settings");
            String admin = new PageBrowser(port).signIn(ADMIN_EMAIL, ADMIN_PASSWORD).get("/admin/channels").body();
            assertThat(admin).contains("id=\"channel-alerts\"", "E-mail cannot be sent");
        }

        @Test
        void isNotShownToAgents() {
            PageBrowser agent = new PageBrowser(port).signIn(desk.agentEmail, DeskFixture.PASSWORD);
            HttpResponse<String> page = agent.get("/desk/queues/mine");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).doesNotContain("channel-alerts", "SMTP");
        }
    }

    @Test
    void mailWaitsHeldWithItsReasonAndTheChannelsPageCountsIt() {
        TicketView t = desk.fromCustomer(word + " sem correio", "Olá", Channel.EMAIL, null, null);
        tickets.reply(t.id(), new Reply("Estamos a ver.", false, null, Channel.EMAIL), desk.agent);
        dispatch.runOnce();
        dispatch.runOnce();
        var row = jdbc.sql("SELECT state, attempts, last_error FROM outgoing_message WHERE ticket_id = ?").param(t.id().value())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).single();
        assertThat(row[0]).isEqualTo("HELD");
        assertThat(row[1]).as("not tried, so no retry piles up").isEqualTo("0");
        assertThat(row[2]).isEqualTo("SMTP not configured (spring.mail.host)");
        assertThat(tickets.messagesOf(t.id()).getLast().deliveryDetail()).isEqualTo("held: SMTP not configured (spring.mail.host)");

        PageBrowser lead = signedIn(Role.LEAD);
        Matcher held = HELD.matcher(lead.get("/admin/channels").body());
        assertThat(held.find()).isTrue();
        assertThat(Integer.parseInt(held.group(1))).isPositive();
        assertThat(lead.get("/desk/queues/mine").body()).containsPattern("\\d+ messages? waits? to be sent");
        assertThat(lead.get("/desk/queues/mine", "Accept-Language", "pt-PT").body()).containsPattern("\\d+ mensage(m|ns) aguarda");
    }

    @Test
    void healthNamesEachChannelsStateAndStaysUp() {
        Answer anyone = api.get("/actuator/health", null);
        assertThat(anyone.status()).isEqualTo(200);
        JsonNode health = anyone.json();
        assertThat(health.path("status").asString()).as("a channel not configured does not take the desk down").isEqualTo("UP");
        for (String channel : new String[] {"email", "mailbox", "whatsapp"}) {
            assertThat(health.path("components").path(channel).path("status").asString()).as(channel).isEqualTo("UNKNOWN");
        }
        assertThat(health.path("components").path("email").has("details")).as("causes only for an administrator").isFalse();

        HttpResponse<String> signedIn = new PageBrowser(port).signIn(ADMIN_EMAIL, ADMIN_PASSWORD)
                .get("/actuator/health", "Accept", "application/json");
        assertThat(signedIn.statusCode()).isEqualTo(200);
        String detailed = signedIn.body().replace(" ", "");
        assertThat(detailed).as("an administrator reads the causes").contains(
                "\"email\":{\"details\":{\"state\":\"notconfigured\",\"cause\":\"SMTPnotconfigured(spring.mail.host)\"",
                "\"cause\":\"noIMAPmailboxconfigured(atende.email.mailboxes)\"");
    }

    @Test
    void thePortalSaysAnswersAppearThereWhileMailDoesNotGo() {
        TicketView t = desk.fromCustomer(word + " portal", "Olá", Channel.PORTAL, null, null);
        String email = unique("cliente") + "@customer.example";
        identity.createUser(new UserDraft(email, "Cliente " + word, Role.CUSTOMER, desk.organisation, desk.contact.id(), null, true,
                DeskFixture.PASSWORD));
        PageBrowser customer = new PageBrowser(port).signIn(email, DeskFixture.PASSWORD);
        String page = "/portal/tickets/" + t.number() + "?created";
        assertThat(customer.get(page).body()).contains("Our answers will appear here, on this page.").doesNotContain("by e-mail");
        assertThat(customer.get(page, "Accept-Language", "pt-PT").body())
                .contains("As nossas respostas aparecerão aqui, nesta página.").doesNotContain("por e-mail");
        assertThat(customer.get(page, "Accept-Language", "es").body())
                .contains("Nuestras respuestas aparecerán aquí, en esta página.").doesNotContain("por correo");
    }

    @Test
    void aNoteWrittenInTheDeskCarriesTheDeskChannel() {
        TicketView t = desk.fromCustomer(word + " nota", "Olá", Channel.EMAIL, null, null);
        PageBrowser agent = new PageBrowser(port).signIn(desk.agentEmail, DeskFixture.PASSWORD);
        String page = "/desk/tickets/" + t.number();
        assertThat(agent.submit(page, page + "/reply", Map.of("body", "Só para a equipa", "intent", "note")).statusCode())
                .isEqualTo(302);
        assertThat(tickets.messagesOf(t.id()).getLast().channel()).isEqualTo(Channel.DESK);
        assertThat(agent.get(page).body()).contains("Desk");
        assertThat(agent.get(page, "Accept-Language", "pt-PT").body()).contains("Painel de atendimento");
    }

    @Test
    void theFaviconIsServedToAnyoneAndLinkedFromEveryPage() {
        PageBrowser nobody = new PageBrowser(port);
        HttpResponse<byte[]> svg = nobody.download("/favicon.svg");
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type")).hasValueSatisfying(c -> assertThat(c).startsWith("image/svg+xml"));
        HttpResponse<byte[]> ico = nobody.download("/favicon.ico");
        assertThat(ico.statusCode()).isEqualTo(200);
        assertThat(ico.body()).startsWith((byte) 0, (byte) 0, (byte) 1, (byte) 0); // an ICO header: reserved 0, type 1 (icon)
        assertThat(nobody.get("/login").body()).contains("rel=\"icon\" type=\"image/svg+xml\" href=\"/favicon.svg\"",
                "href=\"/favicon.ico\"");
    }
}
