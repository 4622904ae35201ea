package org.atende.channels.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.atende.support.Api.Answer;
import org.atende.support.ApiIntegrationSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Files from agents over the API: a message and its files in one multipart request, all or nothing; a note's files
 * hidden from customers everywhere; customers attach only to their own messages; previews drawn by the desk with
 * headers that keep script out.
 */
class AgentFilesApiIntegrationTests extends ApiIntegrationSupport {

    @LocalServerPort
    int localPort;

    String agent;
    String customer;
    String colleague;
    long ticket;

    @BeforeEach
    void aTicketOfACustomer() {
        agent = tokenForNew("AGENT");
        long org = createOrganisation();
        long contact = createContact(org, unique("ana") + "@cliente.example");
        customer = tokenFor(createUser("CUSTOMER", org, contact));
        colleague = tokenFor(createUser("CUSTOMER", org, createContact(org, unique("rui") + "@cliente.example")));
        Answer opened = api.post("/api/v1/tickets", customer, Map.of("subject", "O relatório não exporta", "body", "Dá erro 500."));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        ticket = opened.id();
    }

    @Test
    void anAgentSendsAReplyWithSeveralFilesInOneRequestAndTheCustomerSeesThem() throws IOException {
        Answer sent = multipart("/api/v1/tickets/" + ticket + "/messages", agent, Map.of("body", "Seguem o relatório e o ecrã."),
                new FilePart("relatório março.pdf", "application/pdf", AgentFilesFixtures.pdf("Relatório de março")),
                new FilePart("ecrã.png", "image/png", AgentFilesFixtures.png(800, 600)));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        long message = sent.json().path("message").path("id").asLong();
        assertThat(sent.json().path("attachments")).hasSize(2);
        assertThat(sent.json().path("attachments").path(0).path("filename").asString()).isEqualTo("relatório março.pdf");

        Answer files = api.get("/api/v1/tickets/" + ticket + "/attachments", customer);
        assertThat(files.json()).hasSize(2);
        assertThat(files.json().path(1).path("messageId").asLong()).isEqualTo(message);
        Answer json = api.post("/api/v1/tickets/" + ticket + "/messages", agent, Map.of("body", "E continua a funcionar em JSON."));
        assertThat(json.status()).as(json.body()).isEqualTo(201);
    }

    @Test
    void aNotesFilesAreNeverShownToTheCustomer() throws IOException {
        Answer note = multipart("/api/v1/tickets/" + ticket + "/messages", agent, Map.of("body", "Registo do servidor", "internal", "true"),
                new FilePart("server.log.pdf", "application/pdf", AgentFilesFixtures.pdf("stack trace")));
        assertThat(note.status()).as(note.body()).isEqualTo(201);
        long file = note.json().path("attachments").path(0).path("id").asLong();

        assertThat(api.get("/api/v1/tickets/" + ticket + "/attachments", customer).json()).isEmpty();
        assertThat(api.get("/api/v1/tickets/" + ticket + "/attachments/" + file, customer).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/tickets/" + ticket + "/attachments/" + file + "/preview", customer).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/tickets/" + ticket + "/messages", customer).body()).doesNotContain("Registo do servidor");
        assertThat(api.get("/api/v1/tickets/" + ticket + "/attachments/" + file, agent).status()).isEqualTo(200);
    }

    @Test
    void aCustomerAttachesOnlyToTheirOwnPublicMessages() throws IOException {
        long note = api.post("/api/v1/tickets/" + ticket + "/messages", agent, Map.of("body", "nota", "internal", true)).id();
        long answer = api.post("/api/v1/tickets/" + ticket + "/messages", agent, Map.of("body", "resposta")).id();
        long own = api.post("/api/v1/tickets/" + ticket + "/messages", customer, Map.of("body", "mais dados")).id();
        byte[] image = AgentFilesFixtures.png(20, 20);

        Answer onNote = multipart("/api/v1/tickets/" + ticket + "/attachments?messageId=" + note, customer, Map.of(), "file",
                new FilePart("x.png", "image/png", image));
        assertThat(onNote.status()).as(onNote.body()).isEqualTo(404);
        Answer onAnswer = multipart("/api/v1/tickets/" + ticket + "/attachments?messageId=" + answer, customer, Map.of(), "file",
                new FilePart("x.png", "image/png", image));
        assertThat(onAnswer.status()).as(onAnswer.body()).isEqualTo(403);
        assertThat(onAnswer.json().path("type").asString()).endsWith("/forbidden");
        Answer onColleagues = multipart("/api/v1/tickets/" + ticket + "/attachments?messageId=" + own, colleague, Map.of(), "file",
                new FilePart("x.png", "image/png", image));
        assertThat(onColleagues.status()).as(onColleagues.body()).isEqualTo(403);
        Answer onOwn = multipart("/api/v1/tickets/" + ticket + "/attachments?messageId=" + own, customer, Map.of(), "file",
                new FilePart("x.png", "image/png", image));
        assertThat(onOwn.status()).as(onOwn.body()).isEqualTo(201);
        Answer later = multipart("/api/v1/tickets/" + ticket + "/attachments?messageId=" + answer, agent, Map.of(), "file",
                new FilePart("anexo.pdf", "application/pdf", AgentFilesFixtures.pdf("mais")));
        assertThat(later.status()).as(later.body()).isEqualTo(201);
        assertThat(api.get("/api/v1/tickets/" + ticket + "/attachments", customer).json()).hasSize(2);
    }

    @Test
    void aFileTheRulesRefuseLeavesNoMessage() {
        int before = api.get("/api/v1/tickets/" + ticket + "/messages", agent).json().size();
        Answer svg = multipart("/api/v1/tickets/" + ticket + "/messages", agent, Map.of("body", "veja"),
                new FilePart("logo.svg", "image/svg+xml", "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(svg.status()).as(svg.body()).isEqualTo(415);
        Answer disguised = multipart("/api/v1/tickets/" + ticket + "/messages", agent, Map.of("body", "veja"),
                new FilePart("photo.png", "image/png", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)));
        assertThat(disguised.status()).as(disguised.body()).isEqualTo(415);
        assertThat(disguised.json().path("type").asString()).endsWith("/content-mismatch");
        assertThat(api.get("/api/v1/tickets/" + ticket + "/messages", agent).json()).hasSize(before);
    }

    @Test
    void previewsAreDrawnAgainByTheDeskAndServedWithoutScript() throws IOException {
        Answer sent = multipart("/api/v1/tickets/" + ticket + "/messages", agent, Map.of("body", "ficheiros"),
                new FilePart("foto.png", "image/png", AgentFilesFixtures.png(1200, 900)), new FilePart("fatura.pdf", "application/pdf", AgentFilesFixtures.pdf("Fatura 42")),
                new FilePart("poliglota.png", "image/png", polyglot()));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        var files = sent.json().path("attachments");
        String base = "/api/v1/tickets/" + ticket + "/attachments/";

        Answer image = api.exchange("GET", base + files.path(0).path("id").asLong() + "/preview", customer, BodyPublishers.noBody(), null);
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.header("Content-Type")).contains("image/png");
        assertThat(image.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(image.header("Content-Security-Policy").orElseThrow()).contains("default-src 'none'").contains("sandbox")
                .doesNotContain("script-src");
        assertThat(image.header("Content-Disposition").orElseThrow()).startsWith("inline");
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(bytes(base + files.path(0).path("id").asLong() + "/preview")));
        assertThat(Math.max(thumbnail.getWidth(), thumbnail.getHeight())).isEqualTo(320);

        BufferedImage page = ImageIO.read(new ByteArrayInputStream(bytes(base + files.path(1).path("id").asLong() + "/preview")));
        assertThat(page.getHeight()).isEqualTo(320); // an A4 page, portrait
        assertThat(page.getWidth()).isBetween(220, 230);

        long polyglot = files.path(2).path("id").asLong();
        assertThat(api.get(base + polyglot + "/preview", customer).status()).as("not an image after all: no preview").isEqualTo(404);
        Answer download = api.get(base + polyglot, customer);
        assertThat(download.header("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat(download.header("X-Content-Type-Options")).contains("nosniff");
    }

    private byte[] bytes(String path) throws IOException {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + localPort + path)).header("Authorization", "Bearer " + customer).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    record FilePart(String name, String type, byte[] bytes) {
    }

    Answer multipart(String path, String token, Map<String, String> fields, FilePart... files) {
        return multipart(path, token, fields, "files", files);
    }

    Answer multipart(String path, String token, Map<String, String> fields, String partName, FilePart... files) {
        String boundary = "b" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        for (FilePart f : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + partName + "\"; filename=\"" + f.name()
                    + "\"\r\nContent-Type: " + f.type() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(f.bytes());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.exchange("POST", path, token, BodyPublishers.ofByteArray(body.toByteArray()), "multipart/form-data; boundary=" + boundary);
    }

    /** PNG's signature, then an HTML page: passes the magic check, is no image. */
    static byte[] polyglot() {
        byte[] html = "<html><body><script>document.location='https://evil.example'</script></body></html>".getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[8 + html.length];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, 0, out, 0, 8);
        System.arraycopy(html, 0, out, 8, html.length);
        return out;
    }

}
