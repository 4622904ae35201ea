package org.atende.web.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.atende.customers.Customers;
import org.atende.support.ApiIntegrationSupport;
import org.atende.support.Chromium;
import org.atende.tickets.Channel;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A Portuguese agent in a real Chromium finds a ticket by another form of a word of its body, saves the search
 * as a view and sees the view beside the queues with its count; the same on a 390 px wide phone.
 */
class SearchAndViewsBrowserTests extends ApiIntegrationSupport {

    @LocalServerPort
    int port;

    @Autowired
    Tickets tickets;

    @Autowired
    Customers customers;

    WebDriver browser;

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void findsATicketByAStemmedBodyWordAndSavesTheSearchAsAViewWithItsCount() {
        String word = unique("Pesquisa");
        long org = createOrganisation();
        DeskFixture desk = new DeskFixture(identity, customers, tickets, word, org, createContact(org, unique("ana") + "@customer.example"));
        TicketView wanted = desk.fromCustomer("Relatório mensal", "Bom dia, o sistema não exporta as faturas (ref. " + word + ").",
                Channel.EMAIL, null, null);
        desk.fromCustomer("Impressora", "A impressora avariou (ref. " + word + ").", Channel.EMAIL, null, null);

        browser = Chromium.start("pt-PT,pt");
        String base = "http://localhost:" + port;
        Chromium.signIn(browser, base, desk.agentEmail, DeskFixture.PASSWORD);
        browser.get(base + "/desk/queues/all");
        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys("exportar " + word.toLowerCase());
        WebElement oldPage = browser.findElement(By.tagName("html"));
        box.sendKeys(Keys.ENTER);
        Chromium.waitForNewPage(browser, oldPage);

        assertThat(browser.findElements(By.cssSelector("tr.ticket-row"))).hasSize(1);
        WebElement row = browser.findElement(By.id("row-" + wanted.number()));
        assertThat(row.findElement(By.cssSelector(".snippet mark")).getText()).isEqualTo("exporta");
        assertThat(browser.findElement(By.id("count-all")).getText()).isNotBlank();

        browser.findElement(By.cssSelector("#save-view summary")).click();
        browser.findElement(By.id("view-name")).sendKeys("Exportações " + word);
        Chromium.clickAndLoad(browser, By.id("save-view-button"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/desk/views/"));

        String id = browser.getCurrentUrl().replaceAll(".*/desk/views/(\\d+).*", "$1");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Exportações " + word);
        assertThat(browser.findElement(By.id("view-count-" + id)).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("view-total")).getText()).isEqualTo("1 pedido");
        assertThat(browser.findElements(By.cssSelector("tr.ticket-row"))).hasSize(1);
        assertThat(browser.findElement(By.id("row-" + wanted.number())).getText()).contains("Relatório mensal");
        Chromium.screenshot(browser, "desk-view");

        browser.get(base + "/desk/queues/mine");
        assertThat(browser.findElement(By.id("view-count-" + id)).getText()).isEqualTo("1");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(base + "/desk/views/" + id);
        Number overflow = (Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow.intValue()).as("no sideways scrolling of the page at 390 px").isLessThanOrEqualTo(0);
        Chromium.screenshot(browser, "desk-view-phone");
        browser.get(base + "/desk/queues/all?q=exportar+" + word.toLowerCase());
        browser.findElement(By.cssSelector("#save-view summary")).click();
        Number queueOverflow = (Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(queueOverflow.intValue()).as("the queue with its views and the save form fit 390 px").isLessThanOrEqualTo(0);
        Chromium.screenshot(browser, "desk-search-phone");
    }
}
