package org.atende.web.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

import org.atende.customers.Customers;
import org.atende.identity.Role;
import org.atende.identity.UserDraft;
import org.atende.identity.UserSummary;
import org.atende.support.ApiIntegrationSupport;
import org.atende.tickets.Channel;
import org.atende.tickets.ClosedAs;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketChanges;
import org.atende.tickets.TicketFilter;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.atende.views.SavedView;
import org.atende.views.SavedViews;
import org.atende.views.ViewColumn;
import org.atende.views.ViewDraft;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The bulk toolbar of a queue and of a saved view over real HTTP: the ticks, the confirmation, the summary and its
 * refusals, in three languages.
 */
class DeskBulkPagesIntegrationTests extends ApiIntegrationSupport {

    @LocalServerPort
    int port;

    @Autowired
    Tickets tickets;

    @Autowired
    Customers customers;

    @Autowired
    SavedViews views;

    DeskFixture desk;
    PageBrowser browser;
    UserSummary colleague;
    String word;

    @BeforeEach
    void anAgentSignedInAndAColleague() {
        word = unique("Bulk");
        long org = createOrganisation();
        desk = new DeskFixture(identity, customers, tickets, word, org, createContact(org, unique("ana") + "@customer.example"));
        colleague = identity.createUser(new UserDraft(unique("tiago") + "@vendor.example", "Tiago " + word, Role.AGENT, null, null,
                null, true, DeskFixture.PASSWORD));
        browser = new PageBrowser(port).signIn(desk.agentEmail, DeskFixture.PASSWORD);
    }

    private TicketView open(String subject) {
        return desk.fromCustomer(word + " " + subject, "Não consigo exportar", Channel.EMAIL, null, null);
    }

    private static List<Map.Entry<String, String>> ticked(List<TicketView> ts, String... fields) {
        List<Map.Entry<String, String>> all = new ArrayList<>();
        ts.forEach(t -> all.add(Map.entry("ticket", t.id().value() + ":" + t.version())));
        for (int i = 0; i < fields.length; i += 2) {
            all.add(Map.entry(fields[i], fields[i + 1]));
        }
        return all;
    }

    private HttpResponse<String> post(String queue, List<Map.Entry<String, String>> fields, String language) {
        return browser.submitAll("/desk/queues/" + queue, "/desk/queues/" + queue + "/bulk", fields, language);
    }

    /** Five tickets more than a page holds, the {@code i}th opened by {@code open}. */
    private static List<TicketView> moreThanAPage(IntFunction<TicketView> open) {
        List<TicketView> ts = new ArrayList<>();
        for (int i = 0; i < DeskQueues.PAGE_SIZE + 5; i++) {
            ts.add(open.apply(i));
        }
        return ts;
    }

    /** Follows the redirect back to the queue, where the summary is shown once. */
    private String summary(HttpResponse<String> answer, String language) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        String location = answer.headers().firstValue("Location").orElseThrow();
        String page = browser.get(location.replaceFirst("^https?://[^/]+", ""), "Accept-Language", language).body();
        assertThat(page).contains("id=\"bulk-summary\"");
        return page;
    }

    @Test
    void theQueueHasATickPerRowWithItsVersionAndTheToolbarWithItsChoices() {
        TicketView t = open("row");

        String page = browser.get("/desk/queues/unassigned?q=" + word).body();

        assertThat(page).contains("id=\"pick-page\"", "form=\"bulk\"", "value=\"" + t.id().value() + ":" + t.version() + "\"",
                "data-number=\"" + t.number() + "\"", "id=\"bulk\"", "Tiago " + word, "<kbd>x</kbd>", "/js/bulk.js",
                "data-total=\"1\"");
        assertThat(page).doesNotContain("id=\"bulk-summary\"");
    }

    @Test
    void assignsTheTickedTicketsAndSaysHowManyChanged() {
        List<TicketView> ts = List.of(open("a"), open("b"), open("c"));

        String page = summary(post("unassigned", ticked(ts, "action", "assign", "assignee", String.valueOf(colleague.id().value()),
                "q", word), "en"), "en");

        assertThat(page).contains("Assign to Tiago " + word, "3 changed").doesNotContain("refused");
        ts.forEach(t -> assertThat(tickets.lookup(t.id()).orElseThrow().assigneeId()).isEqualTo(colleague.id()));
        assertThat(browser.get("/desk/queues/unassigned?q=" + word).body()).as("shown once").doesNotContain("id=\"bulk-summary\"");
    }

    @Test
    void confirmsAClosingStatingHowManyBeforeClosingAny() {
        List<TicketView> ts = List.of(open("close a"), open("close b"));

        HttpResponse<String> confirm = post("unassigned", ticked(ts, "action", "close", "q", word), "pt-PT,pt");

        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Fechar 2 pedidos?", "Fechar 2 pedidos</span>", "#" + ts.get(0).number(),
                "name=\"confirmed\" value=\"true\"", "são resolvidos agora");
        assertThat(tickets.lookup(ts.get(0).id()).orElseThrow().status()).isEqualTo(TicketStatus.NEW);

        List<Map.Entry<String, String>> confirmed = ticked(ts, "action", "close", "q", word, "confirmed", "true");
        String page = summary(post("unassigned", confirmed, "pt-PT,pt"), "pt-PT,pt");

        assertThat(page).contains("Fechar", "2 alterados");
        ts.forEach(t -> assertThat(tickets.lookup(t.id()).orElseThrow().status()).isEqualTo(TicketStatus.CLOSED));
    }

    @Test
    void listsEachRefusedTicketWithWhyInTheAgentsLanguageLinkedToIt() {
        TicketView stale = open("stale");
        TicketView closed = desk.change(open("closed"), TicketChanges.status(TicketStatus.RESOLVED));
        closed = desk.change(closed, TicketChanges.status(TicketStatus.CLOSED));
        TicketView fine = open("fine");
        List<Map.Entry<String, String>> fields = ticked(List.of(stale, closed, fine), "action", "status", "status", "OPEN",
                "q", word);
        desk.change(stale, TicketChanges.status(TicketStatus.ON_HOLD)); // changed after the page showed it

        String pt = summary(post("all", fields, "pt-PT,pt"), "pt-PT,pt");

        assertThat(pt).contains("Definir o estado: Aberto", "1 alterado", "2 recusados",
                "href=\"/desk/tickets/" + stale.number() + "\"", "alterado por outra pessoa depois de o selecionar",
                "href=\"/desk/tickets/" + closed.number() + "\"", "não pode passar de Fechado para Aberto (permitido: nada, está fechado)");
        assertThat(tickets.lookup(fine.id()).orElseThrow().status()).isEqualTo(TicketStatus.OPEN);
        assertThat(tickets.lookup(stale.id()).orElseThrow().status()).isEqualTo(TicketStatus.ON_HOLD);

        String es = summary(post("all", ticked(List.of(closed), "action", "status", "status", "OPEN", "q", word), "es-ES,es"),
                "es-ES,es");
        assertThat(es).contains("Cambiar el estado: Abierto", "no puede pasar de Cerrado a Abierto");
    }

    @Test
    void selectsEveryTicketOfTheQueueAndItsSearchNotOnlyThePage() {
        List<TicketView> ts = moreThanAPage(i -> open("many " + i));
        TicketView other = desk.fromCustomer("Something else entirely", "body", Channel.EMAIL, null, null);
        assertThat(browser.get("/desk/queues/unassigned?q=" + word).body()).contains("data-total=\"" + ts.size() + "\"");

        String page = summary(post("unassigned", List.of(Map.entry("scope", "all"), Map.entry("q", word),
                Map.entry("action", "priority"), Map.entry("priority", "HIGH")), "en"), "en");

        assertThat(page).contains(ts.size() + " changed");
        ts.forEach(t -> assertThat(tickets.lookup(t.id()).orElseThrow().priority().name()).isEqualTo("HIGH"));
        assertThat(tickets.lookup(other.id()).orElseThrow().priority().name()).isNotEqualTo("HIGH");
    }

    @Test
    void mergesIntoATicketChosenByNumberAfterConfirming() {
        TicketView target = open("target");
        List<TicketView> dups = List.of(open("dup a"), open("dup b"));

        HttpResponse<String> confirm = post("unassigned", ticked(dups, "action", "merge", "mergeIntoNumber", "#" + target.number(),
                "q", word), "es-ES,es");
        assertThat(confirm.body()).contains("¿Fusionar 2 tickets en #" + target.number());
        String page = summary(post("unassigned", ticked(dups, "action", "merge", "mergeIntoNumber", "#" + target.number(),
                "q", word, "confirmed", "true"), "es-ES,es"), "es-ES,es");

        assertThat(page).contains("Fusionar en #" + target.number(), "2 cambiados", "href=\"/desk/tickets/" + target.number() + "\"");
        dups.forEach(d -> assertThat(tickets.lookup(d.id()).orElseThrow().closedAs()).isEqualTo(ClosedAs.DUPLICATE));
    }

    @Test
    void marksSpamAfterConfirming() {
        TicketView junk = open("watches");
        assertThat(post("unassigned", ticked(List.of(junk), "action", "spam", "q", word), "en").body())
                .contains("Mark 1 ticket as spam?");
        String page = summary(post("unassigned", ticked(List.of(junk), "action", "spam", "q", word, "confirmed", "true"), "en"), "en");
        assertThat(page).contains("Mark as spam", "1 changed");
        assertThat(tickets.lookup(junk.id()).orElseThrow().closedAs()).isEqualTo(ClosedAs.SPAM);
    }

    @Test
    void saysWhatIsMissingWhenNothingIsTickedOrChosen() {
        TicketView t = open("missing");
        assertThat(summary(post("unassigned", List.of(Map.entry("action", "assign"), Map.entry("q", word)), "en"), "en"))
                .contains("Nothing was changed", "Select tickets first.");
        assertThat(summary(post("unassigned", ticked(List.of(t), "action", "priority", "priority", "", "q", word), "pt-PT,pt"),
                "pt-PT,pt")).contains("Nada foi alterado", "Escolha primeiro o valor a definir.");
        assertThat(summary(post("unassigned", ticked(List.of(t), "action", "merge", "mergeIntoNumber", "99999999", "q", word),
                "en"), "en")).contains("No ticket has that number.");
    }

    @Test
    void customersCannotPostTheToolbar() {
        long org = createOrganisation();
        long contact = createContact(org, unique("rita") + "@customer.example");
        String email = unique("rita") + "@customer.example";
        identity.createUser(new UserDraft(email, "Rita", Role.CUSTOMER, new org.atende.customers.OrganisationId(org),
                new org.atende.customers.ContactId(contact), null, true, DeskFixture.PASSWORD));
        TicketView t = open("customer");
        PageBrowser customer = new PageBrowser(port);
        customer.signIn(email, DeskFixture.PASSWORD);
        HttpResponse<String> answer = customer.submitAll("/portal", "/desk/queues/all/bulk",
                ticked(List.of(t), "action", "close", "confirmed", "true"), "en");
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(tickets.lookup(t.id()).orElseThrow().status()).isEqualTo(TicketStatus.NEW);
    }

    /**
     * The same toolbar on a saved view's page: "select all" takes every ticket of the view's filter (not the page,
     * not what the filter leaves out), the confirmation and the summary lead back to the view, and a view the agent
     * may not see takes no change.
     */
    @Nested
    class OnASavedView {

        SavedView urgent;

        @BeforeEach
        void aViewOfTheOrganisationsHighPriorityTickets() {
            TicketFilter filter = new TicketFilter(null, Set.of(Priority.HIGH), desk.organisation.value(), null, null, null, null,
                    null, null, null, null, null, null, null, null);
            urgent = views.create(new ViewDraft("Urgentes " + word, null, null, filter, null,
                    List.of(ViewColumn.NUMBER, ViewColumn.SUBJECT, ViewColumn.ASSIGNEE)), desk.agent);
        }

        private TicketView high(String subject) {
            return desk.change(open(subject), TicketChanges.priority(Priority.HIGH));
        }

        private String viewPage() {
            return "/desk/views/" + urgent.id();
        }

        private HttpResponse<String> post(List<Map.Entry<String, String>> fields, String language) {
            return browser.submitAll(viewPage(), viewPage() + "/bulk", fields, language);
        }

        /** The summary, on the view the change was posted from. */
        private String backOnTheView(HttpResponse<String> answer, String language) {
            assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains(viewPage()));
            return summary(answer, language);
        }

        @Test
        void theViewHasTheQueuesTicksAndToolbarPostingToTheView() {
            TicketView t = high("row");

            String page = browser.get(viewPage()).body();

            assertThat(page).contains("id=\"pick-page\"", "form=\"bulk\"", "value=\"" + t.id().value() + ":" + t.version() + "\"",
                    "data-number=\"" + t.number() + "\"", "id=\"bulk\"", "action=\"" + viewPage() + "/bulk\"", "Tiago " + word,
                    "/js/bulk.js", "id=\"queue-list\"", "data-total=\"1\"");
            assertThat(page).doesNotContain("id=\"bulk-summary\"", "name=\"q\"");
        }

        @Test
        void selectsEveryTicketOfTheViewsFilterNotOnlyThePageAndAssignsThem() {
            List<TicketView> ts = moreThanAPage(i -> high("urgent " + i));
            TicketView notInTheView = open("calm");
            assertThat(browser.get(viewPage()).body()).contains("data-total=\"" + ts.size() + "\"");

            String page = backOnTheView(post(List.of(Map.entry("scope", "all"), Map.entry("page", "1"), Map.entry("action", "assign"),
                    Map.entry("assignee", String.valueOf(colleague.id().value()))), "en"), "en");

            assertThat(page).contains("Assign to Tiago " + word, ts.size() + " changed").doesNotContain("refused");
            ts.forEach(t -> assertThat(tickets.lookup(t.id()).orElseThrow().assigneeId()).isEqualTo(colleague.id()));
            assertThat(tickets.lookup(notInTheView.id()).orElseThrow().assigneeId()).isNull();
        }

        @Test
        void confirmsAClosingWithALinkBackToTheViewThenClosesTheTickedOnes() {
            List<TicketView> ts = List.of(high("close a"), high("close b"));
            TicketView kept = high("kept");

            HttpResponse<String> confirm = post(ticked(ts, "action", "close"), "pt-PT,pt");

            assertThat(confirm.statusCode()).isEqualTo(200);
            assertThat(confirm.body()).contains("Fechar 2 pedidos?", "← Vista “Urgentes " + word + "”",
                    "href=\"" + viewPage() + "\"", "action=\"" + viewPage() + "/bulk\"");
            String page = backOnTheView(post(ticked(ts, "action", "close", "confirmed", "true"), "pt-PT,pt"), "pt-PT,pt");

            assertThat(page).contains("2 alterados");
            ts.forEach(t -> assertThat(tickets.lookup(t.id()).orElseThrow().status()).isEqualTo(TicketStatus.CLOSED));
            assertThat(tickets.lookup(kept.id()).orElseThrow().status()).isEqualTo(TicketStatus.NEW);
        }

        @Test
        void comesBackToThePageOfTheViewItWasPostedFrom() {
            TicketView t = high("paged");

            HttpResponse<String> answer = post(ticked(List.of(t), "page", "2", "after", "cursor-of-page-1", "action", "priority",
                    "priority", "URGENT"), "es-ES,es");

            assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith(viewPage() + "?after=cursor-of-page-1&page=2");
            assertThat(tickets.lookup(t.id()).orElseThrow().priority()).isEqualTo(Priority.URGENT);
        }

        @Test
        void anotherAgentsPersonalViewIsNotFoundAndChangesNothing() {
            TicketView t = high("private");
            String email = unique("rui") + "@vendor.example";
            identity.createUser(new UserDraft(email, "Rui " + word, Role.AGENT, null, null, null, true, DeskFixture.PASSWORD));
            PageBrowser rui = new PageBrowser(port).signIn(email, DeskFixture.PASSWORD);

            HttpResponse<String> answer = rui.submitAll("/desk/queues/all", viewPage() + "/bulk", List.of(Map.entry("scope", "all"),
                    Map.entry("action", "close"), Map.entry("confirmed", "true")), "en");

            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(tickets.lookup(t.id()).orElseThrow().status()).isEqualTo(TicketStatus.NEW);
        }
    }
}
