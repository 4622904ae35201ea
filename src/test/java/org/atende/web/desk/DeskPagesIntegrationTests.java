package org.atende.web.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.atende.customers.Customers;
import org.atende.tickets.Attachments;
import org.atende.tickets.Channel;
import org.atende.tickets.MessageKind;
import org.atende.tickets.Priority;
import org.atende.tickets.Reply;
import org.atende.tickets.TicketChanges;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketType;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.atende.support.ApiIntegrationSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The agent desk's pages over real HTTP: queues, their order and filters, the ticket page and its forms. */
class DeskPagesIntegrationTests extends ApiIntegrationSupport {

    private static final Pattern ROW = Pattern.compile("<tr class=\"ticket-row\" id=\"row-(\\d+)\"");

    @LocalServerPort
    int port;

    @Autowired
    Tickets tickets;

    @Autowired
    Customers customers;

    @Autowired
    Attachments attachments;

    DeskFixture desk;
    PageBrowser browser;
    String word;

    @BeforeEach
    void anAgentSignedIn() {
        word = unique("Desk");
        long org = createOrganisation();
        desk = new DeskFixture(identity, customers, tickets, word, org, createContact(org, unique("ana") + "@customer.example"));
        browser = new PageBrowser(port).signIn(desk.agentEmail, DeskFixture.PASSWORD);
    }

    @Test
    void sendsTheDeskToTheDefaultQueue() {
        HttpResponse<String> desk = browser.get("/desk");

        assertThat(desk.statusCode()).isEqualTo(302);
        assertThat(desk.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/desk/queues/mine"));
    }

    @Test
    void putsTheTicketThatBreachesFirstInTheFirstRow() {
        TicketView low = desk.assignToAgent(open("low", null, null));
        desk.change(low, TicketChanges.priority(Priority.LOW));
        TicketView urgent = desk.assignToAgent(open("urgent", null, null));
        desk.change(urgent, TicketChanges.priority(Priority.URGENT));
        TicketView late = desk.assignToAgent(open("late", null, Instant.now().minus(Duration.ofDays(10))));

        HttpResponse<String> page = browser.get("/desk/queues/mine");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(rows(page.body())).containsExactly(late.number(), urgent.number(), low.number());
        assertThat(page.body()).contains("class=\"state breached\"").contains("\u2212"); // overdue, with a minus sign
        assertThat(page.body()).contains("aria-current=\"page\"").contains("id=\"count-mine\"");
    }

    @Test
    void showsInEachQueueTheTicketsItHolds() {
        TicketView mine = desk.assignToAgent(open("mine", null, null));
        TicketView unassigned = open("unassigned", null, null);
        TicketView waiting = desk.assignToAgent(open("waiting", null, null));
        desk.change(waiting, TicketChanges.status(TicketStatus.WAITING_ON_CUSTOMER));
        TicketView technical = open("technical", TicketType.TECHNICAL_SERVICE, null);
        TicketView late = open("late", null, Instant.now().minus(Duration.ofDays(10)));
        TicketView ourTeam = desk.change(open("team", null, null),
                new TicketChanges(null, null, null, null, null, false, desk.team, null));
        TicketView resolved = desk.change(open("resolved", null, null), TicketChanges.status(TicketStatus.RESOLVED));

        assertThat(queue("mine")).contains(mine.number(), waiting.number()).doesNotContain(unassigned.number());
        assertThat(queue("unassigned")).contains(unassigned.number(), technical.number()).doesNotContain(mine.number());
        assertThat(queue("waiting")).containsExactly(waiting.number());
        assertThat(queue("technical")).containsExactly(technical.number());
        assertThat(queue("breaching")).contains(late.number()).doesNotContain(mine.number(), technical.number());
        assertThat(queue("team")).containsExactly(ourTeam.number());
        assertThat(queue("all")).contains(resolved.number(), mine.number());
        assertThat(queue("unassigned")).doesNotContain(resolved.number());
    }

    @Test
    void speaksSpanishAndPortugueseToo() {
        TicketView t = desk.assignToAgent(open("idioma", null, null));

        assertThat(browser.get("/desk/queues/mine", "Accept-Language", "es-ES,es").body()).contains("Colas", "Mías", "A punto de incumplir");
        assertThat(browser.get("/desk/tickets/" + t.number(), "Accept-Language", "pt-PT,pt").body())
                .contains("Responder por e-mail", "Nível de serviço", "Primeira resposta");
    }

    @Test
    void opensATicketSearchedByItsNumber() {
        TicketView t = open("numbered", null, null);

        HttpResponse<String> found = browser.get("/desk/queues/all?q=%23" + t.number());

        assertThat(found.statusCode()).isEqualTo(302);
        assertThat(found.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/desk/tickets/" + t.number()));
    }

    @Test
    void refreshesTheListAloneWithTheCountsAndTheTimeOutOfBand() {
        TicketView mine = desk.assignToAgent(open("refresh", null, null));

        HttpResponse<String> fragment = browser.get("/desk/queues/mine/rows", "HX-Request", "true");

        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body().strip()).doesNotContain("<html").startsWith("<div id=\"queue-list\"")
                .contains("hx-trigger=\"every 30s\"").contains("id=\"queue-updated\" hx-swap-oob=\"innerHTML\"")
                .contains("id=\"count-mine\" hx-swap-oob=\"innerHTML\"");
        assertThat(rows(fragment.body())).containsExactly(mine.number());
    }

    @Test
    void showsEachKindOfMessageAndEscapesWhatPeopleWrote() {
        TicketView t = desk.fromCustomer(word + " <script>alert('subject')</script>", "Hello <script>alert('body')</script>\n"
                + "On Mon, Ana wrote:\n> the old text", Channel.EMAIL, null, null);
        var answer = tickets.reply(t.id(), new Reply("We are on it", false, null, Channel.EMAIL), desk.agent);
        tickets.recordDelivery(answer.id(), org.atende.tickets.DeliveryState.FAILED, "mailbox <full>");
        tickets.reply(t.id(), new Reply("Internal: check the logs", true, null, null), desk.agent);
        tickets.recordAutoReply(desk.contact, t.id(), "I am out of the office", Channel.EMAIL, Instant.now());

        HttpResponse<String> page = browser.get("/desk/tickets/" + t.number());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;subject&#39;)")
                .contains("&lt;script&gt;alert(&#39;body&#39;)");
        assertThat(page.body()).contains("class=\"message customer\"", "class=\"message agent\"", "class=\"message note\"",
                "class=\"message system\"");
        assertThat(page.body()).contains("<details class=\"quoted\">").contains("&gt; the old text");
        assertThat(page.body()).contains("Reply by e-mail").contains("First response").contains("Received: the clocks start");
        assertThat(page.body()).contains("class=\"delivery failed\"").contains("Failed").contains("mailbox &lt;full&gt;");
    }

    @Test
    void repliesNotesAsksEscalatesAndResolvesThroughItsForms() {
        TicketView t = desk.fromCustomer(word + " printer", "It does not print", Channel.WHATSAPP, null, null);
        String page = "/desk/tickets/" + t.number();
        assertThat(browser.get(page).body()).contains("Reply on WhatsApp");

        HttpResponse<String> reply = browser.submit(page, page + "/reply", Map.of("body", "Try turning it off", "intent", "reply"));
        HttpResponse<String> note = browser.submit(page, page + "/reply", Map.of("body", "Known model issue", "intent", "note"));
        HttpResponse<String> ask = browser.submit(page, page + "/reply", Map.of("body", "Which model is it?", "intent", "ask"));

        assertThat(reply.statusCode()).isEqualTo(302);
        assertThat(reply.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("?saved=reply"));
        assertThat(note.statusCode()).isEqualTo(302);
        assertThat(ask.statusCode()).isEqualTo(302);
        var messages = tickets.messagesOf(t.id());
        assertThat(messages).extracting(m -> m.kind()).containsExactly(MessageKind.CUSTOMER, MessageKind.AGENT, MessageKind.NOTE,
                MessageKind.AGENT);
        assertThat(messages.get(1).channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(messages.get(2).channel()).as("a note written in the desk").isEqualTo(Channel.DESK);
        assertThat(tickets.lookup(t.id()).orElseThrow().status()).isEqualTo(TicketStatus.WAITING_ON_CUSTOMER);

        HttpResponse<String> escalate = browser.submit(page, page + "/escalate",
                Map.of("team", Long.toString(desk.team.value()), "reason", "Needs the second line"));
        assertThat(escalate.statusCode()).isEqualTo(302);
        assertThat(tickets.lookup(t.id()).orElseThrow().teamId()).isEqualTo(desk.team);

        int version = tickets.versionOf(t.id(), desk.agent);
        HttpResponse<String> fields = browser.submit(page, page + "/fields", Map.of("version", Integer.toString(version),
                "priority", "HIGH", "type", "INCIDENT", "category", "printing", "status", "OPEN",
                "assignee", Long.toString(desk.agent.userId().value()), "team", "", "tags", "printer, Hardware"));
        assertThat(fields.statusCode()).as(fields.body()).isEqualTo(302);
        TicketView changed = tickets.lookup(t.id()).orElseThrow();
        assertThat(changed.priority()).isEqualTo(Priority.HIGH);
        assertThat(changed.type()).isEqualTo(TicketType.INCIDENT);
        assertThat(changed.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(changed.assigneeId()).isEqualTo(desk.agent.userId());
        assertThat(changed.tags()).containsExactlyInAnyOrder("printer", "hardware");

        HttpResponse<String> resolve = browser.submit(page, page + "/resolve",
                Map.of("version", Integer.toString(tickets.versionOf(t.id(), desk.agent))));
        assertThat(resolve.statusCode()).isEqualTo(302);
        assertThat(tickets.lookup(t.id()).orElseThrow().status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(browser.get(page + "?saved=resolved").body()).contains("Ticket resolved.").contains("Status: Open → Resolved");
    }

    @Test
    void showsTheReplyFormAgainWhenNothingWasWritten() {
        TicketView t = open("blank", null, null);
        String page = "/desk/tickets/" + t.number();

        HttpResponse<String> blank = browser.submit(page, page + "/reply", Map.of("body", "  ", "intent", "reply"));

        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("id=\"reply-error\"").contains("aria-invalid=\"true\"");
        assertThat(tickets.messagesOf(t.id())).hasSize(1);
    }

    @Test
    void refusesAFormChangedBySomeoneElseSinceItWasShown() {
        TicketView t = open("stale", null, null);
        String page = "/desk/tickets/" + t.number();
        int shown = tickets.versionOf(t.id(), desk.agent);
        desk.change(t, TicketChanges.priority(Priority.HIGH));

        HttpResponse<String> stale = browser.submit(page, page + "/resolve", Map.of("version", Integer.toString(shown)));

        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Reload the page");
        assertThat(tickets.lookup(t.id()).orElseThrow().status()).isNotEqualTo(TicketStatus.RESOLVED);
    }

    @Test
    void refusesFormsWithoutTheCsrfToken() {
        TicketView t = open("csrf", null, null);
        String page = "/desk/tickets/" + t.number();

        assertThat(browser.post(page + "/reply", Map.of("body", "no token", "intent", "reply")).statusCode()).isEqualTo(403);
        assertThat(browser.post(page + "/reply", Map.of("body", "no token", "intent", "note")).statusCode()).isEqualTo(403);
        assertThat(browser.post(page + "/resolve", Map.of("version", "0")).statusCode()).isEqualTo(403);
        assertThat(browser.post(page + "/escalate", Map.of("team", Long.toString(desk.team.value()), "reason", "x")).statusCode())
                .isEqualTo(403);
        assertThat(browser.post(page + "/fields", Map.of("version", "0", "priority", "LOW", "type", "QUESTION",
                "status", "OPEN")).statusCode()).isEqualTo(403);
        assertThat(tickets.messagesOf(t.id())).hasSize(1);
    }

    @Test
    void keepsCustomersOutOfTheDesk() {
        var customer = identity.createUser(new org.atende.identity.UserDraft(unique("c") + "@customer.example", "Customer",
                org.atende.identity.Role.CUSTOMER, desk.organisation, desk.contact.id(), null, true, DeskFixture.PASSWORD));
        PageBrowser theirs = new PageBrowser(port).signIn(customer.email(), DeskFixture.PASSWORD);
        TicketView t = open("customer", null, null);

        assertThat(theirs.get("/desk/queues/mine").statusCode()).isEqualTo(403);
        assertThat(theirs.get("/desk/tickets/" + t.number()).statusCode()).isEqualTo(403);
    }

    @Test
    void downloadsAnAttachmentNeverInline() {
        TicketView t = open("files", null, null);
        var file = attachments.attach(t.id(), null, "notes.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8), desk.agent);

        assertThat(browser.get("/desk/tickets/" + t.number()).body()).contains("/attachments/" + file.id());
        HttpResponse<byte[]> download = browser.download("/desk/tickets/" + t.number() + "/attachments/" + file.id());

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(new String(download.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
    }

    @Test
    void showsTheQuotesOfATechnicalServiceTicket() {
        TicketView t = open("quote", TicketType.TECHNICAL_SERVICE, null);
        String page = "/desk/tickets/" + t.number();

        HttpResponse<String> drafted = browser.submit(page, page + "/quotes", Map.of("description", "Restore the deleted rows",
                "hours", "2,5", "amount", "1234,50", "validUntil", java.time.LocalDate.now().plusDays(20).toString()));

        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(302);
        String shown = browser.get(page).body();
        assertThat(shown).contains("Restore the deleted rows").contains("€1,234.50").contains("Draft")
                .contains("No SLA clocks");
    }

    private TicketView open(String what, TicketType type, Instant receivedAt) {
        return desk.fromCustomer(word + " " + what, "Please help with " + what, Channel.EMAIL, type, receivedAt);
    }

    /** The ticket numbers of a queue's rows whose subject has this test's word, in order. */
    private List<Long> queue(String queue) {
        HttpResponse<String> page = browser.get("/desk/queues/" + queue + "?q=" + word);
        assertThat(page.statusCode()).isEqualTo(200);
        return rows(page.body());
    }

    private static List<Long> rows(String html) {
        List<Long> numbers = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            numbers.add(Long.parseLong(m.group(1)));
        }
        return numbers;
    }
}
