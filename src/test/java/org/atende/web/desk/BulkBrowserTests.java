package org.atende.web.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.atende.customers.Customers;
import org.atende.identity.Role;
import org.atende.identity.UserDraft;
import org.atende.identity.UserSummary;
import org.atende.support.ApiIntegrationSupport;
import org.atende.support.Browsers;
import org.atende.support.Chromium;
import org.atende.support.NarrowScreen;
import org.atende.tickets.Channel;
import org.atende.tickets.TicketChanges;
import org.atende.tickets.TicketFilter;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.atende.views.SavedView;
import org.atende.views.SavedViews;
import org.atende.views.ViewColumn;
import org.atende.views.ViewDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bulk work in a real Chromium: an agent ticks 20 tickets of a queue with a Shift-click, keeps them through
 * the list's refresh, assigns them to a colleague who finds them in "Minhas"; on a phone-sized screen in
 * Spanish, an agent selects the page, sees "select all", and sets a status that one ticket refuses; on a phone, an
 * agent selects every ticket of a saved view and assigns them.
 * Screenshots of the toolbar, the confirmation and the summary go to target/screenshots.
 */
class BulkBrowserTests extends ApiIntegrationSupport {

    @LocalServerPort
    int port;

    @Autowired
    Tickets tickets;

    @Autowired
    Customers customers;

    @Autowired
    SavedViews views;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    private WebDriver browser(String language) {
        return browsers.start(language);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private DeskFixture desk(String word) {
        long org = createOrganisation();
        return new DeskFixture(identity, customers, tickets, word, org, createContact(org, unique("ana") + "@customer.example"));
    }

    private List<TicketView> open(DeskFixture desk, String word, int count) {
        List<TicketView> ts = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ts.add(desk.fromCustomer(word + " — não consigo exportar a fatura " + i, "A exportação dá erro 500.", Channel.EMAIL,
                    null, null));
        }
        return ts;
    }

    private static List<WebElement> boxes(WebDriver browser) {
        return browser.findElements(By.cssSelector("#queue-list input.pick"));
    }

    private static long ticked(WebDriver browser) {
        return boxes(browser).stream().filter(WebElement::isSelected).count();
    }

    private static void shiftClick(WebDriver browser, WebElement box) {
        new Actions(browser).keyDown(Keys.SHIFT).click(box).keyUp(Keys.SHIFT).perform();
    }

    @Test
    void anAgentTicksTwentyTicketsWithAShiftClickAndAssignsThemToAColleagueWhoSeesThemInHerQueue() {
        String word = unique("Lote");
        DeskFixture desk = desk(word);
        String colleagueEmail = unique("tiago") + "@vendor.example";
        UserSummary colleague = identity.createUser(new UserDraft(colleagueEmail, "Tiago Santos " + word, Role.AGENT, null,
                null, null, true, DeskFixture.PASSWORD));
        List<TicketView> ts = open(desk, word, 24);

        WebDriver agent = browser("pt-PT,pt");
        Chromium.signIn(agent, base(), desk.agentEmail, DeskFixture.PASSWORD);
        agent.get(base() + "/desk/queues/unassigned?q=" + word);
        assertThat(boxes(agent)).hasSize(24);
        assertThat(agent.findElement(By.id("bulk")).isDisplayed()).as("no toolbar before a tick").isFalse();

        boxes(agent).get(0).click();
        shiftClick(agent, boxes(agent).get(19));
        assertThat(ticked(agent)).isEqualTo(20);
        assertThat(agent.findElement(By.id("bulk-count")).getText()).isEqualTo("20 pedidos selecionados");
        assertThat(boxes(agent).get(20).isSelected()).isFalse();

        new Actions(agent).sendKeys("x").perform(); // the focus is on the 20th tick: x unticks it, and ticks it again
        assertThat(ticked(agent)).isEqualTo(19);
        assertThat(boxes(agent).get(19).isSelected()).isFalse();
        new Actions(agent).sendKeys("x").perform();
        assertThat(boxes(agent).get(19).isSelected()).isTrue();
        new Actions(agent).sendKeys("j").perform(); // j moves to the 21st ticket, x ticks it
        assertThat(agent.switchTo().activeElement().getAttribute("id")).isEqualTo("open-" + ts.get(20).number());
        new Actions(agent).sendKeys("x").perform();
        assertThat(ticked(agent)).isEqualTo(21);
        desk.assignToAgent(ts.get(20)); // meanwhile the 21st is taken: it leaves the queue

        // the list refreshes itself (what the 30-second timer does): the rows still listed stay ticked
        WebElement oldList = agent.findElement(By.id("queue-list"));
        ((JavascriptExecutor) agent).executeScript("htmx.ajax('GET', document.getElementById('queue-list').getAttribute('hx-get'),"
                + " {target: '#queue-list', swap: 'outerHTML'})");
        new WebDriverWait(agent, Duration.ofSeconds(10)).until(d -> {
            try {
                oldList.isDisplayed();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return true;
            }
        });
        new WebDriverWait(agent, Duration.ofSeconds(5)).until(d -> ticked(d) == 20);
        assertThat(boxes(agent)).hasSize(23);
        assertThat(boxes(agent).subList(0, 20)).allMatch(WebElement::isSelected);
        assertThat(agent.findElement(By.id("bulk-left")).getText())
                .isEqualTo("Pedidos selecionados que saíram da lista ao atualizar: 1 (deixaram de estar selecionados).");
        assertThat(agent.findElement(By.id("bulk-count")).getText()).isEqualTo("20 pedidos selecionados");

        new Select(agent.findElement(By.id("bulk-assignee"))).selectByVisibleText("Tiago Santos " + word);
        ((JavascriptExecutor) agent).executeScript("window.scrollTo(0, 0)");
        Chromium.screenshot(agent, "bulk-toolbar-pt");
        assertNoEnglish(agent);
        agent.manage().window().setSize(new Dimension(390, 844));
        assertFits(agent, "bulk");
        ((JavascriptExecutor) agent).executeScript("document.getElementById('bulk').scrollIntoView()");
        Chromium.screenshot(agent, "bulk-toolbar-pt-390");
        agent.manage().window().setSize(new Dimension(1280, 900));

        Chromium.clickAndLoad(agent, By.id("bulk-apply"));
        WebElement summary = agent.findElement(By.id("bulk-summary"));
        assertThat(summary.getText()).contains("Atribuir a Tiago Santos " + word, "20 alterados");
        Chromium.screenshot(agent, "bulk-summary-pt");
        assertNoEnglish(agent);
        agent.manage().window().setSize(new Dimension(390, 844));
        assertFits(agent, "bulk-summary");
        Chromium.screenshot(agent, "bulk-summary-pt-390");
        assertThat(boxes(agent)).as("3 are left unassigned").hasSize(3);
        ts.subList(0, 20).forEach(t -> assertThat(tickets.lookup(t.id()).orElseThrow().assigneeId()).isEqualTo(colleague.id()));
        assertThat(tickets.lookup(ts.get(20).id()).orElseThrow().assigneeId()).isEqualTo(desk.agent.userId());
        assertThat(tickets.lookup(ts.get(21).id()).orElseThrow().assigneeId()).isNull();

        WebDriver tiago = browser("pt-PT,pt");
        Chromium.signIn(tiago, base(), colleagueEmail, DeskFixture.PASSWORD);
        tiago.get(base() + "/desk");
        new WebDriverWait(tiago, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/desk/queues/mine"));
        assertThat(tiago.findElement(By.cssSelector("nav .tabs a[aria-current=page]")).getText()).startsWith("Minhas");
        assertThat(tiago.findElements(By.cssSelector("tr.ticket-row")).stream().map(r -> r.getAttribute("id")))
                .containsExactlyInAnyOrderElementsOf(ts.subList(0, 20).stream().map(t -> "row-" + t.number()).toList());
    }

    @Test
    void onAPhoneInSpanishAnAgentSelectsThePageSetsAStatusAndReadsWhichTicketRefused() {
        String word = unique("Movil");
        DeskFixture desk = desk(word);
        List<TicketView> ts = open(desk, word, DeskQueues.PAGE_SIZE + 3);
        TicketView closed = desk.change(ts.get(0), TicketChanges.status(TicketStatus.RESOLVED));
        desk.change(closed, TicketChanges.status(TicketStatus.CLOSED));

        WebDriver agent = browser("es-ES,es");
        agent.manage().window().setSize(new Dimension(390, 844));
        Chromium.signIn(agent, base(), desk.agentEmail, DeskFixture.PASSWORD);
        agent.get(base() + "/desk/queues/all?q=" + word);

        agent.findElement(By.id("pick-page")).click();
        assertThat(ticked(agent)).isEqualTo(DeskQueues.PAGE_SIZE);
        assertThat(agent.findElement(By.id("bulk-count")).getText()).isEqualTo(DeskQueues.PAGE_SIZE + " tickets seleccionados");
        WebElement all = agent.findElement(By.id("bulk-all"));
        assertThat(all.getText()).isEqualTo("Seleccionar los " + ts.size() + " tickets de esta lista");
        new Select(agent.findElement(By.id("bulk-action"))).selectByValue("close");
        assertFits(agent, "bulk");
        Chromium.screenshot(agent, "bulk-toolbar-es-390");
        assertNoEnglish(agent);

        all.click();
        assertThat(agent.findElement(By.id("bulk-count")).getText()).isEqualTo("Los " + ts.size() + " tickets de esta lista están seleccionados");
        Chromium.clickAndLoad(agent, By.id("bulk-apply"));
        assertThat(agent.findElement(By.tagName("h2")).getText()).isEqualTo("¿Cerrar " + ts.size() + " tickets?");
        assertFits(agent, "main");
        Chromium.screenshot(agent, "bulk-confirm-es-390");
        assertNoEnglish(agent);
        agent.findElement(By.cssSelector("a.button.secondary")).click(); // not now: back to the queue
        new WebDriverWait(agent, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("pick-page")).isEmpty());

        agent.findElement(By.id("pick-page")).click();
        agent.findElement(By.id("bulk-all")).click();
        new Select(agent.findElement(By.id("bulk-action"))).selectByValue("status");
        new Select(agent.findElement(By.id("bulk-status"))).selectByValue("OPEN");
        Chromium.clickAndLoad(agent, By.id("bulk-apply"));

        WebElement summary = agent.findElement(By.id("bulk-summary"));
        assertThat(summary.getText()).contains("Cambiar el estado: Abierto", (ts.size() - 1) + " cambiados", "1 rechazado",
                "#" + closed.number(), "no puede pasar de Cerrado a Abierto (permitido: nada, está cerrado)");
        assertThat(summary.findElement(By.cssSelector("ul.refusals a")).getAttribute("href")).endsWith("/desk/tickets/" + closed.number());
        assertFits(agent, "bulk-summary");
        Chromium.screenshot(agent, "bulk-summary-es-390");
        assertNoEnglish(agent);
        assertThat(tickets.lookup(ts.get(ts.size() - 1).id()).orElseThrow().status()).isEqualTo(TicketStatus.OPEN);
    }

    @Test
    void onAPhoneAnAgentSelectsEveryTicketOfASavedViewWithAShiftClickAndSelectAllAndAssignsThem() {
        String word = unique("Vista");
        DeskFixture desk = desk(word);
        UserSummary colleague = identity.createUser(new UserDraft(unique("tiago") + "@vendor.example", "Tiago Santos " + word,
                Role.AGENT, null, null, null, true, DeskFixture.PASSWORD));
        List<TicketView> ts = open(desk, word, DeskQueues.PAGE_SIZE + 2);
        TicketView outside = desk.fromCustomer("Outra coisa " + word, "Sem relação.", Channel.EMAIL, null, null);
        desk.change(outside, TicketChanges.status(TicketStatus.OPEN));
        TicketFilter fresh = new TicketFilter(Set.of(TicketStatus.NEW), null, desk.organisation.value(), null, null, null, null,
                null, null, null, null, null, null, null, null);
        SavedView view = views.create(new ViewDraft("Novos " + word, null, null, fresh, null, List.of(ViewColumn.NUMBER,
                ViewColumn.SUBJECT, ViewColumn.ASSIGNEE)), desk.agent);

        WebDriver agent = browser("pt-PT,pt");
        agent.manage().window().setSize(new Dimension(390, 844));
        Chromium.signIn(agent, base(), desk.agentEmail, DeskFixture.PASSWORD);
        agent.get(base() + "/desk/views/" + view.id());
        assertThat(boxes(agent)).hasSize(DeskQueues.PAGE_SIZE);
        assertThat(agent.findElement(By.id("bulk")).isDisplayed()).as("no toolbar before a tick").isFalse();

        boxes(agent).get(0).click();
        shiftClick(agent, boxes(agent).get(4));
        assertThat(ticked(agent)).isEqualTo(5);
        assertThat(agent.findElement(By.id("bulk-count")).getText()).isEqualTo("5 pedidos selecionados");
        ((JavascriptExecutor) agent).executeScript("window.scrollTo(0, 0)"); // the toolbar, now shown, sits above the list
        agent.findElement(By.id("pick-page")).click();
        assertThat(ticked(agent)).isEqualTo(DeskQueues.PAGE_SIZE);
        WebElement all = agent.findElement(By.id("bulk-all"));
        assertThat(all.getText()).isEqualTo("Selecionar todos os " + ts.size() + " pedidos desta lista");
        all.click();
        assertThat(agent.findElement(By.id("bulk-count")).getText()).contains(String.valueOf(ts.size()));
        new Select(agent.findElement(By.id("bulk-assignee"))).selectByVisibleText("Tiago Santos " + word);
        assertFits(agent, "bulk");
        Chromium.screenshot(agent, "bulk-view-toolbar-pt-390");
        assertNoEnglish(agent);

        Chromium.clickAndLoad(agent, By.id("bulk-apply"));
        assertThat(agent.getCurrentUrl()).endsWith("/desk/views/" + view.id());
        WebElement summary = agent.findElement(By.id("bulk-summary"));
        assertThat(summary.getText()).contains("Atribuir a Tiago Santos " + word, ts.size() + " alterados");
        assertFits(agent, "bulk-summary");
        Chromium.screenshot(agent, "bulk-view-summary-pt-390");
        ts.forEach(t -> assertThat(tickets.lookup(t.id()).orElseThrow().assigneeId()).isEqualTo(colleague.id()));
        assertThat(tickets.lookup(outside.id()).orElseThrow().assigneeId()).as("not in the view").isNull();
    }

    /** Nothing of the element sticks out of the window (the queue's table scrolls inside its own box). */
    private static void assertFits(WebDriver browser, String id) {
        NarrowScreen.assertFits(browser, id, "#queue-list");
    }

    /** None of the English texts of the bulk work is on a Spanish or Portuguese page. */
    private static void assertNoEnglish(WebDriver browser) {
        String shown = browser.findElement(By.tagName("body")).getText();
        assertThat(englishTexts()).allSatisfy(english -> assertThat(shown)
                .doesNotContainPattern("(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(english) + "(?![\\p{L}\\p{N}])"));
    }

    private static List<String> englishTexts() {
        Properties english = new Properties();
        try (Reader in = new InputStreamReader(BulkBrowserTests.class.getResourceAsStream("/messages/desk.properties"),
                StandardCharsets.UTF_8)) {
            english.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return english.stringPropertyNames().stream().filter(k -> k.startsWith("desk.bulk.") || k.equals("desk.keys.pick"))
                .map(english::getProperty)
                .flatMap(text -> Arrays.stream(text.split("\\{[^}]*}")))
                .map(String::strip).filter(piece -> piece.length() > 4 && !piece.matches(".*[}|#<].*")).toList();
    }
}
