package org.atende.support;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;

/** The Chromiums a test starts, each quit when the test ends: {@code @RegisterExtension final Browsers browsers = new Browsers();}. */
public final class Browsers implements AfterEachCallback {

    private final List<WebDriver> open = new ArrayList<>();

    /** A fresh browser whose user prefers {@code language} (see {@link Chromium#start}). */
    public WebDriver start(String language) {
        WebDriver browser = Chromium.start(language);
        open.add(browser);
        return browser;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        open.forEach(WebDriver::quit);
        open.clear();
    }
}
