package org.atende.channels.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.atende.channels.portal.PortalBrowser.Upload;
import org.atende.customers.ContactId;
import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.identity.UserDraft;
import org.atende.support.ApiIntegrationSupport;
import org.atende.support.DeskFixtures;
import org.atende.techservice.QuoteDraft;
import org.atende.techservice.QuoteView;
import org.atende.techservice.Quotes;
import org.atende.tickets.Attachments;
import org.atende.tickets.Channel;
import org.atende.tickets.OpenTicket;
import org.atende.tickets.Reply;
import org.atende.tickets.TicketType;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The portal over real HTTP: a customer sees its organisation, and only it, on every page and download. */
class PortalPagesIntegrationTests extends ApiIntegrationSupport {

    static final String PASSWORD = "a customer's long password";

    @LocalServerPort
    int port;

    @Autowired
    Tickets tickets;

    @Autowired
    Attachments attachments;

    @Autowired
    Quotes quotes;

    DeskFixtures fixtures;
    PortalBrowser browser;
    Actor agent;

    @BeforeEach
    void aCustomerInItsBrowser() {
        fixtures = new DeskFixtures(jdbc);
        browser = new PortalBrowser(port);
        agent = fixtures.staff(Role.AGENT, "Agent Smith");
    }

    /** A customer user with a password, of a new organisation on a plan ({@code null} allowance: unlimited). */
    Actor customer(Integer allowance, String policy) {
        long plan = fixtures.plan(fixtures.standardPolicy(), "MEDIUM", allowance, policy);
        OrganisationId org = fixtures.organisation(unique("Org"), plan);
        return customerOf(org);
    }

    Actor customerOf(OrganisationId org) {
        ContactId contact = fixtures.contact(org, "Ana Costa", "EN");
        var user = identity.createUser(new UserDraft(unique("ana") + "@customer.example", "Ana Costa", Role.CUSTOMER, org,
                contact, null, true, PASSWORD));
        return identity.actor(user.id()).orElseThrow();
    }

    void signIn(Actor customer) throws Exception {
        browser.signIn(identity.user(customer.userId()).orElseThrow().email(), PASSWORD);
    }

    TicketView open(Actor customer, String subject, TicketType type) {
        return tickets.open(new OpenTicket(null, null, Channel.PORTAL, subject, "Body of " + subject, type,
                type == TicketType.TECHNICAL_SERVICE ? "bulk_update" : null, null, Set.of()), customer);
    }

    QuoteView sentQuote(TicketView ticket) {
        QuoteView draft = quotes.draft(ticket.id(), new QuoteDraft("Update 300 assets", new BigDecimal("2.5"), 25_000L,
                LocalDate.now().plusDays(20)), agent);
        return quotes.send(draft.id(), agent);
    }

    @Test
    void showsEveryTicketOfTheOrganisationAndNoneOfAnother() throws Exception {
        Actor ana = customer(null, "ACCEPT_AND_FLAG");
        Actor colleague = customerOf(ana.organisationId());
        Actor stranger = customer(null, "ACCEPT_AND_FLAG");
        open(ana, "Printer offline", TicketType.QUESTION);
        open(colleague, "Colleague's report is empty", TicketType.INCIDENT);
        open(stranger, "Stranger's secret ticket", TicketType.QUESTION);
        signIn(ana);

        HttpResponse<String> all = browser.get("/portal?show=all");
        HttpResponse<String> mine = browser.get("/portal?show=mine");

        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains("Printer offline", "Colleague&#39;s report is empty")
                .doesNotContain("Stranger").contains("4 business hours").contains("targets, not guarantees");
        assertThat(mine.body()).contains("Printer offline").doesNotContain("Colleague");
    }

    @Test
    void answersNotFoundForAnotherOrganisationsTicketOnEveryPortalUrl() throws Exception {
        Actor ana = customer(null, "ACCEPT_AND_FLAG");
        Actor stranger = customer(null, "ACCEPT_AND_FLAG");
        TicketView theirs = open(stranger, "Their database work", TicketType.TECHNICAL_SERVICE);
        long file = attachments.attach(theirs.id(), null, "theirs.txt", "text/plain", "private".getBytes(StandardCharsets.UTF_8),
                stranger).id();
        QuoteView quote = sentQuote(theirs);
        signIn(ana);
        browser.get("/portal");
        String base = "/portal/tickets/" + theirs.number();

        assertThat(browser.get(base).statusCode()).isEqualTo(404);
        assertThat(browser.download(base + "/attachments/" + file).statusCode()).isEqualTo(404);
        assertThat(browser.postMultipart(base + "/reply", Map.of("body", "let me in")).statusCode()).isEqualTo(404);
        assertThat(browser.post(base + "/quotes/" + quote.id().value() + "/accept", Map.of()).statusCode()).isEqualTo(404);
        assertThat(browser.post(base + "/quotes/" + quote.id().value() + "/reject", Map.of()).statusCode()).isEqualTo(404);
        assertThat(tickets.messages(theirs.id(), stranger)).hasSize(1);
        assertThat(quotes.get(quote.id(), stranger).state().name()).isEqualTo("SENT");
    }

    @Test
    void answersNotFoundForAQuoteOfAnotherTicketUnderOwnTicketsNumber() throws Exception {
        Actor ana = customer(null, "ACCEPT_AND_FLAG");
        Actor stranger = customer(null, "ACCEPT_AND_FLAG");
        TicketView own = open(ana, "Our database work", TicketType.TECHNICAL_SERVICE);
        QuoteView theirs = sentQuote(open(stranger, "Their work", TicketType.TECHNICAL_SERVICE));
        signIn(ana);
        browser.get("/portal/tickets/" + own.number());

        var accepted = browser.post("/portal/tickets/" + own.number() + "/quotes/" + theirs.id().value() + "/accept", Map.of());

        assertThat(accepted.statusCode()).isEqualTo(404);
    }

    @Test
    void neverShowsInternalNotes() throws Exception {
        Actor ana = customer(null, "ACCEPT_AND_FLAG");
        TicketView t = open(ana, "Login loop", TicketType.QUESTION);
        tickets.reply(t.id(), new Reply("Internal: customer is on the old build", true, null, null), agent);
        tickets.reply(t.id(), Reply.publicly("Please clear the cache and try again."), agent);
        signIn(ana);

        HttpResponse<String> page = browser.get("/portal/tickets/" + t.number());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Please clear the cache and try again.", "Support Team", "First response: met")
                .doesNotContain("old build");
    }

    @Test
    void escapesWhatCustomersWrote() throws Exception {
        Actor ana = customer(null, "ACCEPT_AND_FLAG");
        TicketView t = open(ana, "<script>alert('x')</script>", TicketType.QUESTION);
        signIn(ana);

        String list = browser.get("/portal").body();
        String page = browser.get("/portal/tickets/" + t.number()).body();

        assertThat(list).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(page).doesNotContain("<script>alert").contains("&lt;script&gt;");
    }

    @Test
    void repliesWithAnAttachmentThatDownloadsAsAFile() throws Exception {
        Actor ana = customer(null, "ACCEPT_AND_FLAG");
        TicketView t = open(ana, "Export fails", TicketType.QUESTION);
        signIn(ana);
        browser.get("/portal/tickets/" + t.number());

        HttpResponse<String> sent = browser.postMultipart("/portal/tickets/" + t.number() + "/reply",
                Map.of("body", "Here is the log."), new Upload("export.log.txt", "text/plain", "line 1\nline 2".getBytes(StandardCharsets.UTF_8)));
        var file = attachments.of(t.id(), ana).getFirst();
        HttpResponse<byte[]> download = browser.download("/portal/tickets/" + t.number() + "/attachments/" + file.id());

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        assertThat(browser.get("/portal/tickets/" + t.number()).body()).contains("Here is the log.", "export.log.txt");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(new String(download.body(), StandardCharsets.UTF_8)).isEqualTo("line 1\nline 2");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).startsWith("attachment"));
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void refusesAFileWhoseBytesAreNotItsDeclaredTypeAndKeepsNoMessage() throws Exception {
        Actor ana = customer(null, "ACCEPT_AND_FLAG");
        TicketView t = open(ana, "Screenshot", TicketType.QUESTION);
        signIn(ana);
        browser.get("/portal/tickets/" + t.number());

        HttpResponse<String> sent = browser.postMultipart("/portal/tickets/" + t.number() + "/reply",
                Map.of("body", "See the picture."), new Upload("shot.png", "image/png", "not a png".getBytes(StandardCharsets.UTF_8)));

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("Not sent:", "image/png");
        assertThat(tickets.messages(t.id(), ana)).hasSize(1);
    }

    @Test
    void saysTheAllowanceIsUsedUpBeforeTheFormAndStillOpensTechnicalService() throws Exception {
        Actor ana = customer(1, "REFUSE");
        open(ana, "The month's only ticket", TicketType.QUESTION);
        signIn(ana);

        String home = browser.get("/portal").body();
        String form = browser.get("/portal/tickets/new").body();
        HttpResponse<String> support = browser.postMultipart("/portal/tickets",
                Map.of("kind", "support", "subject", "One more", "description", "Please"));
        browser.get("/portal/tickets/new?kind=technical");
        HttpResponse<String> technical = browser.postMultipart("/portal/tickets", Map.of("kind", "technical",
                "category", "restore_deleted_items", "subject", "Restore deleted assets", "description", "Deleted yesterday"));

        assertThat(home).contains("support tickets are used up");
        assertThat(form).contains("used up", "includes 1 support tickets a month and 1 have been used");
        assertThat(form.indexOf("id=\"quota-exhausted\"")).isLessThan(form.indexOf("id=\"new-request\""));
        assertThat(form).doesNotContain("name=\"priority\"").contains("name=\"category\"");
        assertThat(support.statusCode()).isEqualTo(200);
        assertThat(support.body()).contains("id=\"quota-exhausted\"").doesNotContain("Something went wrong");
        assertThat(technical.statusCode()).as(technical.body()).isEqualTo(302);
        long number = Long.parseLong(technical.headers().firstValue("Location").orElseThrow().replaceAll(".*/tickets/(\\d+).*", "$1"));
        TicketView opened = tickets.getByNumber(number, ana);
        assertThat(opened.type()).isEqualTo(TicketType.TECHNICAL_SERVICE);
        assertThat(opened.category()).isEqualTo("restore_deleted_items");
    }

    @Test
    void opensASupportRequestWithTheSuggestedPriorityAndAFile() throws Exception {
        Actor ana = customer(null, "ACCEPT_AND_FLAG");
        signIn(ana);
        browser.get("/portal/tickets/new");

        HttpResponse<String> sent = browser.postMultipart("/portal/tickets", Map.of("kind", "support",
                "subject", "Dashboard is slow", "description", "Since Monday", "priority", "HIGH"),
                new Upload("timings.csv", "text/csv", "a,b\n1,2".getBytes(StandardCharsets.UTF_8)));

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        long number = Long.parseLong(sent.headers().firstValue("Location").orElseThrow().replaceAll(".*/tickets/(\\d+).*", "$1"));
        TicketView opened = tickets.getByNumber(number, ana);
        assertThat(opened.suggestedPriority()).hasToString("HIGH");
        assertThat(opened.channel()).isEqualTo(Channel.PORTAL);
        assertThat(browser.get("/portal/tickets/" + number + "?created").body()).contains("timings.csv", "Your request is open",
                "First response: due by");
    }

    @Test
    void acceptsAndRejectsSentQuotes() throws Exception {
        Actor ana = customer(null, "ACCEPT_AND_FLAG");
        TicketView first = open(ana, "Bulk update", TicketType.TECHNICAL_SERVICE);
        TicketView second = open(ana, "File load", TicketType.TECHNICAL_SERVICE);
        QuoteView toAccept = sentQuote(first);
        QuoteView toReject = sentQuote(second);
        signIn(ana);

        String page = browser.get("/portal/tickets/" + first.number()).body();
        var accepted = browser.post("/portal/tickets/" + first.number() + "/quotes/" + toAccept.id().value() + "/accept", Map.of());
        browser.get("/portal/tickets/" + second.number());
        var rejected = browser.post("/portal/tickets/" + second.number() + "/quotes/" + toReject.id().value() + "/reject",
                Map.of("reason", "Too expensive"));

        assertThat(page).contains("Update 300 assets", "250.00", "Accept quote", "Reject quote");
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(rejected.statusCode()).isEqualTo(302);
        assertThat(quotes.get(toAccept.id(), ana).state().name()).isEqualTo("ACCEPTED");
        assertThat(quotes.get(toReject.id(), ana).state().name()).isEqualTo("REJECTED");
        assertThat(quotes.get(toReject.id(), ana).rejectionReason()).isEqualTo("Too expensive");
        assertThat(browser.get("/portal/tickets/" + first.number()).body()).contains("Accepted").doesNotContain("Accept quote");
    }
}
