package org.atende.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import org.atende.customers.ContactId;
import org.atende.customers.OrganisationId;
import org.atende.identity.Role;
import org.atende.identity.TeamId;
import org.atende.identity.UserDraft;
import org.atende.support.ApiIntegrationSupport;
import org.atende.support.Chromium;
import org.atende.support.DeskFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Routing in real browsers: a customer opens a ticket in the portal, it is routed to a team and one of its agents,
 * who signs in and finds it in "Mine" with the routing line on its page, then goes away handing it back. The rules
 * pages in Portuguese and Spanish, and 390 px wide, with no English left and nothing wider than the screen.
 */
@TestPropertySource(properties = "atende.test.desk=routing")
class RoutingBrowserTests extends ApiIntegrationSupport {

    private static final String PASSWORD = "a long password for the browser";

    @LocalServerPort
    int port;

    @Autowired
    RoutingRules rules;

    WebDriver customer;
    WebDriver agent;
    WebDriver lead;

    @AfterEach
    void closeTheBrowsers() {
        for (WebDriver browser : new WebDriver[] {customer, agent, lead}) {
            if (browser != null) {
                browser.quit();
            }
        }
    }

    @Test
    void aPortalTicketIsRoutedToAnAgentWhoFindsItInMineWithItsRoutingLine() {
        DeskFixtures desk = new DeskFixtures(jdbc);
        long plan = desk.plan(desk.standardPolicy(), "MEDIUM");
        OrganisationId padaria = desk.organisation("Padaria", plan);
        jdbc.sql("UPDATE organisation SET name = 'Padaria Central' WHERE id = ?").param(padaria.value()).update();
        ContactId joana = desk.contact(padaria, "Joana Silva", "PT");
        // readable names in the screenshots: this desk has a database of its own
        jdbc.sql("UPDATE plan SET name = 'Essencial' WHERE id = ?").param(plan).update();
        jdbc.sql("UPDATE contact SET email = 'joana@padaria-central.pt' WHERE id = ?").param(joana.value()).update();
        String joanaEmail = user("cliente", "Joana Silva", Role.CUSTOMER, padaria, joana, null);
        TeamId firstLine = desk.team("Primeira linha", "FIRST_LINE");
        jdbc.sql("UPDATE team SET name = 'Primeira linha' WHERE id = ?").param(firstLine.value()).update();
        String ines = user("ines", "Inês Duarte", Role.AGENT, null, null, firstLine);
        String tiago = user("tiago", "Tiago Moreira", Role.AGENT, null, null, firstLine);
        jdbc.sql("UPDATE app_user SET languages = 'PT,EN' WHERE team_id = ?").param(firstLine.value()).update();
        var saved = rules.create(new RoutingRuleDraft("Primeira linha — tudo", true, null, RoutingDesk.any(),
                new RoutingRuleDraft.Action(firstLine.value(), "ROUND_ROBIN")));
        assertThat(saved).isInstanceOf(RoutingOutcome.Saved.class);
        String base = "http://localhost:" + port;

        customer = signedIn(base, joanaEmail, "pt-PT,pt");
        customer.get(base + "/portal/tickets/new");
        customer.findElement(By.id("subject")).sendKeys("Não consigo emitir a fatura de novembro");
        customer.findElement(By.id("description")).sendKeys("Dá erro ao gravar o PDF.");
        Chromium.clickAndLoad(customer, By.cssSelector("#new-request button[type=submit]"));
        wait(customer).until(ExpectedConditions.urlContains("created"));
        String number = customer.getCurrentUrl().replaceAll("\\?.*$", "").replaceAll(".*/", "");

        long assignee = routedAssignee(Long.parseLong(number));
        String chosen = jdbc.sql("SELECT email FROM app_user WHERE id = ?").param(assignee).query(String.class).single();
        assertThat(chosen).isIn(ines, tiago);
        String name = chosen.equals(ines) ? "Inês Duarte" : "Tiago Moreira";

        agent = signedIn(base, chosen, "pt-PT,pt");
        agent.get(base + "/desk/queues/mine");
        assertThat(agent.findElements(By.cssSelector("tr.ticket-row"))).singleElement()
                .satisfies(row -> assertThat(row.getText()).contains(number, "Não consigo emitir a fatura de novembro"));
        wait(agent).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#availability .presence"), "Disponível"));
        Chromium.screenshot(agent, "routing-1-mine");
        Chromium.clickAndLoad(agent, By.id("open-" + number));
        String line = agent.findElement(By.cssSelector("ol.timeline.routing")).getText();
        assertThat(line).contains("encaminhado pela regra «Primeira linha — tudo», rotativo → Primeira linha, " + name);
        ((JavascriptExecutor) agent).executeScript("document.getElementById('routing-title').scrollIntoView()");
        Chromium.screenshot(agent, "routing-2-ticket");

        wait(agent).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#availability button[value=AWAY]")));
        Chromium.clickAndLoad(agent, By.cssSelector("#availability button[value=AWAY]"));
        assertThat(agent.findElement(By.tagName("main")).getText()).contains("Devolver o seu pedido em aberto à fila da equipa?");
        Chromium.screenshot(agent, "routing-3-going-away");
        Chromium.clickAndLoad(agent, By.cssSelector("button[name=handBack][value=yes]"));
        wait(agent).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#availability"), "1 pedido devolvido"));
        assertThat(agent.findElement(By.cssSelector("#availability .presence")).getText()).isEqualTo("Ausente");
        assertThat(agent.findElement(By.cssSelector("ol.timeline.routing")).getText()).contains("devolvido à fila de Primeira linha por " + name);
        assertThat(jdbc.sql("SELECT assignee_id FROM ticket WHERE number = ?").param(Long.parseLong(number)).query(Long.class).optional())
                .isEmpty();
    }

    @Test
    void theRulesPagesSpeakPortugueseAndSpanishAndFitAPhone() throws IOException {
        DeskFixtures desk = new DeskFixtures(jdbc);
        TeamId engineering = desk.team("Engenharia", "ENGINEERING");
        jdbc.sql("UPDATE team SET name = 'Engenharia' WHERE id = ?").param(engineering.value()).update();
        user("bruno", "Bruno Teixeira", Role.AGENT, null, null, engineering);
        var saved = rules.create(new RoutingRuleDraft("Engenharia — serviço técnico", true, null,
                new RoutingRuleDraft.Conditions(List.of("PORTAL", "EMAIL"), null, null, List.of("TECHNICAL_SERVICE"), List.of("bulk_update"),
                        List.of("PT", "ES"), List.of("HIGH"), List.of("migração"), List.of("base de dados", "registos apagados")),
                new RoutingRuleDraft.Action(engineering.value(), "LEAST_OPEN_WORK")));
        long id = ((RoutingOutcome.Saved<RoutingRule>) saved).value().id();
        rules.create(new RoutingRuleDraft("Pedidos em espanhol", true, null, RoutingDesk.languages("ES"),
                new RoutingRuleDraft.Action(engineering.value(), "ROUND_ROBIN")));
        String base = "http://localhost:" + port;

        for (String language : List.of("pt", "es")) {
            lead = signedIn(base, ADMIN_EMAIL, ADMIN_PASSWORD, language.equals("pt") ? "pt-PT,pt" : "es-ES,es");
            for (int width : new int[] {1280, 390}) {
                lead.manage().window().setSize(new Dimension(width, width == 390 ? 1600 : 1400));
                String suffix = language + (width == 390 ? "-390" : "");
                lead.get(base + "/admin/routing-rules");
                check(lead, language, width);
                Chromium.screenshot(lead, "routing-rules-" + suffix);
                lead.get(base + "/admin/routing-rules/" + id);
                check(lead, language, width);
                Chromium.screenshot(lead, "routing-rule-" + suffix);
            }
            lead.manage().window().setSize(new Dimension(1280, 1400));
            lead.get(base + "/admin/routing-rules/new");
            Chromium.clickAndLoad(lead, By.cssSelector("form.routing-rule button[type=submit]"));
            assertThat(lead.findElement(By.id("name-error")).getText()).isEqualTo(language.equals("pt") ? "Obrigatório." : "Obligatorio.");
            check(lead, language, 1280);
            Chromium.screenshot(lead, "routing-rule-problems-" + language);
            lead.quit();
            lead = null;
        }
    }

    /** No English text of the routing pages on a pt or es page, and nothing wider than the window. */
    private static void check(WebDriver browser, String language, int width) throws IOException {
        String text = browser.findElement(By.tagName("body")).getText();
        Properties english = bundle("messages/admin.properties");
        english.putAll(bundle("messages/desk.properties"));
        Properties local = bundle("messages/admin_" + language + ".properties");
        local.putAll(bundle("messages/desk_" + language + ".properties"));
        for (String key : english.stringPropertyNames()) {
            String en = english.getProperty(key);
            if (key.startsWith("routing.") && !en.contains("{") && en.length() > 3 && !en.equals(local.getProperty(key))) {
                assertThat(text).as("English '%s' (%s) on the %s page", en, key, language)
                        .doesNotContainPattern("(?<!\\p{L})" + java.util.regex.Pattern.quote(en) + "(?!\\p{L})");
            }
        }
        long scrollWidth = ((Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth")).longValue();
        long innerWidth = ((Number) ((JavascriptExecutor) browser).executeScript("return window.innerWidth")).longValue();
        assertThat(scrollWidth).as("page width at %d px", width).isLessThanOrEqualTo(innerWidth);
    }

    private static Properties bundle(String path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = RoutingBrowserTests.class.getClassLoader().getResourceAsStream(path)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private long routedAssignee(long number) {
        Instant until = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(until)) {
            var assignee = jdbc.sql("SELECT assignee_id FROM ticket WHERE number = ? AND assignee_id IS NOT NULL").param(number)
                    .query(Long.class).optional();
            if (assignee.isPresent()) {
                return assignee.get();
            }
            RoutingDesk.sleep(50);
        }
        throw new AssertionError("ticket #" + number + " was not routed");
    }

    private String user(String hint, String name, Role role, OrganisationId org, ContactId contact, TeamId team) {
        String email = unique(hint) + "@example.com";
        identity.createUser(new UserDraft(email, name, role, org, contact, team, true, PASSWORD));
        return email;
    }

    private static WebDriver signedIn(String base, String email, String language) {
        return signedIn(base, email, PASSWORD, language);
    }

    private static WebDriver signedIn(String base, String email, String password, String language) {
        WebDriver browser = Chromium.start(language);
        Chromium.signIn(browser, base, email, password);
        return browser;
    }

    private static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }
}
