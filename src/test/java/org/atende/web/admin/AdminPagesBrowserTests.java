package org.atende.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.atende.identity.Role;
import org.atende.identity.UserDraft;
import org.atende.support.ApiIntegrationSupport;
import org.atende.support.Chromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The admin pages in a real Chromium: the overview, the calendar's live preview as the form changes, the users. */
class AdminPagesBrowserTests extends ApiIntegrationSupport {

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
    void previewsDueTimesLiveAsTheCalendarIsEdited() {
        String email = unique("browser.admin") + "@vendor.example";
        identity.createUser(new UserDraft(email, "Marta Admin", Role.ADMIN, null, null, null, true, "plum orchard at dusk 27"));
        browser = Chromium.start("en-GB,en");
        String base = "http://localhost:" + port;
        Chromium.signIn(browser, base, email, "plum orchard at dusk 27");

        browser.get(base + "/admin");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Administration");
        Chromium.screenshot(browser, "admin-overview");

        browser.get(base + "/admin/calendars/new");
        WebElement received = browser.findElement(By.id("receivedAt"));
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].value = '2026-12-04T14:05'; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", received);
        // htmx swaps the preview while the wait reads it: a row found a moment ago may be gone.
        var wait = new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class);
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#preview tr[data-priority=HIGH] time"), "datetime",
                "2026-12-07T14:05:00Z"));

        WebElement friday = browser.findElement(By.id("week.fri"));
        friday.clear();
        friday.sendKeys("09:00-15:00");
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#preview tr[data-priority=HIGH] time"), "datetime",
                "2026-12-07T20:05:00Z"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#preview caption"), "Fri 4 Dec 2026 14:05 (Lisbon)"));
        ((JavascriptExecutor) browser).executeScript("document.getElementById('preview-title').scrollIntoView({block: 'start'});");
        Chromium.screenshot(browser, "admin-calendar-preview");

        browser.get(base + "/admin/users");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Users");
        assertThat(browser.findElement(By.cssSelector("main table")).getText()).contains(email);
        Chromium.screenshot(browser, "admin-users");
    }
}
