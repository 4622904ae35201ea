package org.atende.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.atende.customers.Language;
import org.atende.identity.Role;
import org.atende.identity.UserDraft;
import org.atende.identity.UserSummary;
import org.atende.support.ApiIntegrationSupport;
import org.atende.support.Chromium;
import org.atende.support.NarrowScreen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The pages this work changed, in Portuguese and Spanish, on a phone: in the reader's words and nothing sticking out. */
class LanguagePagesBrowserTests extends ApiIntegrationSupport {

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
    void theDeskNamesTargetsAndReportFiltersReadInPortugueseAndSpanishOnAPhone() {
        String email = unique("lingua.admin") + "@vendor.example";
        UserSummary admin = identity.createUser(new UserDraft(email, "Marta Admin", Role.ADMIN, null, null, null, true, "plum orchard at dusk 27"));
        browser = Chromium.start("en-GB,en");
        String base = "http://localhost:" + port;
        Chromium.signIn(browser, base, email, "plum orchard at dusk 27");
        browser.manage().window().setSize(new Dimension(390, 844));

        identity.speak(admin.id(), Language.PT);
        browser.get(base + "/admin/desk-names");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Nome para os clientes");
        assertThat(browser.findElement(By.id("namePT")).getAttribute("value")).isEqualTo("Equipa de Suporte");
        NarrowScreen.assertFits(browser, "main", ".tabs");
        Chromium.screenshot(browser, "desk-names-pt-390");
        browser.get(base + "/admin/sla-policies");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("horas úteis").doesNotContain("business");
        Chromium.screenshot(browser, "sla-policies-pt-390");
        // an organisation whose name is longer than a phone is wide: the filter's list must not widen the page
        assertThat(api.post("/api/v1/organisations", this.admin, java.util.Map.of("name",
                unique("Cooperativa Agrícola dos Produtores de Vinho Verde da Região do Minho"), "planId", createPlan(),
                "language", "PT")).status()).isEqualTo(201);
        browser.get(base + "/reports");
        assertThat(browser.findElement(By.id("from")).getAttribute("placeholder")).isEqualTo("aaaa-mm");
        assertThat(browser.findElement(By.id("month-hint")).getText()).startsWith("Um mês como ano-mês");
        NarrowScreen.assertFits(browser, "main", ".tabs, .table-scroll, table, .chart");
        Chromium.screenshot(browser, "reports-filter-pt-390");

        identity.speak(admin.id(), Language.ES);
        browser.get(base + "/admin/desk-names");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Nombre para los clientes");
        NarrowScreen.assertFits(browser, "main", ".tabs");
        Chromium.screenshot(browser, "desk-names-es-390");
        browser.get(base + "/admin/sla-policies");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("horas hábiles").doesNotContain("business");
        Chromium.screenshot(browser, "sla-policies-es-390");
    }
}
