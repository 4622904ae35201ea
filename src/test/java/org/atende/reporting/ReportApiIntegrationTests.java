package org.atende.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.Instant;
import java.util.Map;

import org.atende.support.Api.Answer;
import org.atende.support.ApiIntegrationSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The reports over HTTP: who may read them, JSON and CSV. */
class ReportApiIntegrationTests extends ApiIntegrationSupport {

    @LocalServerPort
    int serverPort;

    final String month = YearMonth.from(Instant.now().atZone(ZoneId.of("Europe/Lisbon"))).toString();

    record Customer(long organisation, String token) {
    }

    Customer customerWithATicket() {
        long organisation = createOrganisation();
        long contact = createContact(organisation, unique("ana") + "@customer.example");
        String token = tokenFor(createUser("CUSTOMER", organisation, contact));
        Answer ticket = api.post("/api/v1/tickets", token, Map.of("subject", "=HYPERLINK(\"x\")", "body", "Please help"));
        assertThat(ticket.status()).as(ticket.body()).isEqualTo(201);
        return new Customer(organisation, token);
    }

    @Test
    void leadsReadComplianceAsJsonAndCsv() {
        Customer c = customerWithATicket();
        String lead = tokenForNew("LEAD");
        String query = "?by=ORGANISATION&from=" + month + "&to=" + month + "&organisationId=" + c.organisation();

        Answer json = api.get("/api/v1/reports/compliance" + query, lead);
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        assertThat(json.json().get(0).path("tickets").asLong()).isEqualTo(1);
        assertThat(json.json().get(0).path("firstResponseOpen").asLong()).isEqualTo(1);

        Answer csv = api.get("/api/v1/reports/compliance.csv" + query, lead);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type").orElseThrow()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("key,label,tickets,first_response_met,");
        assertThat(lines[1]).startsWith(c.organisation() + ",Org").contains(",1,0,0,1,");

        assertThat(api.get("/api/v1/reports/compliance" + query + "&format=csv", lead).body()).isEqualTo(csv.body());
    }

    @Test
    void answersCsvToAnAcceptHeaderThatPrefersIt() throws Exception {
        String lead = tokenForNew("ADMIN");
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + serverPort + "/api/v1/reports/flow?from=2026-11-01&to=2026-11-03"))
                .header("Authorization", "Bearer " + lead).header("Accept", "text/csv, application/json;q=0.5").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).startsWith("period,first_day,last_day,opened,resolved,reopened,waiting_on_customer,backlog\r\n2026-11-01,");
        assertThat(answer.body().split("\r\n")).hasSize(4);
    }

    @Test
    void reportsAreForLeadsAndAdminsOnly() {
        Customer c = customerWithATicket();
        String query = "?from=" + month + "&to=" + month;
        assertThat(api.get("/api/v1/reports/compliance" + query, null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/reports/compliance" + query, tokenForNew("AGENT")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/reports/breaches" + query, c.token()).status()).isEqualTo(403);
        Answer bad = api.get("/api/v1/reports/compliance?by=WEATHER&from=" + month + "&to=" + month, tokenForNew("LEAD"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("type").asString()).endsWith("/bad-request");
    }

    @Test
    void customersReadTheirOrganisationsMonthlyReportAndNoOtherOne() {
        Customer mine = customerWithATicket();
        Customer other = customerWithATicket();
        Answer own = api.get("/api/v1/reports/organisations/" + mine.organisation() + "/monthly/" + month, mine.token());
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().path("kept").path("tickets").asLong()).isEqualTo(1);
        assertThat(own.json().path("promised").size()).isEqualTo(4);
        assertThat(own.json().at("/promised/0/firstResponse").asString()).matches("\\d+ business (hour|day)s?");
        assertThat(own.json().at("/promised/0/firstResponseWorded").asString()).isEqualTo(own.json().at("/promised/0/firstResponse").asString());
        Answer portuguese = api.exchange("GET", "/api/v1/reports/organisations/" + mine.organisation() + "/monthly/" + month, mine.token(),
                java.net.http.HttpRequest.BodyPublishers.noBody(), null, "Accept-Language", "pt-PT");
        assertThat(portuguese.json().at("/promised/0/firstResponseWorded").asString()).matches("\\d+ (hora útil|horas úteis|dia útil|dias úteis)");
        assertThat(portuguese.json().at("/promised/0/resolutionWorded").asString()).doesNotContain("business");
        assertThat(own.json().path("quota").path("used").asLong()).isEqualTo(1);

        assertThat(api.get("/api/v1/reports/organisations/" + other.organisation() + "/monthly/" + month, mine.token()).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/reports/organisations/" + other.organisation() + "/monthly/" + month, tokenForNew("LEAD")).status())
                .isEqualTo(200);
        Answer csv = api.get("/api/v1/reports/organisations/" + mine.organisation() + "/monthly/" + month + ".csv", mine.token());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body().split("\r\n")).hasSize(3); // header, the plan's default priority, all
    }

    @Test
    void theMonthlyReportNamesItsIdsAsPlainNumbersAndCountsWhatIsStillOpen() {
        Customer mine = customerWithATicket();
        Answer own = api.get("/api/v1/reports/organisations/" + mine.organisation() + "/monthly/" + month, mine.token());
        assertThat(own.json().path("organisationId").isNumber()).as(own.body()).isTrue();
        assertThat(own.json().path("organisationId").asLong()).isEqualTo(mine.organisation());
        assertThat(own.json().path("quota").path("organisationId").isNumber()).isTrue();
        assertThat(own.json().path("ticketsStillOpen").asLong()).isEqualTo(1);
        assertThat(own.json().path("ticketsThatWaited").asLong()).isZero();
        assertThat(own.json().path("generatedAt").isString()).isTrue();
    }

    /**
     * Every response type of every API: no schema of the OpenAPI document describes an id as an object (the shape a
     * record id took before, {@code {"value": 1}}), and the answers themselves write ids as numbers.
     */
    @Test
    void noApiAnswersAnIdAsAnObject() {
        Answer docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        var schemas = docs.json().path("components").path("schemas");
        java.util.List<String> objectIds = new java.util.ArrayList<>();
        for (var entry : schemas.properties()) {
            var properties = entry.getValue().path("properties");
            if (properties.size() == 1 && properties.has("value") && entry.getKey().endsWith("Id")) {
                objectIds.add(entry.getKey() + " is an object {value}");
            }
            for (var property : properties.properties()) {
                var schema = property.getValue();
                String ref = schema.path("$ref").asString("");
                if ((property.getKey().endsWith("Id") || property.getKey().equals("id")) && (schema.path("type").asString("").equals("object")
                        || (!ref.isEmpty() && schemas.path(ref.substring(ref.lastIndexOf('/') + 1)).path("properties").has("value")))) {
                    objectIds.add(entry.getKey() + "." + property.getKey());
                }
            }
        }
        assertThat(objectIds).as("ids shaped as objects in the OpenAPI document").isEmpty();

        Customer c = customerWithATicket();
        String lead = tokenForNew("LEAD");
        Answer tickets = api.get("/api/v1/tickets?organisationId=" + c.organisation(), lead);
        assertThat(tickets.body()).as("no {\"value\": …} anywhere").doesNotContain("\"value\":");
        Answer quota = api.get("/api/v1/reports/quota-use?from=" + month + "&to=" + month + "&organisationId=" + c.organisation(), lead);
        assertThat(quota.json().get(0).path("organisationId").isNumber()).as(quota.body()).isTrue();
    }

    @Test
    void theMonthlyReportIsAPdfInTheOrganisationsLanguage() throws Exception {
        Customer mine = customerWithATicket();
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + serverPort
                        + "/api/v1/reports/organisations/" + mine.organisation() + "/monthly/" + month + ".pdf"))
                .header("Authorization", "Bearer " + mine.token()).header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).as("Portuguese, the organisation's language, whatever the reader's").contains("O prometido", "Ainda abertos",
                    "Esperaram pela sua resposta", "Objetivos não cumpridos");
        }
    }
}
