package org.atende.channels.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.atende.support.Api.Answer;
import org.atende.tickets.Reply;
import org.atende.tickets.TicketId;
import org.atende.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.ErrorResponseException;
import org.atende.support.ApiIntegrationSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a customer can pile on a ticket is limited, each refusal naming its setting. */
class TicketLimitsIntegrationTests extends ApiIntegrationSupport {

    @Autowired
    Tickets tickets;

    String customer;
    long organisation;

    @BeforeEach
    void aCustomer() {
        organisation = createOrganisation(unique("limits") + ".example");
        customer = tokenFor(createUser("CUSTOMER", organisation, createContact(organisation, unique("c") + "@limits.example")));
    }

    @Test
    void refusesMoreTagsThanATicketMayHave() {
        Answer answer = api.post("/api/v1/tickets", customer, Map.of("subject", "Muitas etiquetas", "body", "…",
                "tags", IntStream.rangeClosed(1, 21).mapToObj(i -> "tag" + i).toList()));

        assertLimit(answer, "atende.limits.tags-per-ticket", 20, 21);
        Answer twenty = api.post("/api/v1/tickets", customer, Map.of("subject", "Vinte etiquetas", "body", "…",
                "tags", IntStream.rangeClosed(1, 20).mapToObj(i -> "tag" + i).toList()));
        assertThat(twenty.status()).as(twenty.body()).isEqualTo(201);
    }

    @Test
    void refusesAMessageOrSubjectLongerThanTheLimit() {
        long ticket = api.post("/api/v1/tickets", customer, Map.of("subject", "Curto", "body", "…")).id();

        Answer subject = api.post("/api/v1/tickets", customer, Map.of("subject", "s".repeat(301), "body", "…"));
        var actor = identity.actor(new org.atende.identity.UserId(jdbc.sql(
                "SELECT user_id FROM api_token ORDER BY id DESC LIMIT 1").query(Long.class).single())).orElseThrow();

        assertLimit(subject, "atende.limits.subject-length", 300, 301);
        assertThatThrownBy(() -> tickets.reply(new TicketId(ticket), Reply.publicly("x".repeat(100_001)), actor))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> assertThat(e.getBody().getProperties())
                        .containsEntry("limit", "atende.limits.message-length").containsEntry("allowed", 100_000));
    }

    @Test
    void refusesMoreAttachmentsOnOneMessageThanTheLimit() {
        long ticket = api.post("/api/v1/tickets", customer, Map.of("subject", "Ficheiros", "body", "…")).id();
        long message = api.post("/api/v1/tickets/" + ticket + "/messages", customer, Map.of("body", "Seguem os ficheiros")).id();

        for (int i = 1; i <= 10; i++) {
            assertThat(attach(ticket, message, "f" + i + ".txt").status()).isEqualTo(201);
        }
        assertLimit(attach(ticket, message, "f11.txt"), "atende.limits.attachments-per-message", 10, 11);
    }

    private Answer attach(long ticket, long message, String name) {
        String boundary = "limitsboundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: text/plain\r\n\r\nconteúdo\r\n--" + boundary + "--\r\n";
        return api.exchange("POST", "/api/v1/tickets/" + ticket + "/attachments?messageId=" + message, customer,
                BodyPublishers.ofString(body), "multipart/form-data; boundary=" + boundary);
    }

    private static void assertLimit(Answer answer, String limit, int allowed, int actual) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().path("type").asString()).isEqualTo("https://atende.example/problems/limit-exceeded");
        assertThat(answer.json().path("limit").asString()).isEqualTo(limit);
        assertThat(answer.json().path("allowed").asInt()).isEqualTo(allowed);
        assertThat(answer.json().path("actual").asInt()).isEqualTo(actual);
        assertThat(List.of(answer.json().path("detail").asString())).allMatch(d -> d.contains(Integer.toString(allowed)));
    }
}
