package org.atende.channels.portal;

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
import org.atende.knowledge.ArticleView;
import org.atende.knowledge.KnowledgeBase;
import org.atende.support.ApiIntegrationSupport;
import org.atende.support.Chromium;
import org.atende.support.DeskFixtures;
import org.atende.tickets.Channel;
import org.atende.tickets.OpenTicket;
import org.atende.tickets.Reply;
import org.atende.tickets.TicketType;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The portal in a real Chromium: sign in, the tickets, a ticket and a reply, a new request with a suggestion, help. */
class PortalBrowserTests extends ApiIntegrationSupport {

    @LocalServerPort
    int port;

    @Autowired
    Tickets tickets;

    @Autowired
    KnowledgeBase knowledge;

    WebDriver browser;

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCustomerFollowsTheOrganisationsTicketsRepliesAndIsOfferedHelp() {
        DeskFixtures fixtures = new DeskFixtures(jdbc);
        OrganisationId org = fixtures.organisation(unique("Oficinas Norte"),
                fixtures.plan(fixtures.standardPolicy(), "MEDIUM", 20, "REFUSE"));
        ContactId contact = fixtures.contact(org, "Lucía Pérez", "ES");
        String email = unique("lucia") + "@customer.example";
        var user = identity.createUser(new UserDraft(email, "Lucía Pérez", Role.CUSTOMER, org, contact, null, true,
                "lucía riega geranios los martes"));
        Actor lucia = identity.actor(user.id()).orElseThrow();
        Actor agent = fixtures.staff(Role.AGENT, "Marta");
        TicketView ticket = tickets.open(new OpenTicket(null, null, Channel.PORTAL, "No puedo exportar el informe mensual",
                "Al exportar a PDF aparece un error 500.", TicketType.INCIDENT, null, null, Set.of()), lucia);
        tickets.open(new OpenTicket(null, null, Channel.PORTAL, "Cargar 300 activos desde Excel", "Adjunto el fichero.",
                TicketType.TECHNICAL_SERVICE, "file_load", null, Set.of()), lucia);
        tickets.reply(ticket.id(), Reply.publicly("Hola Lucía, ¿puede indicarnos qué navegador usa?"), agent);
        ArticleView article = knowledge.publish(knowledge.create(new ArticleDraft(unique("exportar-informes"), Language.ES,
                "Exportar informes a PDF", "Qué hacer cuando la exportación falla",
                "Si la **exportación a PDF** falla con un error, reduzca el periodo del informe y vuelva a exportar.", null, null)).id());

        browser = Chromium.start("es-ES,es");
        String base = "http://localhost:" + port;
        Chromium.signIn(browser, base, email, "lucía riega geranios los martes");
        browser.get(base + "/portal?show=all");

        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Tickets de Oficinas Norte");
        assertThat(browser.findElement(By.tagName("table")).getText()).contains("No puedo exportar el informe mensual");
        Chromium.screenshot(browser, "portal-home");

        Chromium.clickAndLoad(browser, By.linkText("No puedo exportar el informe mensual"));
        assertThat(browser.findElement(By.cssSelector(".conversation")).getText()).contains("¿puede indicarnos qué navegador usa?");
        browser.findElement(By.id("body")).sendKeys("Uso Firefox 133 en Windows.");
        Chromium.clickAndLoad(browser, By.cssSelector("form[action$='/reply'] button[type=submit]"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("sent"));
        assertThat(browser.findElement(By.cssSelector(".conversation")).getText()).contains("Uso Firefox 133 en Windows.");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        Chromium.screenshot(browser, "portal-ticket");

        browser.get(base + "/portal/tickets/new");
        browser.findElement(By.id("subject")).sendKeys("La exportación a PDF falla");
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("suggestions"), "Exportar informes a PDF"));
        Chromium.screenshot(browser, "portal-new-request");
        browser.findElement(By.cssSelector("#suggestions button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "no se ha abierto ningún ticket"));
        assertThat(knowledge.article(article.id()).orElseThrow().counts().deflections()).isEqualTo(1);

        browser.get(base + "/help/es/" + article.slug());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Exportar informes a PDF");
        Chromium.screenshot(browser, "help-article");
    }
}
