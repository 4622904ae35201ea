package org.atende.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by its own chromedriver (paths set explicitly, so Selenium never tries to
 * download a driver), headless, with the page language given as the browser's {@code Accept-Language}.
 * {@code ./atende test} installs both packages when they are missing (or take
 * {@code ATENDE_CHROMIUM} and {@code ATENDE_CHROMEDRIVER}); a machine without them fails these tests
 * rather than skipping them. Screenshots go to {@code target/screenshots}.
 */
public final class Chromium {

    public static final String BINARY = setting("atende.chromium", "ATENDE_CHROMIUM", "/usr/bin/chromium");
    public static final String DRIVER = setting("atende.chromedriver", "ATENDE_CHROMEDRIVER", "/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Chromium() {
    }

    private static String setting(String property, String variable, String fallback) {
        String fromEnvironment = System.getenv(variable);
        return System.getProperty(property, fromEnvironment == null || fromEnvironment.isBlank() ? fallback : fromEnvironment);
    }

    /** A fresh browser (own profile, no cookies) whose user prefers {@code language} (e.g. "es", "pt-PT,pt"). */
    public static WebDriver start(String language) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        try {
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--no-first-run",
                    "--window-size=1280,900", "--lang=" + language.split(",")[0],
                    "--user-data-dir=" + Files.createTempDirectory("atende-chromium").toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL")); // the console, for tests that read it
        for (int attempt = 1; ; attempt++) {
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(DRIVER))
                    .usingAnyFreePort()
                    .build();
            // a command unanswered for a minute fails (the default waits three), so a browser that hung while starting
            // on a loaded machine is replaced rather than waited for
            ChromeDriver driver = null;
            try {
                driver = new ChromeDriver(service, options, ClientConfig.defaultConfig().readTimeout(Duration.ofSeconds(60)));
                driver.manage().timeouts().implicitlyWait(Duration.ZERO);
                driver.manage().window().setSize(new Dimension(1280, 900));
                return driver;
            } catch (WebDriverException hung) {
                if (driver != null) {
                    quietly(driver);
                } else {
                    service.stop();
                }
                if (attempt == 3) {
                    throw hung;
                }
            }
        }
    }

    private static void quietly(WebDriver driver) {
        try {
            driver.quit();
        } catch (WebDriverException alreadyGone) {
            // the browser is being replaced
        }
    }

    /**
     * Clicks what leads to another page and returns once that page has loaded: the old page's root
     * element has gone stale and the new document is complete. Reading the address or the page right
     * after a plain click races with the navigation it started.
     */
    public static void clickAndLoad(WebDriver driver, By target) {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        for (int attempt = 1; ; attempt++) {
            try {
                driver.findElement(target).click();
                break;
            } catch (StaleElementReferenceException swapped) { // htmx replaced it between finding and clicking
                if (attempt == 5) {
                    throw swapped;
                }
            }
        }
        waitForNewPage(driver, oldPage);
    }

    /** Waits until the document {@code oldPage} belonged to has been replaced and the new one has loaded. */
    public static void waitForNewPage(WebDriver driver, WebElement oldPage) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> isGone(oldPage));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * Whether the page an element belonged to has been replaced. Chromedriver usually answers a stale
     * element, but while a navigation swaps the document it may instead fail with "Node with given id
     * does not belong to the document", which means the same thing.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException | NoSuchElementException gone) {
            return true;
        } catch (WebDriverException swapping) {
            if (String.valueOf(swapping.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw swapping;
        }
    }

    /** Signs in on {@code base}'s sign-in page and waits until the browser has left it. */
    public static void signIn(WebDriver driver, String base, String email, String password) {
        driver.get(base + "/login");
        driver.findElement(By.id("username")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        clickAndLoad(driver, By.cssSelector("button[type=submit]"));
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    public static Path screenshot(WebDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
