package org.atende.channels.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.atende.channels.api.AgentFilesFixtures;
import org.atende.customers.ContactId;
import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.identity.UserDraft;
import org.atende.support.ApiIntegrationSupport;
import org.atende.support.DeskFixtures;
import org.atende.tickets.Channel;
import org.atende.tickets.OpenTicket;
import org.atende.tickets.TicketChanges;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The desk's and the portal's pages for agents' files and ratings over real HTTP with signed-in sessions: the
 * desk's reply and note forms take files; pictures and the PDF view carry safe headers; a note's file is in
 * no portal page, download or preview; the portal's prompt rates, and the desk's card shows it.
 */
class FilePreviewAndRatingPagesIntegrationTests extends ApiIntegrationSupport {

    static final String PASSWORD = "a long password for the pages";

    @LocalServerPort
    int port;

    @Autowired
    Tickets tickets;

    PortalBrowser desk;
    PortalBrowser portal;
    Actor customer;
    TicketView ticket;

    @BeforeEach
    void anAgentAndACustomerSignedIn() throws Exception {
        DeskFixtures fixtures = new DeskFixtures(jdbc);
        OrganisationId org = fixtures.organisation(unique("Org"), fixtures.plan(fixtures.standardPolicy(), "MEDIUM"));
        ContactId contact = fixtures.contact(org, "Joana Matos", "PT");
        String customerEmail = unique("joana") + "@padaria.example";
        customer = identity.actor(identity.createUser(new UserDraft(customerEmail, "Joana Matos", Role.CUSTOMER, org, contact, null,
                true, PASSWORD)).id()).orElseThrow();
        String agentEmail = unique("ines") + "@atende.example";
        identity.createUser(new UserDraft(agentEmail, "Inês Duarte", Role.AGENT, null, null, null, true, PASSWORD));
        ticket = tickets.open(new OpenTicket(null, null, Channel.PORTAL, "A fatura não sai", "Dá erro ao gerar o PDF.", null, null,
                null, java.util.Set.of()), customer);
        desk = new PortalBrowser(port);
        desk.signIn(agentEmail, PASSWORD);
        portal = new PortalBrowser(port);
        portal.signIn(customerEmail, PASSWORD);
    }

    @Test
    void deskFormsTakeFilesAndPreviewsAreServedWithoutScriptWhileANotesFileStaysOnTheDesk() throws Exception {
        String page = "/desk/tickets/" + ticket.number();
        desk.get(page);
        HttpResponse<String> replied = desk.postMultipart(page + "/reply", Map.of("body", "Segue a fatura corrigida.", "intent", "reply"),
                new PortalBrowser.Upload("fatura.pdf", "application/pdf", AgentFilesFixtures.pdf("Fatura 42")),
                new PortalBrowser.Upload("ecra.png", "image/png", AgentFilesFixtures.png(900, 500)));
        assertThat(replied.statusCode()).as(replied.body()).isEqualTo(302);
        desk.get(page);
        HttpResponse<String> noted = desk.postMultipart(page + "/reply", Map.of("body", "Registo interno.", "intent", "note"),
                new PortalBrowser.Upload("registo-interno.pdf", "application/pdf", AgentFilesFixtures.pdf("interno")));
        assertThat(noted.statusCode()).isEqualTo(302);
        desk.get(page);
        HttpResponse<String> refused = desk.postMultipart(page + "/reply", Map.of("body", "Veja", "intent", "reply"),
                new PortalBrowser.Upload("x.svg", "image/svg+xml", "<svg><script>alert(1)</script></svg>".getBytes()));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("not accepted");

        List<Long> files = jdbc.sql("SELECT id FROM attachment WHERE ticket_id = ? ORDER BY id").param(ticket.id().value())
                .query(Long.class).list();
        assertThat(files).hasSize(3);
        String deskPage = desk.get(page).body();
        assertThat(deskPage).contains(page + "/attachments/" + files.get(0) + "/preview").contains("loading=\"lazy\"")
                .contains("registo-interno.pdf");

        HttpResponse<byte[]> thumbnail = desk.download(page + "/attachments/" + files.get(1) + "/preview");
        assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(thumbnail.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(thumbnail.headers().allValues("Content-Security-Policy")).singleElement()
                .satisfies(csp -> assertThat(csp).contains("default-src 'none'").contains("sandbox"));
        HttpResponse<byte[]> view = desk.download(page + "/attachments/" + files.get(0) + "/view");
        assertThat(view.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(view.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline");
        assertThat(view.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'")
                .doesNotContain("script-src");

        String portalPage = portal.get("/portal/tickets/" + ticket.number()).body();
        assertThat(portalPage).contains("fatura.pdf").contains("/portal/tickets/" + ticket.number() + "/attachments/" + files.get(0) + "/preview")
                .doesNotContain("registo-interno").doesNotContain("Registo interno");
        String base = "/portal/tickets/" + ticket.number() + "/attachments/" + files.get(2);
        assertThat(portal.download(base).statusCode()).isEqualTo(404);
        assertThat(portal.download(base + "/preview").statusCode()).isEqualTo(404);
        assertThat(portal.download(base + "/view").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> portalThumb = portal.download("/portal/tickets/" + ticket.number() + "/attachments/" + files.get(0) + "/preview");
        assertThat(portalThumb.statusCode()).isEqualTo(200);
        assertThat(portalThumb.headers().firstValue("Content-Type")).hasValue("image/png");
    }

    @Test
    void theRequesterRatesInThePortalAndTheDeskCardShowsIt() throws Exception {
        Actor agent = identity.actor(identity.userByEmail(ADMIN_EMAIL).orElseThrow().id()).orElseThrow();
        tickets.update(ticket.id(), TicketChanges.status(TicketStatus.RESOLVED), agent);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT COUNT(*) FROM satisfaction_survey WHERE ticket_id = ?")
                .param(ticket.id().value()).query(Long.class).single() == 1);
        String prompt = portal.get("/portal/tickets/" + ticket.number() + "/satisfaction").body();
        assertThat(prompt).contains("name=\"rating\"").contains("value=\"GOOD\"");
        portal.get("/portal/tickets/" + ticket.number());
        HttpResponse<String> rated = portal.post("/portal/tickets/" + ticket.number() + "/satisfaction",
                Map.of("rating", "BAD", "comment", "Ainda não consigo gerar o PDF."));
        assertThat(rated.statusCode()).isEqualTo(302);
        assertThat(rated.headers().firstValue("Location").orElseThrow()).contains("rated=recorded");
        String card = desk.get("/desk/tickets/" + ticket.number() + "/satisfaction").body();
        assertThat(card).contains("Bad").contains("Ainda não consigo gerar o PDF.").contains("Portal");
        assertThat(portal.get("/desk/tickets/" + ticket.number() + "/satisfaction").statusCode()).isEqualTo(403);

        String month = java.time.YearMonth.now(java.time.ZoneId.of("Europe/Lisbon")).toString();
        assertThat(portal.get("/portal/reports/" + month).body()).contains("/portal/reports/" + month + "/satisfaction");
        String section = portal.get("/portal/reports/" + month + "/satisfaction").body();
        assertThat(section).contains("Customer satisfaction").containsPattern("<dd>0 %</dd>").containsPattern("<dd>1</dd>");
        long org = customer.organisationId().value();
        assertThat(desk.get("/reports/organisations/" + org + "/" + month + "/satisfaction").statusCode())
                .as("the staff section is for leads and admins").isEqualTo(403);
        PortalBrowser admin = new PortalBrowser(port);
        admin.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(admin.get("/reports/organisations/" + org + "/" + month + "/satisfaction").body()).containsPattern("<dd>1</dd>");
        HttpResponse<byte[]> csv = admin.download("/reports/satisfaction.csv?by=ORGANISATION&organisationId=" + org);
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat(new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("organisation,name,rated,good,bad,comments,good_share\r\n").contains(",1,0,1,1,0.0\r\n");
        assertThat(admin.get("/reports/satisfaction?by=TEAM").body()).contains("satisfaction-table").contains("Satisfaction");
    }

    @Test
    void anUnknownLinkAnswersNotFoundWithoutSigningIn() throws Exception {
        PortalBrowser anonymous = new PortalBrowser(port);
        HttpResponse<String> unknown = anonymous.get("/satisfaction/" + "A".repeat(43) + "/good");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("This link is not known");
        assertThat(unknown.headers().firstValue("Referrer-Policy")).as("the token never leaves in a Referer").hasValue("no-referrer");
        assertThat(unknown.headers().firstValue("Cache-Control")).hasValue("no-store");
    }
}
