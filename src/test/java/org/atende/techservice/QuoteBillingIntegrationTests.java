package org.atende.techservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.atende.support.Api.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The billing export: quotes accepted in the month in Lisbon time, still accepted, done or invoiced, as
 * JSON or CSV, with their total. Acme's quotes are accepted around both ends of August 2026.
 */
class QuoteBillingIntegrationTests extends QuoteApiSupport {

    static final String TRICKY = "Restaurar \"faturas\", lote 2\nlinha 2";

    @LocalServerPort
    int serverPort;

    long julyLastSecond;   // accepted 2026-07-31T22:59:59Z: 23:59:59 on 31 July in Lisbon
    long augustFirst;      // accepted 2026-07-31T23:30:00Z: 00:30 on 1 August in Lisbon; done and invoiced
    long augustLastSecond; // accepted 2026-08-31T22:59:59Z: still August in Lisbon
    long september;        // accepted 2026-08-31T23:00:00Z: 1 September in Lisbon
    long rejected;         // decided in August, not billed
    long undecided;        // sent in August, not billed
    long globexAugust;     // another organisation's, accepted in August

    long quote(long ticketOf, String description, String hours, long cents) {
        Answer d = draft(ticketOf, terms(description, hours, cents, "2026-09-30"));
        assertThat(d.status()).as(d.body()).isEqualTo(201);
        ok(step(d.id(), "send", agent));
        return d.id();
    }

    long acceptedAt(String instant, String description, long cents) {
        CLOCK.set("2026-07-20T10:00:00Z");
        long id = quote(technicalTicket(ana), description, "6.5", cents);
        CLOCK.set(instant);
        ok(step(id, "accept", ana));
        return id;
    }

    @BeforeEach
    void aMonthOfQuotes() {
        julyLastSecond = acceptedAt("2026-07-31T22:59:59Z", "Julho", 10_000);
        augustFirst = acceptedAt("2026-07-31T23:30:00Z", TRICKY, 123_450);
        CLOCK.set("2026-08-05T09:00:00Z");
        ok(step(augustFirst, "done", agent));
        CLOCK.set("2026-08-06T09:00:00Z");
        ok(invoice(augustFirst, lead, "FT 2026/0815"));
        augustLastSecond = acceptedAt("2026-08-31T22:59:59Z", "=SUM(A1:A9)", 20_005);
        september = acceptedAt("2026-08-31T23:00:00Z", "Setembro", 30_000);
        CLOCK.set("2026-07-20T10:00:00Z");
        rejected = quote(technicalTicket(ana), "Rejeitado", "1", 5_000);
        undecided = quote(technicalTicket(ana), "Por decidir", "1", 7_000);
        CLOCK.set("2026-08-10T10:00:00Z");
        ok(step(rejected, "reject", ana));
        String globexCustomer = customerOf(globex);
        CLOCK.set("2026-07-20T10:00:00Z");
        globexAugust = quote(technicalTicket(globexCustomer), "Globex", "2", 9_900);
        CLOCK.set("2026-08-12T10:00:00Z");
        ok(step(globexAugust, "accept", globexCustomer));
    }

    Answer billing(String query, String token) {
        return api.get("/api/v1/quotes/billing?" + query, token);
    }

    long number(long quote) {
        return ok(get(quote, agent)).path("ticketNumber").asLong();
    }

    @Test
    void listsTheQuotesAcceptedInTheMonthInLisbonTimeWithTheirTotal() {
        JsonNode report = ok(billing("month=2026-08&organisationId=" + acme, lead));

        assertThat(report.path("month").asString()).isEqualTo("2026-08");
        assertThat(report.path("timeZone").asString()).isEqualTo("Europe/Lisbon");
        assertThat(report.path("organisationId").asLong()).isEqualTo(acme);
        assertThat(report.path("currency").asString()).isEqualTo("EUR");
        assertThat(report.path("lines").valueStream().map(l -> l.path("quoteId").asLong()))
                .containsExactly(augustFirst, augustLastSecond);
        JsonNode first = report.path("lines").get(0);
        assertThat(first.path("ticketNumber").asLong()).isEqualTo(number(augustFirst));
        assertThat(first.path("organisationId").asLong()).isEqualTo(acme);
        assertThat(first.path("organisationName").asString()).isEqualTo(api.get("/api/v1/organisations/" + acme, admin).json()
                .path("name").asString());
        assertThat(first.path("category").asString()).isEqualTo("restore_deleted_items");
        assertThat(first.path("description").asString()).isEqualTo(TRICKY);
        assertThat(first.path("estimatedHours").decimalValue()).isEqualByComparingTo("6.5");
        assertThat(first.path("amountCents").asLong()).isEqualTo(123_450);
        assertThat(first.path("amountEuros").asString()).isEqualTo("1234.50");
        assertThat(first.path("state").asString()).isEqualTo("INVOICED");
        assertThat(first.path("acceptedAt").asString()).isEqualTo("2026-07-31T23:30:00Z");
        assertThat(first.path("doneAt").asString()).isEqualTo("2026-08-05T09:00:00Z");
        assertThat(first.path("invoiceReference").asString()).isEqualTo("FT 2026/0815");
        JsonNode last = report.path("lines").get(1);
        assertThat(last.path("state").asString()).isEqualTo("ACCEPTED");
        assertThat(last.path("doneAt").isNull()).isTrue();
        assertThat(last.path("amountEuros").asString()).isEqualTo("200.05");
        assertThat(report.path("count").asInt()).isEqualTo(2);
        assertThat(report.path("totalCents").asLong()).isEqualTo(143_455);
        assertThat(report.path("totalEuros").asString()).isEqualTo("1434.55");
    }

    @Test
    void putsEachAcceptanceInTheMonthItHappenedInLisbon() {
        assertThat(ids(ok(billing("month=2026-07&organisationId=" + acme, lead)))).containsExactly(julyLastSecond);
        assertThat(ids(ok(billing("month=2026-09&organisationId=" + acme, admin)))).containsExactly(september);
        assertThat(ids(ok(billing("month=2026-08", lead)))).contains(augustFirst, augustLastSecond, globexAugust)
                .doesNotContain(julyLastSecond, september, rejected, undecided);
        assertThat(ids(ok(billing("month=2026-08&organisationId=" + globex, lead)))).containsExactly(globexAugust);
        assertThat(ok(billing("month=2026-10&organisationId=" + acme, lead)).path("totalEuros").asString()).isEqualTo("0.00");
    }

    static List<Long> ids(JsonNode report) {
        return report.path("lines").valueStream().map(l -> l.path("quoteId").asLong()).toList();
    }

    @Test
    void writesCsvWithQuotedFieldsAndATotalRow() {
        Answer csv = billing("month=2026-08&organisationId=" + acme + "&format=csv", lead);

        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(csv.header("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .contains("attachment").contains("quotes-billing-2026-08-" + acme + ".csv"));
        String name = api.get("/api/v1/organisations/" + acme, admin).json().path("name").asString();
        assertThat(csv.body()).isEqualTo(String.join("\r\n",
                "quote_id,ticket_number,organisation_id,organisation_name,category,description,estimated_hours,amount_cents,"
                        + "amount_eur,state,accepted_at,done_at,invoice_reference",
                augustFirst + "," + number(augustFirst) + "," + acme + "," + name + ",restore_deleted_items,"
                        + "\"Restaurar \"\"faturas\"\", lote 2\nlinha 2\",6.50,123450,1234.50,INVOICED,2026-08-01T00:30:00+01:00,"
                        + "2026-08-05T10:00:00+01:00,FT 2026/0815",
                augustLastSecond + "," + number(augustLastSecond) + "," + acme + "," + name + ",restore_deleted_items,"
                        + "'=SUM(A1:A9),6.50,20005,200.05,ACCEPTED,2026-08-31T23:59:59+01:00,,",
                "TOTAL,,,,,2 quotes,,143455,1434.55,,,,") + "\r\n");
    }

    @Test
    void answersCsvToAClientThatAsksForIt() throws Exception {
        HttpResponse<String> csv = raw("/api/v1/quotes/billing?month=2026-08&organisationId=" + acme, lead, "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(csv.body()).startsWith("quote_id,ticket_number,").endsWith("TOTAL,,,,,2 quotes,,143455,1434.55,,,,\r\n");

        HttpResponse<String> preferred = raw("/api/v1/quotes/billing?month=2026-08&organisationId=" + acme, lead,
                "application/json;q=0.5, text/csv");
        assertThat(preferred.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        HttpResponse<String> anything = raw("/api/v1/quotes/billing?month=2026-08&organisationId=" + acme, lead, "*/*");
        assertThat(anything.headers().firstValue("Content-Type")).hasValue("application/json");

        HttpResponse<String> refused = raw("/api/v1/quotes/billing?month=2026-08", agent, "text/csv");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains(PROBLEMS + "forbidden");
    }

    @Test
    void isForLeadsAndAdminsOnly() {
        problem(billing("month=2026-08", agent), 403, "forbidden");
        problem(billing("month=2026-08&organisationId=" + acme, ana), 403, "forbidden");
        assertThat(billing("month=2026-08", admin).status()).isEqualTo(200);
    }

    @Test
    void refusesAMissingOrMalformedMonthAndAnUnknownFormat() {
        problem(billing("organisationId=" + acme, lead), 400, "malformed-request");
        problem(billing("month=2026-13", lead), 400, "malformed-request");
        problem(billing("month=August", lead), 400, "malformed-request");
        JsonNode format = problem(billing("month=2026-08&format=xlsx", lead), 400, "validation");
        assertThat(format.path("errors").get(0).path("field").asString()).isEqualTo("format");
    }

    HttpResponse<String> raw(String path, String token, String accept) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + serverPort + path))
                .header("Authorization", "Bearer " + token).header("Accept", accept).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aQuoteStaysInTheMonthItWasAcceptedWhateverHappensLater() {
        CLOCK.set("2026-09-20T10:00:00Z");
        ok(step(augustLastSecond, "done", agent));
        JsonNode august = ok(billing("month=2026-08&organisationId=" + acme, lead));
        assertThat(ids(august)).containsExactly(augustFirst, augustLastSecond);
        assertThat(august.path("lines").get(1).path("state").asString()).isEqualTo("DONE");
        assertThat(ids(ok(billing("month=2026-09&organisationId=" + acme, lead)))).containsExactly(september);
        assertThat(Map.of("rejected", state(rejected), "undecided", state(undecided)))
                .containsEntry("rejected", "REJECTED").containsEntry("undecided", "SENT");
    }
}
