package org.atende.web.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.atende.customers.Customers;
import org.atende.identity.Role;
import org.atende.identity.UserDraft;
import org.atende.identity.UserSummary;
import org.atende.support.ApiIntegrationSupport;
import org.atende.tickets.Channel;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The bulk toolbar on a saved view's page over real HTTP: the same ticks and toolbar as a queue, "select all"
 * takes every ticket of the view's filter (not the page, not what the filter leaves out), the confirmation and
 * the summary lead back to the view, and a view the agent may not see takes no change.
 */
class ViewBulkPagesIntegrationTests extends ApiIntegrationSupport {

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
    SavedView urgent;

    @BeforeEach
    void anAgentWithAViewOfHerOrganisationsHighPriorityTickets() {
        word = unique("Vista");
        long org = createOrganisation();
        desk = new DeskFixture(identity, customers, tickets, word, org, createContact(org, unique("ana") + "@customer.example"));
        colleague = identity.createUser(new UserDraft(unique("tiago") + "@vendor.example", "Tiago " + word, Role.AGENT, null, null,
                null, true, DeskFixture.PASSWORD));
        TicketFilter filter = new TicketFilter(null, Set.of(Priority.HIGH), org, null, null, null, null, null, null, null, null,
                null, null, null, null);
        urgent = views.create(new ViewDraft("Urgentes " + word, null, null, filter, null,
                List.of(ViewColumn.NUMBER, ViewColumn.SUBJECT, ViewColumn.ASSIGNEE)), desk.agent);
        browser = new PageBrowser(port).signIn(desk.agentEmail, DeskFixture.PASSWORD);
    }

    private TicketView high(String subject) {
        return desk.change(other(subject), TicketChanges.priority(Priority.HIGH));
    }

    private TicketView other(String subject) {
        return desk.fromCustomer(word + " " + subject, "Não consigo exportar", Channel.EMAIL, null, null);
    }

    private String viewPage() {
        return "/desk/views/" + urgent.id();
    }

    private HttpResponse<String> post(List<Map.Entry<String, String>> fields, String language) {
        return browser.submitAll(viewPage(), viewPage() + "/bulk", fields, language);
    }

    /** Follows the redirect back to the view, where the summary is shown once. */
    private String summary(HttpResponse<String> answer, String language) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        String location = answer.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(location).startsWith(viewPage());
        String page = browser.get(location, "Accept-Language", language).body();
        assertThat(page).contains("id=\"bulk-summary\"");
        return page;
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
        List<TicketView> ts = new ArrayList<>();
        for (int i = 0; i < DeskQueues.PAGE_SIZE + 5; i++) {
            ts.add(high("urgent " + i));
        }
        TicketView notInTheView = other("calm");
        assertThat(browser.get(viewPage()).body()).contains("data-total=\"" + ts.size() + "\"");

        String page = summary(post(List.of(Map.entry("scope", "all"), Map.entry("page", "1"), Map.entry("action", "assign"),
                Map.entry("assignee", String.valueOf(colleague.id().value()))), "en"), "en");

        assertThat(page).contains("Assign to Tiago " + word, ts.size() + " changed").doesNotContain("refused");
        ts.forEach(t -> assertThat(tickets.lookup(t.id()).orElseThrow().assigneeId()).isEqualTo(colleague.id()));
        assertThat(tickets.lookup(notInTheView.id()).orElseThrow().assigneeId()).isNull();
    }

    @Test
    void confirmsAClosingWithALinkBackToTheViewThenClosesTheTickedOnes() {
        List<TicketView> ts = List.of(high("close a"), high("close b"));
        TicketView kept = high("kept");
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        ts.forEach(t -> fields.add(Map.entry("ticket", t.id().value() + ":" + t.version())));
        fields.add(Map.entry("action", "close"));

        HttpResponse<String> confirm = post(fields, "pt-PT,pt");

        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Fechar 2 pedidos?", "← Vista “Urgentes " + word + "”",
                "href=\"" + viewPage() + "\"", "action=\"" + viewPage() + "/bulk\"");
        fields.add(Map.entry("confirmed", "true"));
        String page = summary(post(fields, "pt-PT,pt"), "pt-PT,pt");

        assertThat(page).contains("2 alterados");
        ts.forEach(t -> assertThat(tickets.lookup(t.id()).orElseThrow().status()).isEqualTo(TicketStatus.CLOSED));
        assertThat(tickets.lookup(kept.id()).orElseThrow().status()).isEqualTo(TicketStatus.NEW);
    }

    @Test
    void comesBackToThePageOfTheViewItWasPostedFrom() {
        TicketView t = high("paged");

        HttpResponse<String> answer = post(List.of(Map.entry("ticket", t.id().value() + ":" + t.version()), Map.entry("page", "2"),
                Map.entry("after", "cursor-of-page-1"), Map.entry("action", "priority"), Map.entry("priority", "URGENT")), "es-ES,es");

        assertThat(answer.headers().firstValue("Location").orElseThrow())
                .endsWith(viewPage() + "?after=cursor-of-page-1&page=2");
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
