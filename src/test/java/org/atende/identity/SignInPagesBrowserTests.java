package org.atende.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

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

/** Signing in and one's own settings, in a real Chromium. */
class SignInPagesBrowserTests extends ApiIntegrationSupport {

    @LocalServerPort
    int port;

    WebDriver browser;

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
        // the administrator is shared with every other test in this context, which expects pages in English
        identity.speak(identity.userByEmail(ADMIN_EMAIL).orElseThrow().id(), null);
    }

    @Test
    void speaksTheBrowsersLanguageUntilTheUserChoosesOne() {
        browser = Chromium.start("es-ES,es");
        browser.get("http://localhost:" + port + "/login");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Iniciar sesión");
        Chromium.screenshot(browser, "sign-in");

        browser.findElement(By.id("username")).sendKeys(ADMIN_EMAIL);
        browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        Chromium.clickAndLoad(browser, By.cssSelector("button[type=submit]"));
        browser.get("http://localhost:" + port + "/account");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Su cuenta");

        new Select(browser.findElement(By.id("language"))).selectByValue("PT");
        Chromium.clickAndLoad(browser, By.cssSelector("form[action$='/account/language'] button"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("saved"));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("A sua conta");
        assertThat(browser.findElement(By.cssSelector("html")).getAttribute("lang")).isEqualTo("pt");
    }

    @Test
    void saysWhyASignInFailedInTheBrowsersLanguage() {
        browser = Chromium.start("pt-PT,pt");
        browser.get("http://localhost:" + port + "/login");

        browser.findElement(By.id("username")).sendKeys(ADMIN_EMAIL);
        browser.findElement(By.id("password")).sendKeys("certainly not the password");
        Chromium.clickAndLoad(browser, By.cssSelector("button[type=submit]"));

        assertThat(browser.getCurrentUrl()).endsWith("/login?error");
        assertThat(browser.findElement(By.cssSelector("main [role=alert]")).getText())
                .startsWith("E-mail ou palavra-passe errados.");
    }
}
