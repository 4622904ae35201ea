package org.atende.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.atende.identity.Role;
import org.atende.identity.UserDraft;
import org.atende.support.ApiIntegrationSupport;
import org.atende.support.Chromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The alert pages in a real Chromium: the unread count the queue loads, the notifications page, and a rule written in the form. */
class AlertPagesBrowserTests extends ApiIntegrationSupport {

    private static final String PASSWORD = "plum orchard at dusk 27";

    @LocalServerPort
    int port;

    WebDriver browser;

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aLeadSeesTheirAlertsAndWritesAnEscalationRule() {
        String email = unique("browser.lead") + "@vendor.example";
        long lead = identity.createUser(new UserDraft(email, "Rita Lead", Role.LEAD, null, null, null, true, PASSWORD)).id().value();
        for (String[] alert : new String[][] {{"SLA_WARNING", "1042", "2026-11-26T13:00:00Z"}, {"SLA_BREACHED", "1043", "2026-11-26T15:30:00Z"}}) {
            jdbc.sql("INSERT INTO desk_notification (user_id, kind, ticket_id, text_key, text_params, created_at) VALUES (?, ?, NULL, ?, ?, ?)")
                    .params(lead, alert[0], "notification.sla.warning",
                            "[\"" + alert[1] + "\",\"Invoices\",\"Padaria\",\"first response\",\"Thursday\",\"1 h 00 min\"]",
                            Timestamp.from(Instant.parse(alert[2]))).update();
        }
        browser = Chromium.start("en-GB,en");
        String base = "http://localhost:" + port;
        Chromium.signIn(browser, base, email, PASSWORD);

        browser.get(base + "/desk/queues/mine");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.textToBe(By.id("notifications-link"), "Notifications (2)"));
        Chromium.clickAndLoad(browser, By.id("notifications-link"));
        wait.until(ExpectedConditions.urlToBe(base + "/desk/notifications"));
        assertThat(browser.findElements(By.cssSelector("tbody tr"))).hasSize(2);
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("(null)");
        Chromium.screenshot(browser, "desk-notifications");

        browser.get(base + "/admin/escalation-rules/new");
        browser.findElement(By.id("name")).sendKeys("Breach on urgent");
        new Select(browser.findElement(By.id("thresholdKind"))).selectByValue("BREACHED");
        browser.findElement(By.cssSelector("input[name=priorities][value=URGENT]")).click();
        Chromium.screenshot(browser, "admin-escalation-rule");
        Chromium.clickAndLoad(browser, By.cssSelector("form.card button[type=submit]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "Escalation rules"));
        assertThat(browser.findElement(By.id("actions-error")).getText()).contains("at least one");
        Chromium.screenshot(browser, "admin-escalation-rule-problems");

        new Select(browser.findElement(By.id("raise"))).selectByValue("ONE_LEVEL");
        Chromium.clickAndLoad(browser, By.cssSelector("form.card button[type=submit]"));
        wait.until(ExpectedConditions.urlContains("/admin/escalation-rules?saved"));
        assertThat(browser.findElement(By.tagName("table")).getText()).contains("Breach on urgent", "Raise the priority one level");
        Chromium.screenshot(browser, "admin-escalation-rules");
    }
}
