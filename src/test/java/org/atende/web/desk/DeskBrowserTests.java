package org.atende.web.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.atende.customers.Customers;
import org.atende.support.ApiIntegrationSupport;
import org.atende.support.Chromium;
import org.atende.tickets.Channel;
import org.atende.tickets.MessageKind;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketChanges;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An agent works the queue with the keyboard in a real Chromium: j to the first ticket, Enter to open it, a reply. */
class DeskBrowserTests extends ApiIntegrationSupport {

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
    void opensTheTicketThatBreachesFirstWithTheKeyboardAndReplies() {
        String word = unique("Browser");
        long org = createOrganisation();
        DeskFixture desk = new DeskFixture(identity, customers, tickets, word, org, createContact(org, unique("ana") + "@customer.example"));
        TicketView late = desk.assignToAgent(desk.fromCustomer("Invoices do not export <b>since Monday</b>",
                "Hello,\nthe export of invoices fails with an error.\n\nOn Mon, Ana wrote:\n> earlier text", Channel.EMAIL, null,
                Instant.now().minus(Duration.ofDays(3))));
        TicketView urgent = desk.assignToAgent(desk.fromCustomer("Cannot sign in to the app", "Nobody in the office can sign in.",
                Channel.WHATSAPP, null, null));
        desk.change(urgent, TicketChanges.priority(Priority.URGENT));
        TicketView low = desk.assignToAgent(desk.fromCustomer("Question about the monthly report", "Where is the total?",
                Channel.EMAIL, null, null));
        desk.change(low, TicketChanges.priority(Priority.LOW));

        browser = Chromium.start("en-GB,en");
        Chromium.signIn(browser, "http://localhost:" + port, desk.agentEmail, DeskFixture.PASSWORD);
        browser.get("http://localhost:" + port + "/desk");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/desk/queues/mine"));
        assertThat(browser.findElements(By.cssSelector("tr.ticket-row"))).hasSize(3);
        Chromium.screenshot(browser, "desk-queue");

        new Actions(browser).sendKeys("?").perform();
        assertThat(browser.findElement(By.id("shortcuts")).getAttribute("open")).isNotNull();
        new Actions(browser).sendKeys(Keys.ESCAPE).perform();
        assertThat(browser.findElement(By.id("shortcuts")).getAttribute("open")).isNull();

        new Actions(browser).sendKeys("j").perform();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("open-" + late.number());
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/desk/tickets/" + late.number()));

        browser.findElement(By.id("reply-body")).sendKeys("We found the cause and are fixing the export.");
        Chromium.clickAndLoad(browser, By.cssSelector("button[name=intent][value=reply]"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("saved=reply"));

        assertThat(browser.findElement(By.cssSelector("p.flash")).getText()).isEqualTo("Reply sent to the customer.");
        assertThat(browser.findElements(By.cssSelector(".conversation .message.agent"))).hasSize(1);
        assertThat(tickets.messagesOf(late.id())).extracting(m -> m.kind()).contains(MessageKind.AGENT);
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 2000));
        Chromium.screenshot(browser, "desk-ticket");
    }
}
