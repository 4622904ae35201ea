package org.atende.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import org.atende.customers.ContactId;
import org.atende.customers.Language;
import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.identity.UserDraft;
import org.atende.knowledge.ArticleDraft;
import org.atende.knowledge.KnowledgeBase;
import org.atende.support.ApiIntegrationSupport;
import org.atende.support.Chromium;
import org.atende.support.DeskFixtures;
import org.atende.tickets.Channel;
import org.atende.tickets.OpenTicket;
import org.atende.tickets.TicketType;
import org.atende.tickets.Tickets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A ticket's first hour, in two real browsers: a customer is offered a help article and opens a ticket
 * anyway; an agent finds it first in the queue and answers; the customer reads the answer and the
 * first-response target shows met; a customer of another organisation cannot open it. A desk of its own
 * (fresh database), so that "first in the queue" means what it says.
 */
@TestPropertySource(properties = "atende.test.desk=first-ticket")
class FirstTicketBrowserTests extends ApiIntegrationSupport {

    private static final String PASSWORD = "a long password for the browser";

    @LocalServerPort
    int port;

    @Autowired
    Tickets tickets;

    @Autowired
    KnowledgeBase knowledge;

    WebDriver customer;
    WebDriver agent;
    WebDriver stranger;

    @AfterEach
    void closeTheBrowsers() {
        for (WebDriver browser : new WebDriver[] {customer, agent, stranger}) {
            if (browser != null) {
                browser.quit();
            }
        }
    }

    @Test
    void aCustomersTicketIsAnsweredFirstAndTheFirstResponseTargetIsMet() {
        DeskFixtures desk = new DeskFixtures(jdbc);
        long policy = desk.standardPolicy();
        long essencial = desk.plan(policy, "MEDIUM", 30, "REFUSE");
        OrganisationId padaria = desk.organisation("Padaria Central", essencial);
        ContactId joanaContact = desk.contact(padaria, "Joana Silva", "PT");
        // readable names in the screenshots: this desk has a database of its own
        jdbc.sql("UPDATE plan SET name = 'Essencial' WHERE id = ?").param(essencial).update();
        jdbc.sql("UPDATE organisation SET name = 'Padaria Central' WHERE id = ?").param(padaria.value()).update();
        jdbc.sql("UPDATE contact SET email = 'joana@padaria-central.pt' WHERE id = ?").param(joanaContact.value()).update();
        String joana = customerUser(padaria, joanaContact, "Joana Silva");
        OrganisationId other = desk.organisation("Oficina Norte", desk.plan(policy, "LOW"));
        jdbc.sql("UPDATE organisation SET name = 'Oficina Norte' WHERE id = ?").param(other.value()).update();
        Actor otherCustomer = desk.customer(other, "Rui Costa", "PT");
        String rui = customerUser(other, desk.contact(other, "Rui Costa", "PT"), "Rui Costa");
        for (String subject : new String[] {"Dúvida sobre o relatório mensal", "Pedido de formação"}) {
            tickets.open(new OpenTicket(null, null, Channel.PORTAL, subject, "Quando puderem.", TicketType.QUESTION, null,
                    null, Set.of()), otherCustomer);
        }
        String agentEmail = unique("ines") + "@vendor.example";
        identity.createUser(new UserDraft(agentEmail, "Inês Duarte", Role.AGENT, null, null, null, true, PASSWORD));
        knowledge.publish(knowledge.create(new ArticleDraft(unique("exportar-faturas"), Language.PT,
                "Exportar faturas para PDF", "O que fazer quando a exportação de faturas falha",
                "Se a **exportação de faturas** falhar, escolha um período mais curto e exporte de novo.", null, null)).id());
        String base = "http://localhost:" + port;

        customer = signedIn(base, joana, "pt-PT,pt");
        customer.get(base + "/portal/tickets/new");
        customer.findElement(By.id("subject")).sendKeys("A exportação de faturas falha");
        wait(customer).until(ExpectedConditions.textToBePresentInElementLocated(By.id("suggestions"), "Exportar faturas para PDF"));
        Chromium.screenshot(customer, "first-ticket-1-suggestion");
        customer.findElement(By.id("description")).sendKeys("Tentámos um período mais curto e continua a dar erro 500.");
        Chromium.clickAndLoad(customer, By.cssSelector("#new-request button[type=submit]"));
        wait(customer).until(ExpectedConditions.urlContains("created"));
        String ticketUrl = customer.getCurrentUrl().replaceAll("\\?.*$", "");
        String number = ticketUrl.substring(ticketUrl.lastIndexOf('/') + 1);

        agent = signedIn(base, agentEmail, "pt-PT,pt");
        agent.get(base + "/desk/queues/unassigned");
        var rows = agent.findElements(By.cssSelector("tr.ticket-row"));
        assertThat(rows).hasSize(3);
        assertThat(rows.getFirst().getText()).contains(number).contains("A exportação de faturas falha");
        Chromium.screenshot(agent, "first-ticket-2-queue");
        Chromium.clickAndLoad(agent, By.id("open-" + number));
        wait(agent).until(ExpectedConditions.urlContains("/desk/tickets/" + number));
        agent.findElement(By.id("reply-body")).sendKeys("Olá Joana, já encontrámos a causa: a correção sai hoje à tarde.");
        Chromium.clickAndLoad(agent, By.cssSelector("button[name=intent][value=reply]"));
        wait(agent).until(ExpectedConditions.urlContains("saved=reply"));
        assertThat(agent.findElement(By.cssSelector(".clock-panel .state")).getAttribute("class")).contains("met");
        Chromium.screenshot(agent, "first-ticket-3-answered");

        customer.get(ticketUrl);
        assertThat(customer.findElement(By.cssSelector(".conversation")).getText())
                .contains("já encontrámos a causa: a correção sai hoje à tarde");
        assertThat(customer.findElement(By.cssSelector("p.clock")).getText()).isEqualTo("Primeira resposta: cumprida.");
        Chromium.screenshot(customer, "first-ticket-4-customer-reads");

        stranger = signedIn(base, rui, "pt-PT,pt");
        stranger.get(ticketUrl);
        assertThat(stranger.findElement(By.tagName("h1")).getText()).isEqualTo("Não encontrado");
        assertThat(stranger.getPageSource()).doesNotContain("A exportação de faturas falha");
    }

    private String customerUser(OrganisationId org, ContactId contact, String name) {
        String email = unique("cliente") + "@customer.example";
        identity.createUser(new UserDraft(email, name, Role.CUSTOMER, org, contact, null, true, PASSWORD));
        return email;
    }

    private static WebDriver signedIn(String base, String email, String language) {
        WebDriver browser = Chromium.start(language);
        Chromium.signIn(browser, base, email, PASSWORD);
        return browser;
    }

    private static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }
}
