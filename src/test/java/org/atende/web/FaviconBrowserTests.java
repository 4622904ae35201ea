package org.atende.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.atende.support.ApiIntegrationSupport;
import org.atende.support.Chromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The desk's icon in a real Chromium: linked from the pages, loaded without signing in, no 404 in the console. */
class FaviconBrowserTests extends ApiIntegrationSupport {

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
    void theSignInPageAndTheDeskLoadTheirIconWithoutA404() {
        browser = Chromium.start("en");
        String base = "http://localhost:" + port;
        browser.get(base + "/login");
        assertThat(browser.findElement(By.cssSelector("link[rel=icon]")).getAttribute("href")).isEqualTo(base + "/favicon.svg");
        assertThat(iconLoads("/favicon.svg")).isEqualTo(200);
        assertThat(iconLoads("/favicon.ico")).as("asked for by browsers that ignore the link").isEqualTo(200);
        Chromium.signIn(browser, base, ADMIN_EMAIL, ADMIN_PASSWORD);
        browser.get(base + "/desk/queues/mine");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> "complete".equals(
                ((JavascriptExecutor) d).executeScript("return document.readyState")));
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("404") || m.contains("favicon")).toList();
        assertThat(errors).isEmpty();
    }

    /** The status the icon answers with to a request of the page's own (same cookies: none before signing in). */
    private long iconLoads(String path) {
        return (Long) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => done(r.status))", path);
    }
}
