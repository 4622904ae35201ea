package org.atende.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;

import org.atende.support.Api;
import org.atende.support.Api.Answer;
import org.atende.support.PageBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The logs as an operator ships them: one ECS JSON object per line, each line of a request with its id
 * (the caller's {@code X-Request-Id}, echoed) and, once known, the ticket's number; and none of what a
 * user typed in confidence — passwords (set by an admin, typed to sign in, changed), API tokens, message
 * bodies — even with the desk's and the web layer's debug logging on.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsIntegrationTests extends OperationsIntegrationSupport {

    static final String FIRST_PASSWORD = "Initial-Pass-5e81c0d2";
    static final String WRONG_PASSWORD = "Mistyped-Pass-93b1f7aa";
    static final String NEW_PASSWORD = "Changed-Pass-0c6d4e19";
    static final String BODY = "Confidential-Body-4a7e: a fatura de dezembro tem o NIF 501234567";
    static final String REPLY = "Confidential-Reply-b8c2: o seu código é 884211";

    @LocalServerPort
    int port;

    @Test
    void logsJsonLinesWithTheRequestIdAndTicketButNoSecretOrBody(CapturedOutput output) {
        long organisation = createOrganisation();
        long contact = createContact(organisation, unique("marta") + "@cliente.example");
        Map<String, Object> user = new java.util.LinkedHashMap<>(Map.of("email", unique("marta") + "@cliente.example",
                "name", "Marta Reis", "role", "CUSTOMER", "organisationId", organisation, "contactId", contact,
                "password", FIRST_PASSWORD));
        Answer created = api.post("/api/v1/users", admin, user);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String customerToken = tokenFor(created.id());

        PageBrowser page = new PageBrowser(port);
        page.get("/login");
        page.post("/login", "username", (String) user.get("email"), "password", WRONG_PASSWORD);
        page.signIn((String) user.get("email"), FIRST_PASSWORD);
        page.get("/account");
        assertThat(page.post("/account/password", "currentPassword", FIRST_PASSWORD, "newPassword", NEW_PASSWORD).statusCode())
                .isEqualTo(302);

        Answer opened = api.exchange("POST", "/api/v1/tickets", customerToken,
                BodyPublishers.ofString(Api.JSON.writeValueAsString(Map.of("subject", "Fatura errada", "body", BODY))),
                "application/json", "X-Request-Id", "req-logs-1");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.header("X-Request-Id")).hasValue("req-logs-1");
        long ticket = opened.id();
        long number = opened.json().path("number").asLong();
        Answer replied = api.exchange("POST", "/api/v1/tickets/" + ticket + "/messages", admin,
                BodyPublishers.ofString(Api.JSON.writeValueAsString(Map.of("body", REPLY))), "application/json",
                "X-Request-Id", "req-logs-2");
        assertThat(replied.status()).as(replied.body()).isEqualTo(201);
        Answer generated = api.get("/api/v1/tickets/" + ticket, admin);
        assertThat(generated.header("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f-]{36}"));

        String logs = output.getOut() + output.getErr();
        for (String secret : List.of(FIRST_PASSWORD, WRONG_PASSWORD, NEW_PASSWORD, admin, customerToken, "Confidential-Body-4a7e",
                "501234567", "Confidential-Reply-b8c2", "884211")) {
            assertThat(logs).as("the logs hold %s", secret).doesNotContain(secret);
        }
        List<JsonNode> lines = logs.lines().filter(l -> l.startsWith("{")).map(l -> Api.JSON.readTree(l)).toList();
        assertThat(lines).as("ECS lines").isNotEmpty().allSatisfy(l -> assertThat(l.has("@timestamp")).isTrue());
        List<JsonNode> ofTheOpen = lines.stream().filter(l -> "req-logs-1".equals(l.path("requestId").asString(""))).toList();
        assertThat(ofTheOpen).as("lines of the request that opened the ticket").isNotEmpty();
        assertThat(ofTheOpen).anySatisfy(l -> assertThat(l.path("ticket").asString("")).isEqualTo("#" + number));
        assertThat(lines.stream().filter(l -> "req-logs-2".equals(l.path("requestId").asString(""))))
                .as("every line of the reply names its ticket").isNotEmpty()
                .allSatisfy(l -> assertThat(l.path("ticket").asString("")).isIn("", "#" + number));
    }
}
