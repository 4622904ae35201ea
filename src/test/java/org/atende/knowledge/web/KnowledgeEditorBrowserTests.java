package org.atende.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.atende.customers.Language;
import org.atende.knowledge.ArticleDraft;
import org.atende.knowledge.CategoryDraft;
import org.atende.knowledge.KnowledgeBase;
import org.atende.support.Api.Answer;
import org.atende.support.ApiIntegrationSupport;
import org.atende.support.Chromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A lead writes and publishes an article in a real Chromium, watching the live preview. */
class KnowledgeEditorBrowserTests extends ApiIntegrationSupport {

    private static final String PASSWORD = "knowledge is power, mostly";

    @LocalServerPort
    int port;

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
    void aLeadWritesAnArticleWithTheLivePreviewAndPublishesIt() {
        String email = unique("lead") + "@vendor.example";
        Answer lead = api.post("/api/v1/users", admin, Map.of("email", email, "name", "Lia Lead", "role", "LEAD",
                "password", PASSWORD));
        assertThat(lead.status()).as(lead.body()).isEqualTo(201);
        long category = knowledge.createCategory(new CategoryDraft(unique("access"), "Acceso", "Acesso", "Access", null)).id();
        long vpn = knowledge.create(new ArticleDraft(unique("vpn"), Language.EN, "Connect to the VPN",
                "Install the client, then sign in with your desk account.", "Install the client.", category, null)).id();
        knowledge.create(new ArticleDraft(unique("vpn-pt"), Language.PT, "Ligar à VPN", null, "Instale o cliente.", category, vpn));
        knowledge.publish(vpn);
        knowledge.recordView(vpn);
        knowledge.recordView(vpn);
        knowledge.recordDeflection(vpn);

        browser = Chromium.start("en-GB,en");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        Chromium.signIn(browser, "http://localhost:" + port, email, PASSWORD);

        browser.get("http://localhost:" + port + "/desk/knowledge/new");
        new Select(browser.findElement(By.id("language"))).selectByValue("EN");
        new Select(browser.findElement(By.id("categoryId"))).selectByVisibleText("Access");
        browser.findElement(By.id("title")).sendKeys("Reset your password");
        String slug = unique("reset-password");
        browser.findElement(By.id("slug")).sendKeys(slug);
        browser.findElement(By.id("summary")).sendKeys("Three steps to a new password.");
        browser.findElement(By.id("markdown")).sendKeys("""
                ## Steps

                1. Open the **sign-in** page.
                2. Choose *Forgot your password?*
                3. Follow the link in the e-mail.

                <script>alert('no')</script>
                """);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#preview strong")));
        assertThat(browser.findElement(By.cssSelector("#preview h2")).getText()).isEqualTo("Steps");
        assertThat(browser.findElements(By.cssSelector("#preview ol li"))).hasSize(3);
        assertThat(browser.findElements(By.cssSelector("#preview script"))).isEmpty();
        browser.manage().window().setSize(new Dimension(1280, 1250));
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        Chromium.screenshot(browser, "knowledge-editor");

        Chromium.clickAndLoad(browser, By.cssSelector("button[value=publish]"));
        wait.until(ExpectedConditions.urlContains("?saved"));
        assertThat(browser.findElement(By.cssSelector("main h1")).getText()).isEqualTo("Reset your password");
        assertThat(browser.findElement(By.cssSelector(".facts .state")).getText()).contains("Published");
        assertThat(knowledge.published(slug, Language.EN)).isPresent();
        Chromium.screenshot(browser, "knowledge-article");

        browser.get("http://localhost:" + port + "/desk/knowledge");
        assertThat(browser.findElement(By.linkText("Reset your password")).isDisplayed()).isTrue();
        Chromium.screenshot(browser, "knowledge-list");

        browser.get("http://localhost:" + port + "/desk/knowledge/categories");
        Chromium.screenshot(browser, "knowledge-categories");
    }
}
