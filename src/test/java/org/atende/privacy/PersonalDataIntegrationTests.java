package org.atende.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.atende.support.Api;
import org.atende.support.Api.Answer;
import org.atende.support.ApiIntegrationSupport;
import org.atende.support.PageBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Erasing a contact and exporting an organisation, over real HTTP, on a contact whose traces are spread
 * the way a real one's are: tickets they opened with files, agents' replies that greet them by name, an
 * internal note, a WhatsApp conversation and an outgoing message. After the erasure no text column of
 * any table holds their name, address or number; their tickets, clocks and quota stay.
 */
class PersonalDataIntegrationTests extends ApiIntegrationSupport {

    @LocalServerPort
    int port;

    /** A customer with their organisation, contact, account, token and one ticket with a file of theirs. */
    record Person(long organisation, long contact, long user, String token, String name, String userName, String email,
            String phone, String password, long ticket, long number, long theirFile, long agentsFile) {
    }

    Person person() throws IOException {
        long organisation = createOrganisation();
        String tag = unique("p");
        String name = "Beatriz Quintela " + tag;
        String email = "beatriz." + tag + "@quintela-lda.example";
        String phone = "+3519" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        Answer contact = api.post("/api/v1/organisations/" + organisation + "/contacts", admin,
                Map.of("name", name, "email", email, "phone", phone, "language", "PT"));
        assertThat(contact.status()).as(contact.body()).isEqualTo(201);
        String userName = "Bia Q " + tag;
        String password = "orbit lantern " + tag + " quarry";
        Map<String, Object> user = new LinkedHashMap<>(Map.of("email", email, "name", userName, "role", "CUSTOMER",
                "organisationId", organisation, "contactId", contact.id(), "password", password));
        long userId = api.post("/api/v1/users", admin, user).id();
        String token = tokenFor(userId);
        Answer ticket = api.post("/api/v1/tickets", token, Map.of("subject", "Fatura de novembro",
                "body", "Sou a " + name + ", o meu telefone é " + phone + ". A fatura está errada."));
        assertThat(ticket.status()).as(ticket.body()).isEqualTo(201);
        long id = ticket.id();
        long theirMessage = api.get("/api/v1/tickets/" + id + "/messages", token).json().get(0).path("id").asLong();
        long theirFile = attach(token, id, theirMessage, "cartao-cidadao.txt", "Cartão de cidadão de " + name);
        Answer reply = api.post("/api/v1/tickets/" + id + "/messages", admin,
                Map.of("body", "Olá " + name + ", corrigimos a fatura. Enviámos para " + email + "."));
        long agentsFile = attach(admin, id, reply.id(), "fatura-corrigida.txt", "Fatura corrigida n.º 2026/" + tag);
        api.post("/api/v1/tickets/" + id + "/messages", admin, Map.of("body", "Nota: cliente " + name + " ligou duas vezes.",
                "internal", true));
        api.post("/api/v1/tickets/" + id + "/messages", token, Map.of("body", "Obrigada! " + name));
        String digits = phone.substring(1);
        jdbc.sql("""
                INSERT INTO whatsapp_notification (body, received_at, processed_at, attempts)
                VALUES (?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)""")
                .param("{\"entry\":[{\"changes\":[{\"value\":{\"contacts\":[{\"profile\":{\"name\":\"" + name + "\"},\"wa_id\":\""
                        + digits + "\"}],\"messages\":[{\"from\":\"" + digits + "\",\"text\":{\"body\":\"Olá\"}}]}}]}]}").update();
        jdbc.sql("""
                INSERT INTO whatsapp_message (wamid, phone_number_id, wa_id, type, contact_id, outcome, ticket_id, sent_at, received_at)
                VALUES (?, '110022003300440', ?, 'text', ?, 'MESSAGE_ADDED', ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
                .params("wamid." + tag, digits, contact.id(), id).update();
        jdbc.sql("""
                INSERT INTO outgoing_message (channel, purpose, ticket_id, recipient, subject, body, external_id, automatic, state,
                    attempts, next_attempt_at, created_at)
                VALUES ('EMAIL', 'REPLY', ?, ?, '[#1] Fatura', ?, ?, FALSE, 'QUEUED', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
                .params(id, email, "Olá " + name, "<out." + tag + "@atende.test>").update();
        return new Person(organisation, contact.id(), userId, token, name, userName, email, phone, password, id,
                ticket.json().path("number").asLong(), theirFile, agentsFile);
    }

    long attach(String token, long ticket, long message, String filename, String text) throws IOException {
        String boundary = "----atende" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + text + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Answer a = api.exchange("POST", "/api/v1/tickets/" + ticket + "/attachments?messageId=" + message, token,
                BodyPublishers.ofByteArray(body.toByteArray()), "multipart/form-data; boundary=" + boundary);
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.id();
    }

    /** Every text column of every table whose value contains {@code needle} (case ignored), as "table.column". */
    List<String> textColumnsHolding(String needle) {
        List<String> found = new ArrayList<>();
        var columns = jdbc.sql("""
                SELECT table_name, column_name FROM information_schema.columns
                WHERE LOWER(table_schema) = 'public' AND (LOWER(data_type) LIKE 'character%' OR LOWER(data_type) = 'text')
                  AND table_name <> 'flyway_schema_history'""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        for (String[] c : columns) {
            long rows = jdbc.sql("SELECT COUNT(*) FROM " + c[0] + " WHERE LOWER(" + c[1] + ") LIKE ?")
                    .param("%" + needle.toLowerCase(java.util.Locale.ROOT) + "%").query(Long.class).single();
            if (rows > 0) {
                found.add(c[0] + "." + c[1]);
            }
        }
        return found;
    }

    @Test
    void erasesEveryTraceOfTheContactAndKeepsTheirTicketsClocksAndQuota() throws IOException {
        Person p = person();
        long clocks = jdbc.sql("SELECT COUNT(*) FROM sla_clock WHERE ticket_id = ?").param(p.ticket()).query(Long.class).single();
        String quota = api.get("/api/v1/organisations/" + p.organisation() + "/quota", admin).json().path("used").toString();
        assertThat(textColumnsHolding(p.email())).isNotEmpty(); // the scan below finds what is there

        Answer erased = api.post("/api/v1/contacts/" + p.contact() + "/erasure", admin, Map.of("confirm", "ERASE"));

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().path("erased").path("messages").asInt()).isEqualTo(2);
        assertThat(erased.json().path("erased").path("attachments").asInt()).isEqualTo(1);
        assertThat(erased.json().path("erased").path("accounts").asInt()).isEqualTo(1);
        for (String trace : List.of(p.name(), p.userName(), p.email(), p.phone(), p.phone().substring(1), "Cartão de cidadão")) {
            assertThat(textColumnsHolding(trace)).as("columns still holding %s", trace).isEmpty();
        }
        JsonNode contact = api.get("/api/v1/contacts/" + p.contact(), admin).json();
        assertThat(contact.path("name").asString()).isEqualTo("Erased contact #" + p.contact());
        assertThat(contact.path("email").isNull()).isTrue();

        JsonNode ticket = api.get("/api/v1/tickets/" + p.ticket(), admin).json();
        assertThat(ticket.path("number").asLong()).isEqualTo(p.number());
        assertThat(ticket.path("subject").asString()).isEqualTo("Fatura de novembro");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sla_clock WHERE ticket_id = ?").param(p.ticket()).query(Long.class).single()).isEqualTo(clocks);
        assertThat(api.get("/api/v1/organisations/" + p.organisation() + "/quota", admin).json().path("used").toString()).isEqualTo(quota);
        List<String> bodies = new ArrayList<>();
        api.get("/api/v1/tickets/" + p.ticket() + "/messages", admin).json().forEach(m -> bodies.add(m.path("body").asString()));
        assertThat(bodies).hasSize(4).startsWith("[erased]").endsWith("[erased]");
        assertThat(bodies.get(1)).isEqualTo("Olá [erased], corrigimos a fatura. Enviámos para [erased].");
        List<Long> files = new ArrayList<>();
        api.get("/api/v1/tickets/" + p.ticket() + "/attachments", admin).json().forEach(a -> files.add(a.path("id").asLong()));
        assertThat(files).containsExactly(p.agentsFile());
        assertThat(jdbc.sql("SELECT state FROM outgoing_message WHERE ticket_id = ?").param(p.ticket()).query(String.class).single())
                .as("nothing more leaves for them").isEqualTo("FAILED");

        assertThat(api.get("/api/v1/tickets", p.token()).status()).as("their token").isEqualTo(401);
        PageBrowser browser = new PageBrowser(port);
        browser.get("/login");
        assertThat(browser.post("/login", "username", p.email(), "password", p.password()).headers().firstValue("Location").orElse(""))
                .contains("error");
        JsonNode audit = api.get("/api/v1/audit?kind=CONTACT", admin).json().path("entries").get(0);
        assertThat(audit.path("action").asString()).isEqualTo("ERASED");
        assertThat(audit.path("subjectId").asString()).isEqualTo(String.valueOf(p.contact()));
        assertThat(audit.at("/changes/messages/after").asString()).isEqualTo("2");
    }

    @Test
    void erasesOnlyWhenAnAdministratorConfirmsAndOnlyOnce() throws IOException {
        Person p = person();
        String lead = tokenForNew("LEAD");

        assertThat(api.post("/api/v1/contacts/" + p.contact() + "/erasure", lead, Map.of("confirm", "ERASE")).status()).isEqualTo(403);
        Answer unconfirmed = api.post("/api/v1/contacts/" + p.contact() + "/erasure", admin, Map.of("confirm", "yes"));
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(unconfirmed.json().path("type").asString()).isEqualTo("https://atende.example/problems/confirmation-required");
        assertThat(api.send("POST", "/api/v1/contacts/" + p.contact() + "/erasure", admin, null, null).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/contacts/99999999/erasure", admin, Map.of("confirm", "ERASE")).status()).isEqualTo(404);
        assertThat(textColumnsHolding(p.email())).as("nothing erased yet").isNotEmpty();

        assertThat(api.post("/api/v1/contacts/" + p.contact() + "/erasure", admin, Map.of("confirm", "ERASE")).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/contacts/" + p.contact() + "/erasure", admin, Map.of("confirm", "ERASE")).status()).isEqualTo(409);
    }

    @Test
    void exportsTheOrganisationsTicketsMessagesFilesAndContactsAsAZip() throws Exception {
        Person p = person();
        long other = createContact(p.organisation(), unique("rui") + "@quintela-lda.example");

        assertThat(api.post("/api/v1/organisations/" + p.organisation() + "/export", tokenForNew("LEAD"), Map.of("confirm", "EXPORT"))
                .status()).isEqualTo(403);
        assertThat(api.post("/api/v1/organisations/" + p.organisation() + "/export", admin, Map.of()).status()).isEqualTo(400);
        HttpResponse<byte[]> zip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/organisations/" + p.organisation() + "/export"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"confirm\":\"EXPORT\"}")).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(zip.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", ".zip");
        Map<String, byte[]> entries = unzip(zip.body());
        JsonNode manifest = Api.JSON.readTree(entries.get("manifest.json"));
        assertThat(manifest.path("tickets").asInt()).isEqualTo(1);
        assertThat(manifest.path("attachments").asInt()).isEqualTo(2);
        assertThat(manifest.path("contacts").asInt()).isEqualTo(2);
        JsonNode contacts = Api.JSON.readTree(entries.get("contacts.json"));
        assertThat(contacts.findValuesAsString("email")).contains(p.email());
        assertThat(contacts.findValues("id").stream().map(JsonNode::asLong)).contains(p.contact(), other);
        JsonNode ticket = Api.JSON.readTree(entries.get("tickets/" + p.number() + ".json"));
        assertThat(ticket.path("subject").asString()).isEqualTo("Fatura de novembro");
        assertThat(ticket.path("messages")).hasSize(3); // the internal note stays out
        assertThat(ticket.path("messages").toString()).doesNotContain("ligou duas vezes").contains("corrigimos a fatura");
        String theirs = ticket.path("messages").get(0).path("attachments").get(0).path("file").asString();
        assertThat(new String(entries.get(theirs), StandardCharsets.UTF_8)).isEqualTo("Cartão de cidadão de " + p.name());
        String agents = ticket.path("messages").get(1).path("attachments").get(0).path("file").asString();
        assertThat(entries.get(agents)).isEqualTo(api.get("/api/v1/tickets/" + p.ticket() + "/attachments/" + p.agentsFile(), admin)
                .body().getBytes(StandardCharsets.UTF_8));
        JsonNode audit = api.get("/api/v1/audit?kind=DATA_EXPORT", admin).json().path("entries").get(0);
        assertThat(audit.path("subjectId").asString()).isEqualTo(String.valueOf(p.organisation()));
        assertThat(audit.path("action").asString()).isEqualTo("EXPORTED");
    }

    @Test
    void letsAnAdministratorDoBothFromTheAdminPagesAfterConfirming() throws Exception {
        Person p = person();
        PageBrowser browser = new PageBrowser(port).signIn(ADMIN_EMAIL, ADMIN_PASSWORD);

        HttpResponse<String> data = browser.get("/admin/organisations/" + p.organisation() + "/data");
        assertThat(data.statusCode()).isEqualTo(200);
        assertThat(data.body()).contains(p.name(), "/admin/contacts/" + p.contact() + "/erase",
                "/admin/organisations/" + p.organisation() + "/export");
        HttpResponse<String> confirm = browser.get("/admin/contacts/" + p.contact() + "/erase");
        assertThat(confirm.body()).contains("cannot be undone", "name=\"confirm\" value=\"ERASE\"");
        assertThat(textColumnsHolding(p.email())).as("looking erases nothing").isNotEmpty();

        HttpResponse<String> done = browser.post("/admin/contacts/" + p.contact() + "/erase", "confirm", "ERASE");
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElse("")).contains("/admin/organisations/" + p.organisation() + "/data");
        assertThat(textColumnsHolding(p.email())).isEmpty();
        HttpResponse<String> after = browser.get(URI.create(done.headers().firstValue("Location").orElseThrow()).getRawPath() + "?erased");
        assertThat(after.body()).contains("The personal data of contact #" + p.contact() + " was erased.", "2 messages erased",
                "Erased contact #" + p.contact()).doesNotContain(p.name());

        browser.get("/admin/organisations/" + p.organisation() + "/export");
        HttpResponse<String> download = browser.post("/admin/organisations/" + p.organisation() + "/export", "confirm", "EXPORT");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
