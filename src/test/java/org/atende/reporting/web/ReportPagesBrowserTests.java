package org.atende.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.atende.identity.Role;
import org.atende.reporting.ReportFixture;
import org.atende.support.Chromium;
import org.atende.tickets.Tickets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** The report pages in a real Chromium: the charts are drawn (ECharts from the webjar, under the CSP) and the pages look right. */
class ReportPagesBrowserTests extends ReportPagesSupport {

    @Autowired
    Tickets tickets;

    WebDriver browser;

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void drawsTheChartsOfALeadsReportsAndPrintsACustomersMonth() {
        ReportFixture desk = new ReportFixture(jdbc, tickets, "Oficinas Lusas");
        String org = "organisationId=" + desk.org.value();
        browser = Chromium.start("en-GB,en");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        signIn(user(Role.LEAD, null));
        browser.get(base() + "/reports?by=CHANNEL&from=2026-10&to=2026-11&" + org);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#compliance-chart[data-drawn] canvas")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("SLA compliance");
        assertThat(browser.findElement(By.cssSelector("#compliance-table tbody")).getText()).contains("E-mail", "Portal");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1300)); // chart and table
        Chromium.screenshot(browser, "reports-compliance");

        browser.get(base() + "/reports/flow?from=2026-11-16&to=2026-12-06&" + org);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#flow-chart[data-drawn] canvas")));
        Chromium.screenshot(browser, "reports-flow");

        Chromium.clickAndLoad(browser, By.cssSelector("form[action$='/logout'] button"));
        signIn(user(Role.CUSTOMER, desk.org));
        browser.get(base() + "/portal/reports/2026-11");
        assertThat(browser.findElement(By.id("kept-tickets")).getText()).isEqualTo("5");
        assertThat(browser.findElement(By.cssSelector("[data-print]")).isDisplayed()).isTrue();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1900)); // the whole report, as printed
        Chromium.screenshot(browser, "portal-monthly-report");
    }

    private void signIn(String email) {
        Chromium.signIn(browser, base(), email, PASSWORD);
    }
}
