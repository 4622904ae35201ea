package org.atende.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** What a page must hold on a phone-sized window: nothing sticking out, and no sideways scroll of the page. */
public final class NarrowScreen {

    private NarrowScreen() {
    }

    /**
     * Nothing of element {@code id} sticks out of the window, except inside {@code scrolling} (a CSS selector of a
     * box that scrolls on its own, such as a wide table's; null for none), and the page does not scroll sideways.
     */
    public static void assertFits(WebDriver browser, String id, @Nullable String scrolling) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        Number width = (Number) js.executeScript("return document.documentElement.clientWidth");
        Number overflow = (Number) js.executeScript("var root = document.getElementById(arguments[0]); var skip = arguments[1]; var worst = 0;"
                + "[root].concat(Array.prototype.slice.call(root.querySelectorAll('*'))).forEach(function (e) {"
                + "  if (e.offsetParent === null && e !== root) { return; }"
                + "  if (skip && e.closest(skip)) { return; }"
                + "  worst = Math.max(worst, e.getBoundingClientRect().right); });"
                + "return worst;", id, scrolling);
        assertThat(overflow.doubleValue()).as(id + " fits a window " + width + " px wide").isLessThanOrEqualTo(width.doubleValue());
        Number page = (Number) js.executeScript("return document.documentElement.scrollWidth");
        assertThat(page.intValue()).as("the page does not scroll sideways").isLessThanOrEqualTo(width.intValue());
    }
}
