package org.atende.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.atende.channels.api.AgentFilesFixtures;
import org.atende.customers.ContactId;
import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.identity.UserDraft;
import org.atende.notifications.OutboxDispatch;
import org.atende.support.ApiIntegrationSupport;
import org.atende.support.Chromium;
import org.atende.support.DeskFixtures;
import org.atende.tickets.Channel;
import org.atende.tickets.OpenTicket;
import org.atende.tickets.TicketChanges;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * Files and satisfaction in real browsers, with the e-mail channel on a real SMTP server (GreenMail): an agent
 * attaches a PDF to a reply (it previews on the desk and in the portal), resolves the ticket; the customer opens
 * the "helped" link of the mail the desk sent, adds a comment; the rating shows on the ticket and in the
 * satisfaction report. Screenshots in Portuguese and Spanish, and at 390 px wide.
 */
@TestPropertySource(properties = {"atende.test.desk=satisfaction", "atende.email.address=apoio@atende.test",
        "atende.email.polling-enabled=false", "atende.notifications.dispatch-enabled=false", "atende.sla.sweep-enabled=false"})
class SatisfactionBrowserTests extends ApiIntegrationSupport {

    static final String PASSWORD = "a long password for the browser";
    static final int SMTP = freePort();
    static GreenMail mail;

    @LocalServerPort
    int port;

    @Autowired
    Tickets tickets;

    @Autowired
    OutboxDispatch dispatch;

    WebDriver agent;
    WebDriver customer;
    WebDriver lead;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP);
    }

    @BeforeAll
    static void startMail() {
        mail = new GreenMail(new ServerSetup(SMTP, "127.0.0.1", "smtp"));
        mail.start();
    }

    @AfterAll
    static void stopMail() {
        mail.stop();
    }

    @AfterEach
    void closeTheBrowsers() {
        for (WebDriver browser : new WebDriver[] {agent, customer, lead}) {
            if (browser != null) {
                browser.quit();
            }
        }
    }

    @Test
    void anAgentsPdfPreviewsAndTheCustomerRatesTheAnswerFromTheMail() throws Exception {
        String base = "http://localhost:" + port;
        DeskFixtures desk = new DeskFixtures(jdbc);
        OrganisationId padaria = desk.organisation("Padaria Lusitana", desk.plan(desk.standardPolicy(), "MEDIUM"));
        jdbc.sql("UPDATE organisation SET name = 'Padaria Lusitana' WHERE id = ?").param(padaria.value()).update();
        ContactId joanaContact = desk.contact(padaria, "Joana Matos", "PT");
        jdbc.sql("UPDATE contact SET email = 'joana@padaria-lusitana.pt' WHERE id = ?").param(joanaContact.value()).update();
        Actor joana = identity.actor(identity.createUser(new UserDraft(unique("joana") + "@padaria.example", "Joana Matos",
                Role.CUSTOMER, padaria, joanaContact, null, true, PASSWORD)).id()).orElseThrow();
        String agentEmail = unique("ines") + "@atende.example";
        identity.createUser(new UserDraft(agentEmail, "Inês Duarte", Role.AGENT, null, null, null, true, PASSWORD));
        String leadEmail = unique("lead") + "@atende.example";
        identity.createUser(new UserDraft(leadEmail, "Leonor Santos", Role.LEAD, null, null, null, true, PASSWORD));
        TicketView ticket = tickets.openFor(customersContact(joanaContact), new OpenTicket(null, null, Channel.EMAIL, "A fatura de novembro não abre",
                "O PDF da fatura de novembro dá erro ao abrir.", null, null, null, Set.of(), null));
        dispatch.runOnce(); // the acknowledgement

        // the agent answers with a PDF
        agent = signedIn(base, agentEmail, "pt-PT,pt");
        agent.get(base + "/desk/tickets/" + ticket.number());
        Path pdf = Files.createTempDirectory("files").resolve("fatura-novembro.pdf");
        Files.write(pdf, AgentFilesFixtures.pdf("Fatura 2026/1187 - Novembro"));
        agent.findElement(By.id("reply-body")).sendKeys("Bom dia Joana, segue a fatura corrigida em PDF.");
        agent.findElement(By.id("reply-files")).sendKeys(pdf.toAbsolutePath().toString());
        Chromium.clickAndLoad(agent, By.cssSelector("button[name=intent][value=reply]"));
        WebElement thumbnail = waitForPicture(agent, "ol.conversation ul.files img");
        assertThat(thumbnail.getAttribute("loading")).isEqualTo("lazy");
        assertThat(agent.findElement(By.cssSelector("ol.conversation ul.files")).getText()).contains(pdf.getFileName().toString());
        ((JavascriptExecutor) agent).executeScript("arguments[0].scrollIntoView({block: 'center'})", thumbnail);
        Chromium.screenshot(agent, "files-desk-preview-pt");
        phone(agent);
        agent.navigate().refresh();
        ((JavascriptExecutor) agent).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                waitForPicture(agent, "ol.conversation ul.files img"));
        Chromium.screenshot(agent, "files-desk-preview-pt-390");
        agent.manage().window().setSize(new Dimension(1280, 900));
        agent.navigate().refresh();
        Chromium.clickAndLoad(agent, By.cssSelector("form.resolve button"));

        // the customer sees the PDF in the portal
        customer = signedIn(base, identity.user(joana.userId()).orElseThrow().email(), "pt-PT,pt");
        customer.get(base + "/portal/tickets/" + ticket.number());
        ((JavascriptExecutor) customer).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                waitForPicture(customer, "ol.conversation ul.files img"));
        Chromium.screenshot(customer, "files-portal-preview-pt");

        // the question by e-mail, and its link
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("SELECT COUNT(*) FROM satisfaction_survey WHERE ticket_id = ?")
                .param(ticket.id().value()).query(Long.class).single() == 1);
        dispatch.runOnce();
        MimeMessage question = Arrays.stream(mail.getReceivedMessages()).filter(m -> subject(m).startsWith("A nossa resposta ajudou?"))
                .findFirst().orElseThrow();
        Matcher good = Pattern.compile("http://localhost:8080(/satisfaction/[A-Za-z0-9_-]{43}/good)").matcher((String) question.getContent());
        assertThat(good.find()).isTrue();
        customer.get(base + good.group(1));
        assertThat(customer.findElement(By.cssSelector("p.flash")).getText()).isEqualTo("Obrigado, a sua avaliação foi registada.");
        customer.findElement(By.id("comment")).sendKeys("Muito rápido, a fatura já abre. Obrigada!");
        Chromium.screenshot(customer, "satisfaction-rating-pt");
        Chromium.clickAndLoad(customer, By.cssSelector("form.card button[type=submit]"));
        assertThat(customer.findElement(By.cssSelector(".rating-given")).getText()).contains("Boa").contains("Muito rápido");
        customer.get(base + good.group(1)); // a second click shows what was recorded
        assertThat(customer.findElement(By.cssSelector("p.notice")).getText()).contains("Já avaliou");
        phone(customer);
        customer.navigate().refresh();
        Chromium.screenshot(customer, "satisfaction-rating-pt-390");

        // on the ticket, and in the report
        agent.get(base + "/desk/tickets/" + ticket.number());
        WebElement card = new WebDriverWait(agent, Duration.ofSeconds(15))
                .until(d -> d.findElements(By.cssSelector(".satisfaction-card")).stream().findFirst().orElse(null));
        assertThat(card.getText()).contains("Boa").contains("Muito rápido, a fatura já abre.");
        ((JavascriptExecutor) agent).executeScript("arguments[0].scrollIntoView({block: 'center'})", card);
        Chromium.screenshot(agent, "satisfaction-desk-card-pt");
        lead = signedIn(base, leadEmail, "pt-PT,pt");
        lead.get(base + "/reports/satisfaction?by=AGENT");
        assertThat(lead.findElement(By.id("satisfaction-table")).getText()).contains("Inês Duarte").contains("100 %");
        Chromium.screenshot(lead, "satisfaction-report-pt");
        phone(lead);
        lead.navigate().refresh();
        ((JavascriptExecutor) lead).executeScript("document.getElementById('satisfaction-table').scrollIntoView()");
        Chromium.screenshot(lead, "satisfaction-report-pt-390");
        lead.quit();

        // the same pages in Spanish: a Spanish customer's question and a lead who reads Spanish
        ContactId carmenContact = desk.contact(padaria, "Carmen Ruiz", "ES");
        jdbc.sql("UPDATE contact SET email = 'carmen@hotelmiramar.es' WHERE id = ?").param(carmenContact.value()).update();
        TicketView spanish = tickets.openFor(customersContact(carmenContact), new OpenTicket(null, null, Channel.EMAIL,
                "No puedo exportar el informe", "Da un error 500.", null, null, null, Set.of(), null));
        Actor admin = identity.actor(identity.userByEmail(ADMIN_EMAIL).orElseThrow().id()).orElseThrow();
        tickets.update(spanish.id(), TicketChanges.status(TicketStatus.RESOLVED), admin);
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("SELECT COUNT(*) FROM satisfaction_survey WHERE ticket_id = ?")
                .param(spanish.id().value()).query(Long.class).single() == 1);
        dispatch.runOnce();
        MimeMessage pregunta = Arrays.stream(mail.getReceivedMessages()).filter(m -> subject(m).startsWith("¿Le ayudó")).findFirst().orElseThrow();
        Matcher page = Pattern.compile("http://localhost:8080(/satisfaction/[A-Za-z0-9_-]{43})\\s").matcher((String) pregunta.getContent());
        assertThat(page.find()).isTrue();
        customer.manage().window().setSize(new Dimension(1280, 900));
        customer.get(base + page.group(1));
        assertThat(customer.findElement(By.tagName("h1")).getText()).isEqualTo("¿Le ayudó nuestra respuesta?");
        Chromium.screenshot(customer, "satisfaction-rating-es");
        phone(customer);
        customer.navigate().refresh();
        Chromium.screenshot(customer, "satisfaction-rating-es-390");
        Chromium.clickAndLoad(customer, By.cssSelector("a.button.bad"));
        lead = signedIn(base, leadEmail, "es-ES,es");
        lead.get(base + "/reports/satisfaction?by=CHANNEL");
        assertThat(lead.findElement(By.id("satisfaction-table")).getText()).contains("50 %");
        Chromium.screenshot(lead, "satisfaction-report-es");
        phone(lead);
        lead.navigate().refresh();
        ((JavascriptExecutor) lead).executeScript("document.getElementById('satisfaction-table').scrollIntoView()");
        Chromium.screenshot(lead, "satisfaction-report-es-390");
        agent.quit();
        agent = signedIn(base, agentEmail, "es-ES,es");
        agent.get(base + "/desk/tickets/" + ticket.number());
        ((JavascriptExecutor) agent).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                waitForPicture(agent, "ol.conversation ul.files img"));
        Chromium.screenshot(agent, "files-desk-preview-es");
    }

    private org.atende.customers.ContactSummary customersContact(ContactId id) {
        return customers.contact(id).orElseThrow();
    }

    @Autowired
    org.atende.customers.Customers customers;

    /** Waits until the picture the desk drew is loaded (a real image, not a broken one) and returns it. */
    private static WebElement waitForPicture(WebDriver browser, String css) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector(css)).stream()
                .filter(img -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "arguments[0].scrollIntoView(); return arguments[0].complete && arguments[0].naturalWidth > 0", img)))
                .findFirst().orElse(null));
    }

    private static void phone(WebDriver browser) {
        browser.manage().window().setSize(new Dimension(390, 844));
    }

    private static WebDriver signedIn(String base, String email, String language) {
        WebDriver browser = Chromium.start(language);
        Chromium.signIn(browser, base, email, PASSWORD);
        return browser;
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
