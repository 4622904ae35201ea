package org.atende.web.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.atende.customers.Customers;
import org.atende.customers.Language;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.identity.TeamDraft;
import org.atende.identity.TeamId;
import org.atende.identity.TeamKind;
import org.atende.identity.UserDraft;
import org.atende.identity.UserSummary;
import org.atende.macros.MacroActions;
import org.atende.macros.MacroDraft;
import org.atende.macros.MacroScope;
import org.atende.macros.MacroTexts;
import org.atende.macros.Macros;
import org.atende.notifications.Mentions;
import org.atende.support.Api.Answer;
import org.atende.support.ApiIntegrationSupport;
import org.atende.support.Browsers;
import org.atende.support.Chromium;
import org.atende.support.NarrowScreen;
import org.atende.tickets.Channel;
import org.atende.tickets.ClosedAs;
import org.atende.tickets.MessageKind;
import org.atende.tickets.OpenTicket;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two agents on one ticket in real Chromiums: Inês (Portuguese) answers with a macro, its placeholders filled and
 * the status set; Tiago (Spanish) sees "Inês está respondiendo" while she writes; she mentions him in a note and he
 * finds the notification; she merges a duplicate after its confirmation. Screenshots of the macro picker, the macro
 * form, the merge confirmation and the presence line in Portuguese and Spanish, at 1,280 and 390 px, go to
 * target/screenshots/workspace-*.png; none of them shows English, and at 390 px nothing sticks out.
 */
class WorkspaceBrowserTests extends ApiIntegrationSupport {

    @LocalServerPort
    int port;

    @Autowired Tickets tickets;
    @Autowired Customers customers;
    @Autowired Macros macros;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    private WebDriver browser(String language) {
        return browsers.start(language);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private UserSummary staff(String name, Role role, TeamId team, Language language) {
        UserSummary user = identity.createUser(new UserDraft(unique(name.split(" ")[0].toLowerCase().replace("ê", "e")) + "@vendor.example",
                name, role, null, null, team, true, DeskFixture.PASSWORD));
        identity.speak(user.id(), language);
        return user;
    }

    @Test
    void anAgentAnswersWithAMacroMentionsAColleagueAndMergesADuplicateWhileTheColleagueSeesHerReplying() {
        TeamId team = identity.createTeam(new TeamDraft(unique("Primeira linha"), TeamKind.FIRST_LINE)).id();
        UserSummary ines = staff("Inês Duarte", Role.AGENT, team, Language.PT);
        UserSummary tiago = staff("Tiago Moreira", Role.AGENT, team, Language.ES);
        UserSummary rui = staff("Rui Lead", Role.LEAD, team, Language.PT);
        long org = createOrganisation();
        Answer joana = api.post("/api/v1/organisations/" + org + "/contacts", admin, Map.of("name", "Joana Ferreira",
                "email", unique("joana") + "@padaria.example", "language", "PT"));
        var contact = customers.contact(new org.atende.customers.ContactId(joana.id())).orElseThrow();
        String word = unique("Registo");
        TicketView ticket = tickets.openFor(contact, new OpenTicket(contact.organisationId(), contact.id(), Channel.EMAIL,
                "A exportação de faturas falha " + word, "Dá erro 500 ao exportar para PDF.", null, null, null, Set.of()));
        TicketView duplicate = tickets.openFor(contact, new OpenTicket(contact.organisationId(), contact.id(), Channel.EMAIL,
                "Faturas outra vez " + word, "Volto a escrever: a exportação continua a falhar.", null, null, null, Set.of()));
        TicketView another = tickets.openFor(contact, new OpenTicket(contact.organisationId(), contact.id(), Channel.EMAIL,
                "Mais uma " + word, "Terceira vez.", null, null, null, Set.of()));
        Actor lead = identity.actor(rui.id()).orElseThrow();
        macros.create(new MacroDraft("Pedir registos " + word, MacroScope.SHARED, null, new MacroTexts(
                "Hola {{contact.firstName}}, ¿nos envía el registro del ticket #{{ticket.number}}?",
                "Olá {{contact.firstName}}, pode enviar-nos o registo do pedido #{{ticket.number}}? Respondemos {{sla.resolutionDue}}.",
                "Hello {{contact.firstName}}, could you send us the log of ticket #{{ticket.number}}?"),
                new MacroActions(TicketStatus.WAITING_ON_CUSTOMER, null, null, Set.of("registos"), Set.of(), null, null, false)), lead);
        String page = base() + "/desk/tickets/" + ticket.number();

        WebDriver her = browser("pt-PT,pt");
        Chromium.signIn(her, base(), ines.email(), DeskFixture.PASSWORD);
        her.get(page);
        WebDriver him = browser("es-ES,es");
        Chromium.signIn(him, base(), tiago.email(), DeskFixture.PASSWORD);
        him.get(page);

        // she writes, he sees her writing (in his language), she sees him there (in hers)
        her.findElement(By.id("reply-body")).sendKeys("Olá Joana, estou a verificar");
        waitFor(him, ExpectedConditions.textToBePresentInElementLocated(By.id("presence-line"), "Inês está respondiendo"));
        waitFor(her, ExpectedConditions.textToBePresentInElementLocated(By.id("presence-line"), "Tiago também tem este pedido aberto"));
        shoot(him, "workspace-presence-es", "presence-line");
        shoot(her, "workspace-presence-pt", "presence-line");
        her.findElement(By.id("reply-body")).clear();

        // the macro picker, opened with m, searched as one types
        her.findElement(By.tagName("h1")).click();
        new Actions(her).sendKeys("m").perform();
        assertThat(her.switchTo().activeElement().getAttribute("id")).isEqualTo("macro-q");
        her.switchTo().activeElement().sendKeys("registos " + word.substring(0, 8));
        By option = By.xpath("//ul[@id='macro-list']//button[contains(., 'Pedir registos " + word + "')]");
        waitFor(her, ExpectedConditions.presenceOfElementLocated(option));
        waitFor(her, d -> d.findElements(By.cssSelector("#macro-list button.macro-option")).size() == 1);
        assertThat(her.findElement(By.id("macro-list")).getText()).contains("Pedir registos " + word).contains("Partilhada");
        shoot(her, "workspace-macro-picker-pt", "macro-picker");
        new Actions(him).sendKeys("m").perform();
        him.switchTo().activeElement().sendKeys("registos " + word.substring(0, 8));
        waitFor(him, d -> d.findElements(By.cssSelector("#macro-list button.macro-option")).size() == 1
                && d.findElements(option).size() == 1);
        assertThat(him.findElement(By.id("macro-list")).getText()).contains("Compartida");
        shoot(him, "workspace-macro-picker-es", "macro-picker");
        him.findElement(option).click();
        waitFor(him, ExpectedConditions.presenceOfElementLocated(By.id("macro-form")));
        assertThat(him.findElement(By.id("macro-form")).getText()).contains("Estado").contains("Esperando al cliente");
        shoot(him, "workspace-macro-preview-es", "macro-picker");

        her.findElement(option).click();
        waitFor(her, ExpectedConditions.presenceOfElementLocated(By.id("macro-body")));
        String filled = her.findElement(By.id("macro-body")).getAttribute("value");
        assertThat(filled).startsWith("Olá Joana, pode enviar-nos o registo do pedido #" + ticket.number() + "? Respondemos até ");
        assertThat(her.findElement(By.id("macro-form")).getText()).contains("Estado").contains("Novo").contains("À espera do cliente");
        shoot(her, "workspace-macro-preview-pt", "macro-picker");
        Chromium.clickAndLoad(her, By.cssSelector("#macro-form button[type=submit]"));
        assertThat(her.findElement(By.cssSelector("p.flash")).getText()).isEqualTo("Macro aplicada: a resposta foi enviada e o pedido alterado.");
        TicketView answered = tickets.lookup(ticket.id()).orElseThrow();
        assertThat(answered.status()).isEqualTo(TicketStatus.WAITING_ON_CUSTOMER);
        assertThat(answered.tags()).contains("registos");
        assertThat(tickets.messagesOf(ticket.id())).last().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MessageKind.AGENT);
            assertThat(m.body()).isEqualTo(filled);
        });

        // she mentions him in a note, picking his name from the suggestions
        String handle = Mentions.handle(tiago);
        WebElement note = her.findElement(By.id("note-body"));
        note.click();
        note.sendKeys("@" + handle.substring(0, handle.length() - 2));
        waitFor(her, ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#mention-options li[data-handle='" + handle + "']")));
        note.sendKeys(Keys.ENTER);
        assertThat(note.getAttribute("value")).isEqualTo("@" + handle + " ");
        note.sendKeys("podes ver o registo quando chegar?");
        Chromium.clickAndLoad(her, By.id("add-note"));
        var written = tickets.messagesOf(ticket.id()).getLast();
        assertThat(written.kind()).isEqualTo(MessageKind.NOTE);
        assertThat(her.findElement(By.cssSelector("#message-" + written.id() + " mark.mention")).getText()).isEqualTo("@" + handle);
        him.get(base() + "/desk/notifications");
        WebElement told = him.findElement(By.cssSelector("a[href$='#message-" + written.id() + "']"));
        assertThat(told.getText()).contains("#" + ticket.number()).contains("le ha mencionado en una nota");
        Chromium.clickAndLoad(him, By.cssSelector("a[href$='#message-" + written.id() + "']"));
        assertThat(him.getCurrentUrl()).endsWith("/desk/tickets/" + ticket.number() + "#message-" + written.id());

        // she merges the duplicate into the ticket, after the confirmation
        her.get(base() + "/desk/tickets/" + duplicate.number());
        her.findElement(By.id("merge-q")).sendKeys(Long.toString(ticket.number()));
        waitFor(her, ExpectedConditions.presenceOfElementLocated(By.cssSelector("#merge-targets a")));
        Chromium.clickAndLoad(her, By.cssSelector("#merge-targets a"));
        assertThat(her.findElement(By.tagName("h1")).getText()).isEqualTo("Fundir #" + duplicate.number() + " noutro pedido");
        shoot(her, "workspace-merge-confirm-pt", "main");
        him.get(base() + "/desk/tickets/" + another.number() + "/merge?into=" + ticket.number());
        shoot(him, "workspace-merge-confirm-es", "main");
        Chromium.clickAndLoad(her, By.id("confirm-merge"));
        assertThat(her.getCurrentUrl()).contains("/desk/tickets/" + ticket.number() + "?saved=merged");
        assertThat(her.findElement(By.cssSelector(".conversation")).getText()).contains("de #" + duplicate.number())
                .contains("Volto a escrever: a exportação continua a falhar.");
        assertThat(tickets.lookup(duplicate.id()).orElseThrow().closedAs()).isEqualTo(ClosedAs.DUPLICATE);

        // the macro form, in both languages
        her.get(base() + "/desk/macros/new");
        shoot(her, "workspace-macro-form-pt", "main");
        him.get(base() + "/desk/macros/new");
        shoot(him, "workspace-macro-form-es", "main");
    }

    private static <T> void waitFor(WebDriver browser, java.util.function.Function<WebDriver, T> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition::apply);
    }

    /** The part at 1,280 px and at 390 px, with no English on the page and nothing of the part outside the narrow window. */
    private static void shoot(WebDriver browser, String name, String id) {
        assertNoEnglish(browser);
        scrollTo(browser, id);
        Chromium.screenshot(browser, name);
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            scrollTo(browser, id);
            NarrowScreen.assertFits(browser, id, null);
            Chromium.screenshot(browser, name + "-390");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    private static void scrollTo(WebDriver browser, String id) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).scrollIntoView({block: 'start'});"
                + "window.scrollBy(0, arguments[0] === 'presence-line' ? -160 : -8);", id);
    }

    /** No English text of the workspace (one that is written otherwise in Portuguese or Spanish) is on the page. */
    private static void assertNoEnglish(WebDriver browser) {
        String shown = browser.findElement(By.tagName("body")).getText();
        String language = browser.findElement(By.tagName("html")).getAttribute("lang");
        assertThat(language).isIn("pt", "es");
        Properties english = bundle("/messages/workspace.properties");
        Properties local = bundle("/messages/workspace_" + language + ".properties");
        List<String> texts = english.stringPropertyNames().stream()
                .filter(k -> !english.getProperty(k).equals(local.getProperty(k)))
                .flatMap(k -> Arrays.stream(english.getProperty(k).split("\\{[^}]*}")))
                .map(String::strip).filter(piece -> piece.length() > 4 && !piece.matches(".*[}{|#<\"].*")).toList();
        assertThat(texts).isNotEmpty().allSatisfy(text -> assertThat(shown)
                .doesNotContainPattern("(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(text) + "(?![\\p{L}\\p{N}])"));
    }

    private static Properties bundle(String path) {
        Properties p = new Properties();
        try (Reader in = new InputStreamReader(WorkspaceBrowserTests.class.getResourceAsStream(path), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
