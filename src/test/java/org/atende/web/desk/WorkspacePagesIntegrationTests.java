package org.atende.web.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.atende.customers.Customers;
import org.atende.customers.Language;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.identity.UserDraft;
import org.atende.identity.UserSummary;
import org.atende.macros.MacroActions;
import org.atende.macros.MacroDraft;
import org.atende.macros.MacroOutcome;
import org.atende.macros.MacroScope;
import org.atende.macros.MacroTexts;
import org.atende.macros.MacroView;
import org.atende.macros.Macros;
import org.atende.notifications.Mentions;
import org.atende.support.ApiIntegrationSupport;
import org.atende.tickets.Channel;
import org.atende.tickets.ClosedAs;
import org.atende.tickets.MessageKind;
import org.atende.tickets.MessageView;
import org.atende.tickets.Priority;
import org.atende.tickets.Reply;
import org.atende.tickets.TicketChanges;
import org.atende.tickets.TicketPresence;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The ticket page's work beside others over real HTTP: the macro picker and its preview, a reply held back when
 * someone answered meanwhile, merge, spam and split with their confirmations, presence, mentions; and the macro pages.
 */
class WorkspacePagesIntegrationTests extends ApiIntegrationSupport {

    private static final Pattern SEEN = Pattern.compile("id=\"reply-seen\" value=\"(\\d+)\"");

    @LocalServerPort
    int port;

    @Autowired Tickets tickets;
    @Autowired Customers customers;
    @Autowired Macros macros;
    @Autowired TicketPresence presence;

    DeskFixture desk;
    PageBrowser browser;
    Actor colleague;
    UserSummary colleagueUser;
    Actor lead;
    UserSummary leadUser;

    @BeforeEach
    void anAgentSignedIn() {
        String word = unique("Work");
        long org = createOrganisation();
        desk = new DeskFixture(identity, customers, tickets, word, org, createContact(org, unique("ana") + "@customer.example"));
        browser = new PageBrowser(port).signIn(desk.agentEmail, DeskFixture.PASSWORD);
        colleagueUser = identity.createUser(new UserDraft(unique("tiago") + "@vendor.example", "Tiago " + unique("Moreira"),
                Role.AGENT, null, null, desk.team, true, DeskFixture.PASSWORD));
        identity.speak(colleagueUser.id(), Language.PT);
        colleague = identity.actor(colleagueUser.id()).orElseThrow();
        leadUser = identity.createUser(new UserDraft(unique("rui") + "@vendor.example", "Rui " + unique("Lead"), Role.LEAD, null,
                null, null, true, DeskFixture.PASSWORD));
        lead = identity.actor(leadUser.id()).orElseThrow();
    }

    TicketView open(String subject) {
        return desk.fromCustomer(subject, "A exportação falha desde segunda.", Channel.EMAIL, null, null);
    }

    MacroView shared(String name, String pt, MacroActions actions) {
        MacroOutcome outcome = macros.create(new MacroDraft(name, MacroScope.SHARED, null, new MacroTexts(null, pt, null), actions), lead);
        return ((MacroOutcome.Saved) outcome).macro();
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    static long seen(String page) {
        Matcher m = SEEN.matcher(page);
        assertThat(m.find()).as("the reply form carries the last message shown").isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void picksAMacroSeesItFilledInAndSendsItWithItsChanges() {
        TicketView t = open("Exportação");
        String page = "/desk/tickets/" + t.number();
        String name = unique("Pedir registos");
        MacroView macro = shared(name, "Olá {{contact.firstName}}, envie o registo do pedido #{{ticket.number}}.",
                new MacroActions(TicketStatus.WAITING_ON_CUSTOMER, Priority.HIGH, null, java.util.Set.of("logs"), java.util.Set.of(),
                        null, null, false));

        String shown = browser.get(page).body();
        assertThat(shown).contains("id=\"macro-picker\"").contains("<kbd>m</kbd>").contains("id=\"presence\"");
        assertThat(browser.get(page + "/macros?q=" + enc(name.substring(0, 8).toUpperCase())).body()).contains(name)
                .contains("/macros/" + macro.id() + "/preview");
        String preview = browser.get(page + "/macros/" + macro.id() + "/preview?seen=" + seen(shown)).body();
        assertThat(preview).contains("Olá " + desk.contact.name().split(" ")[0] + ", envie o registo do pedido #" + t.number() + ".")
                .contains("<strong>Status</strong>").contains("Waiting on customer").contains("High").contains("logs")
                .contains("name=\"version\" value=\"" + t.version() + "\"");

        HttpResponse<String> sent = browser.submit(page, page + "/macros/" + macro.id(), Map.of("body",
                "Olá {{contact.firstName}}, só falta o registo.", "version", Integer.toString(t.version()), "seen", Long.toString(seen(shown))));

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(page + "?saved=macro"));
        TicketView after = tickets.lookup(t.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(TicketStatus.WAITING_ON_CUSTOMER);
        assertThat(after.priority()).isEqualTo(Priority.HIGH);
        assertThat(tickets.messagesOf(t.id())).last().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MessageKind.AGENT);
            assertThat(m.body()).isEqualTo("Olá " + desk.contact.name().split(" ")[0] + ", só falta o registo.");
        });
        assertThat(browser.get(page + "?saved=macro").body()).contains("Macro applied");
    }

    @Test
    void showsTheMacroAgainWhenTheTicketChangedSinceItsPreview() {
        TicketView t = open("Mudou");
        String page = "/desk/tickets/" + t.number();
        MacroView macro = shared(unique("Urgente"), "Olá", new MacroActions(null, Priority.URGENT, null, java.util.Set.of(),
                java.util.Set.of(), null, null, false));
        long seen = seen(browser.get(page).body());
        desk.change(t, TicketChanges.priority(Priority.LOW));

        HttpResponse<String> again = browser.submit(page, page + "/macros/" + macro.id(), Map.of("body", "Olá, mudámos a prioridade.",
                "version", Integer.toString(t.version()), "seen", Long.toString(seen)));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("The ticket changed since you opened the macro").contains("Olá, mudámos a prioridade.")
                .contains("name=\"confirm\" value=\"true\"").contains("Low").contains("Urgent");
        assertThat(tickets.messagesOf(t.id())).hasSize(1);
        HttpResponse<String> anyway = browser.submit(page, page + "/macros/" + macro.id(), Map.of("body", "Olá, mudámos a prioridade.",
                "version", Integer.toString(t.version()), "seen", Long.toString(seen), "confirm", "true"));
        assertThat(anyway.statusCode()).isEqualTo(302);
        assertThat(tickets.lookup(t.id()).orElseThrow().priority()).isEqualTo(Priority.URGENT);
    }

    @Test
    void asksBeforeSendingAReplyAfterSomeoneElseAnsweredAndShowsTheirAnswerFirst() {
        TicketView t = open("Colisão");
        String page = "/desk/tickets/" + t.number();
        long seen = seen(browser.get(page).body());
        tickets.reply(t.id(), Reply.publicly("Resolvemos agora mesmo."), colleague);
        tickets.reply(t.id(), new Reply("nota de outro", true, null, null), colleague);

        HttpResponse<String> held = browser.submit(page, page + "/reply", Map.of("body", "A minha resposta", "intent", "reply",
                "seen", Long.toString(seen)));

        assertThat(held.statusCode()).isEqualTo(409);
        String body = held.body();
        String warning = body.substring(body.indexOf("class=\"collision\""), body.indexOf("id=\"macro-picker\""));
        assertThat(warning).contains("Someone else answered since you opened this ticket.").contains(colleague.name())
                .contains("Resolvemos agora mesmo.").doesNotContain("nota de outro");
        assertThat(body.indexOf("class=\"collision\"")).isLessThan(body.indexOf("id=\"reply-body\""));
        assertThat(body).contains(">A minha resposta</textarea>").contains("id=\"send-anyway\"");
        assertThat(tickets.messagesOf(t.id())).hasSize(3);
        assertThat(seen(body)).isGreaterThan(seen);

        HttpResponse<String> anyway = browser.submit(page, page + "/reply", Map.of("body", "A minha resposta", "intent", "reply",
                "seen", Long.toString(seen), "confirm", "true"));
        assertThat(anyway.statusCode()).isEqualTo(302);
        assertThat(tickets.messagesOf(t.id())).extracting(MessageView::body).last().isEqualTo("A minha resposta");
        // a note is never held back, and an answer of one's own is no collision
        assertThat(browser.submit(page, page + "/reply", Map.of("body", "Só uma nota", "intent", "note",
                "seen", Long.toString(seen))).statusCode()).isEqualTo(302);
        long mine = seen(browser.get(page).body());
        tickets.reply(t.id(), Reply.publicly("Outra minha"), desk.agent);
        assertThat(browser.submit(page, page + "/reply", Map.of("body", "E mais", "intent", "reply",
                "seen", Long.toString(mine))).statusCode()).isEqualTo(302);
    }

    @Test
    void mergesADuplicateAfterConfirmingAndShowsItsMessagesInTheTarget() {
        TicketView target = open("Faturas não exportam " + unique("f"));
        TicketView dup = desk.fromCustomer("Faturas outra vez", "Escrevo de novo sobre as faturas.", Channel.EMAIL, null, null);
        long otherOrg = createOrganisation();
        DeskFixture elsewhere = new DeskFixture(identity, customers, tickets, unique("Else"), otherOrg,
                createContact(otherOrg, unique("eva") + "@other.example"));
        TicketView foreign = elsewhere.fromCustomer("Faturas noutra organização", "x", Channel.EMAIL, null, null);
        String page = "/desk/tickets/" + dup.number();

        assertThat(browser.get(page + "/merge/targets?q=%23" + target.number()).body()).contains("/merge?into=" + target.number());
        assertThat(browser.get(page + "/merge/targets?q=" + foreign.number()).body()).doesNotContain("into=" + foreign.number())
                .contains("No open ticket of this organisation matches.");
        assertThat(browser.get(page + "/merge/targets?q=exportam").body()).contains("into=" + target.number())
                .doesNotContain("into=" + foreign.number()).doesNotContain("into=" + dup.number());
        String confirm = browser.get(page + "/merge?into=" + target.number(), "Accept-Language", "pt").body();
        assertThat(confirm).contains("#" + dup.number() + " é fechado como duplicado.").contains("id=\"confirm-merge\"")
                .contains("A sua unidade da quota mensal é devolvida.");
        assertThat(tickets.lookup(dup.id()).orElseThrow().status()).isEqualTo(TicketStatus.NEW);

        HttpResponse<String> merged = browser.submit(page, page + "/merge", Map.of("into", Long.toString(target.number())));

        assertThat(merged.statusCode()).isEqualTo(302);
        assertThat(merged.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .contains("/desk/tickets/" + target.number() + "?saved=merged"));
        assertThat(tickets.lookup(dup.id()).orElseThrow().closedAs()).isEqualTo(ClosedAs.DUPLICATE);
        assertThat(tickets.messagesOf(dup.id())).anySatisfy(m -> assertThat(m.kind()).isEqualTo(MessageKind.AUTOMATIC));
        String targetPage = browser.get("/desk/tickets/" + target.number() + "?saved=merged").body();
        assertThat(targetPage).contains("Escrevo de novo sobre as faturas.").contains("from #" + dup.number())
                .contains("The duplicate was merged into this ticket").contains("Merged here: #" + dup.number());
        assertThat(browser.get(page).body()).contains("Merged into #" + target.number());
        HttpResponse<String> refused = browser.submit("/desk/tickets/" + target.number(), "/desk/tickets/" + target.number() + "/merge",
                Map.of("into", Long.toString(foreign.number())));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Not merged: the two tickets are of different organisations.");
    }

    @Test
    void marksSpamAfterConfirming() {
        TicketView t = open("Ganhe um prémio");
        String page = "/desk/tickets/" + t.number();

        assertThat(browser.get(page + "/spam", "Accept-Language", "es").body()).contains("se cierra como spam")
                .contains("id=\"confirm-spam\"");
        HttpResponse<String> spam = browser.submit(page, page + "/spam", Map.of());

        assertThat(spam.statusCode()).isEqualTo(302);
        assertThat(tickets.lookup(t.id()).orElseThrow().closedAs()).isEqualTo(ClosedAs.SPAM);
        assertThat(tickets.timeline(t.id(), desk.agent)).anySatisfy(e -> assertThat(e.kind()).isEqualTo("CLOSED_AS_SPAM"));
        assertThat(browser.get(page).body()).doesNotContain("id=\"manage-title\"").doesNotContain("/split/");
        assertThat(browser.submit(page, page + "/spam", Map.of()).statusCode()).isEqualTo(409);
    }

    @Test
    void splitsACustomersMessageIntoANewTicket() {
        TicketView t = open("Duas perguntas");
        MessageView second = tickets.replyFrom(desk.contact, t.id(), Reply.publicly("Outra coisa: a app fecha sozinha."),
                java.time.Instant.now());
        String page = "/desk/tickets/" + t.number();
        long first = tickets.messagesOf(t.id()).getFirst().id();

        String shown = browser.get(page).body();
        assertThat(shown).contains("/split/" + second.id()).doesNotContain("/split/" + first + "\"");
        assertThat(browser.get(page + "/split/" + second.id()).body()).contains("Outra coisa: a app fecha sozinha.")
                .contains("id=\"confirm-split\"");
        HttpResponse<String> split = browser.submit(page, page + "/split/" + second.id(), Map.of("subject", "A app fecha"));

        assertThat(split.statusCode()).isEqualTo(302);
        String location = split.headers().firstValue("Location").orElseThrow();
        long number = Long.parseLong(location.replaceAll(".*/desk/tickets/(\\d+)\\?.*", "$1"));
        TicketView made = tickets.lookupByNumber(number).orElseThrow();
        assertThat(made.subject()).isEqualTo("A app fecha");
        assertThat(made.requesterContactId()).isEqualTo(desk.contact.id());
        assertThat(tickets.messagesOf(made.id())).extracting(MessageView::id).containsExactly(second.id());
        assertThat(browser.get("/desk/tickets/" + number + "?saved=split").body()).contains("Message split off into this new ticket.")
                .contains("Split from #" + t.number());
        assertThat(browser.get(page).body()).contains("Split into #" + number).doesNotContain("id=\"message-" + second.id() + "\"");
        assertThat(browser.submit(page, page + "/split/" + first, Map.of()).statusCode()).isEqualTo(409);
    }

    @Test
    void saysWhoElseHasTheTicketOpenInTheReadersLanguage() {
        TicketView t = open("Presença");
        String page = "/desk/tickets/" + t.number();
        presence.report(t.id(), "colleague-page", true, colleague);
        String first = colleague.name().split(" ")[0];

        HttpResponse<String> line = browser.submitAll(page, page + "/presence",
                List.of(Map.entry("page", "my-page"), Map.entry("replying", "false")), "pt");

        assertThat(line.statusCode()).isEqualTo(200);
        assertThat(line.body()).contains(first + " está a responder").contains("title=\"" + colleague.name() + "\"");
        assertThat(presence.others(t.id(), colleague)).singleElement().satisfies(p -> {
            assertThat(p.userId()).isEqualTo(desk.agent.userId());
            assertThat(p.replying()).isFalse();
        });
        presence.leave(t.id(), "colleague-page", colleague);
        assertThat(browser.submitAll(page, page + "/presence", List.of(Map.entry("page", "my-page")), "es").body())
                .doesNotContain("respondiendo");
    }

    @Test
    void highlightsMentionsInNotesAndTellsThePersonMentionedInTheirLanguage() {
        TicketView t = open("Menções");
        String page = "/desk/tickets/" + t.number();
        String handle = Mentions.handle(colleagueUser);
        assertThat(browser.get("/desk/mentions?q=" + enc(handle.substring(0, handle.length() - 1).toUpperCase())).body()).contains("data-handle=\"" + handle + "\"");

        assertThat(browser.submit(page, page + "/reply", Map.of("intent", "note",
                "body", "@" + handle + " consegues ver isto? E @ninguem-conhecido.")).statusCode()).isEqualTo(302);

        MessageView note = tickets.messagesOf(t.id()).getLast();
        String shown = browser.get(page).body();
        assertThat(shown).contains("<mark class=\"mention\" title=\"" + colleagueUser.name() + "\">@" + handle + "</mark>")
                .contains("@ninguem-conhecido").doesNotContain(">@ninguem-conhecido</mark>").contains("id=\"message-" + note.id() + "\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM desk_notification WHERE user_id = ? AND kind = 'MENTION' AND message_id = ?")
                .params(colleagueUser.id().value(), note.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM desk_notification WHERE user_id = ? AND kind = 'MENTION'")
                .param(desk.agent.userId().value()).query(Long.class).single()).isZero();
        Map<String, Object> mail = jdbc.sql("SELECT subject, body FROM outgoing_message WHERE recipient = ? AND purpose = 'ALERT'")
                .param(colleagueUser.email()).query().singleRow();
        assertThat(mail.get("subject").toString()).isEqualTo("[Menção] #" + t.number() + " Menções");
        assertThat(mail.get("body").toString()).contains("mencionou-o numa nota")
                .contains("/desk/tickets/" + t.number() + "#message-" + note.id());
        PageBrowser theirs = new PageBrowser(port).signIn(colleagueUser.email(), DeskFixture.PASSWORD);
        assertThat(theirs.get("/desk/notifications").body()).contains("href=\"/desk/tickets/" + t.number() + "#message-" + note.id() + "\"");
    }

    @Test
    void letsAgentsKeepTheirOwnMacrosOnTheMacroPagesInTheirLanguage() {
        String list = browser.get("/desk/macros/new", "Accept-Language", "pt").body();
        assertThat(list).contains("value=\"PERSONAL\"").doesNotContain("value=\"SHARED\"").contains("{{sla.firstResponseDue}}")
                .contains("Marcadores");

        HttpResponse<String> refused = browser.submitAll("/desk/macros/new", "/desk/macros", List.of(Map.entry("name", "Errada"),
                Map.entry("scope", "PERSONAL"), Map.entry("textPt", "Olá {{contacto.nome}}"), Map.entry("version", "0")), "pt");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Marcador desconhecido {{contacto.nome}} no texto em pt.").contains("A macro não foi guardada:")
                .contains("Olá {{contacto.nome}}</textarea>");
        String name = unique("Minha macro");
        HttpResponse<String> saved = browser.submitAll("/desk/macros/new", "/desk/macros", List.of(Map.entry("name", name),
                Map.entry("scope", "PERSONAL"), Map.entry("textPt", "Olá {{contact.firstName}}"), Map.entry("status", "OPEN"),
                Map.entry("assignee", "self"), Map.entry("version", "0")), "pt");
        assertThat(saved.statusCode()).isEqualTo(302);
        MacroView mine = macros.list(desk.agent, name, null).getFirst();
        assertThat(mine.actions().assignToSelf()).isTrue();
        assertThat(browser.get("/desk/macros?q=" + enc(name.substring(0, 10)), "Accept-Language", "pt").body()).contains(name).contains("Minha");

        MacroView shared = shared(unique("Partilhada"), "Olá", MacroActions.NONE);
        String readOnly = browser.get("/desk/macros/" + shared.id(), "Accept-Language", "pt").body();
        assertThat(readOnly).contains("Pode usar esta macro, mas não alterá-la.").doesNotContain("id=\"save-macro\"");
        assertThat(browser.submit("/desk/macros/" + mine.id(), "/desk/macros/" + shared.id(), Map.of("name", "Minha agora",
                "scope", "SHARED", "textPt", "x", "version", "0")).statusCode()).isEqualTo(403);
        assertThat(browser.get("/desk/macros/" + shared.id() + "/delete").statusCode()).isEqualTo(403);
        assertThat(browser.submit("/desk/macros/" + mine.id() + "/delete", "/desk/macros/" + mine.id() + "/delete", Map.of())
                .statusCode()).isEqualTo(302);
        assertThat(macros.list(desk.agent, name, null)).isEmpty();
    }

    @Test
    void showsTheMostUsedMacrosOnTheReportPage() {
        MacroView used = shared(unique("Muito usada"), "Olá", MacroActions.NONE);
        macros.apply(open("r1").id(), used.macroId(), null, null, desk.agent);
        macros.apply(open("r2").id(), used.macroId(), null, null, desk.agent);
        PageBrowser leads = new PageBrowser(port).signIn(leadUser.email(), DeskFixture.PASSWORD);

        String page = leads.get("/reports/macros?organisationId=" + desk.organisation.value(), "Accept-Language", "es").body();

        assertThat(page).contains("Macros más usadas").contains(used.name()).contains("<td class=\"num\">2</td>")
                .contains("Compartida").contains("href=\"/reports/macros\"");
        assertThat(leads.get("/reports/macros.csv?organisationId=" + desk.organisation.value()).body())
                .contains(used.id() + "," + used.name() + ",SHARED,2");
        assertThat(browser.get("/reports/macros").statusCode()).isEqualTo(403);
    }
}
