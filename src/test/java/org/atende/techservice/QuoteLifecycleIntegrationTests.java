package org.atende.techservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.atende.support.Api.Answer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** A quote's life over HTTP: each step by the right person, on the timeline, and every illegal move refused. */
class QuoteLifecycleIntegrationTests extends QuoteApiSupport {

    @Test
    void goesFromDraftToInvoicedWithEveryStepRecorded() {
        Answer drafted = draft(ticket, terms("Restaurar faturas", "6.5", 48_000, "2026-07-31"));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        long id = drafted.id();
        assertThat(drafted.header("Location")).hasValue("/api/v1/quotes/" + id);
        JsonNode q = drafted.json();
        assertThat(q.path("state").asString()).isEqualTo("DRAFT");
        assertThat(q.path("revision").asInt()).isEqualTo(1);
        assertThat(q.path("ticketId").asLong()).isEqualTo(ticket);
        assertThat(q.path("organisationId").asLong()).isEqualTo(acme);
        assertThat(q.path("estimatedHours").decimalValue()).isEqualByComparingTo("6.50");
        assertThat(q.path("amountCents").asLong()).isEqualTo(48_000);
        assertThat(q.path("amountEuros").asString()).isEqualTo("480.00");
        assertThat(q.path("validUntil").asString()).isEqualTo("2026-07-31");
        assertThat(q.path("expiresAt").asString()).as("midnight in Lisbon, summer time").isEqualTo("2026-07-31T23:00:00Z");
        assertThat(q.path("draftedAt").asString()).isEqualTo("2026-07-20T10:00:00Z");

        CLOCK.set("2026-07-20T11:00:00Z");
        JsonNode sent = ok(step(id, "send", agent));
        assertThat(sent.path("state").asString()).isEqualTo("SENT");
        assertThat(sent.path("sentAt").asString()).isEqualTo("2026-07-20T11:00:00Z");
        assertThat(sent.path("sentBy").isNumber()).isTrue();

        CLOCK.set("2026-07-21T09:15:00Z");
        JsonNode accepted = ok(step(id, "accept", ana));
        assertThat(accepted.path("state").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.path("acceptedAt").asString()).isEqualTo("2026-07-21T09:15:00Z");
        assertThat(accepted.path("decidedBy").isNumber()).isTrue();

        CLOCK.set("2026-07-23T16:00:00Z");
        assertThat(ok(step(id, "done", agent)).path("doneAt").asString()).isEqualTo("2026-07-23T16:00:00Z");
        CLOCK.set("2026-08-03T10:00:00Z");
        JsonNode invoiced = ok(invoice(id, lead, "FT 2026/0815"));
        assertThat(invoiced.path("state").asString()).isEqualTo("INVOICED");
        assertThat(invoiced.path("invoiceReference").asString()).isEqualTo("FT 2026/0815");
        assertThat(invoiced.path("invoicedAt").asString()).isEqualTo("2026-08-03T10:00:00Z");

        List<JsonNode> timeline = quoteTimeline(ticket);
        assertThat(timeline).extracting(e -> e.path("kind").asString() + " " + (e.path("before").isNull() ? "-" : e.path("before").asString()) + "->"
                + e.path("after").asString())
                .containsExactly("QUOTE_DRAFTED -->DRAFT", "QUOTE_SENT DRAFT->SENT", "QUOTE_ACCEPTED SENT->ACCEPTED",
                        "QUOTE_DONE ACCEPTED->DONE", "QUOTE_INVOICED DONE->INVOICED");
        assertThat(timeline).allSatisfy(e -> assertThat(e.path("detail").asString())
                .startsWith("quote " + id + " revision 1: 480.00 EUR, 6.50 h, valid until 2026-07-31"));
        assertThat(timeline.getLast().path("detail").asString()).endsWith("; invoice FT 2026/0815");
        assertThat(timeline.get(2).path("actor").asString()).as("the customer decided").startsWith("User CUSTOMER");
        assertThat(published.of(id)).extracting(e -> e.getClass().getSimpleName()).containsExactly("QuoteSent", "QuoteAccepted");
        QuoteAccepted event = published.all(QuoteAccepted.class).getLast();
        assertThat(event.amountCents()).isEqualTo(48_000);
        assertThat(event.ticketId().value()).isEqualTo(ticket);
        assertThat(event.organisationId().value()).isEqualTo(acme);
    }

    @Test
    void theCustomerRejectsWithAReason() {
        long id = sent();
        JsonNode rejected = ok(step(id, "reject", ana, Map.of("reason", "Demasiado caro")));
        assertThat(rejected.path("state").asString()).isEqualTo("REJECTED");
        assertThat(rejected.path("rejectionReason").asString()).isEqualTo("Demasiado caro");
        assertThat(rejected.path("rejectedAt").asString()).isEqualTo("2026-07-20T10:00:00Z");
        assertThat(quoteTimeline(ticket).getLast().path("detail").asString()).endsWith("; reason: Demasiado caro");
        assertThat(published.all(QuoteRejected.class)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("Demasiado caro"));

        long another = draft(ticket, 30_000);
        ok(step(another, "send", agent));
        JsonNode withoutReason = ok(step(another, "reject", ana));
        assertThat(withoutReason.path("state").asString()).isEqualTo("REJECTED");
        assertThat(withoutReason.path("rejectionReason").isNull()).isTrue();
    }

    @Test
    void workIsDoneOnlyAfterAcceptance() {
        long draft = draft();
        problem(step(draft, "done", agent), 409, "illegal-quote-transition");
        long sent = sent();
        JsonNode refused = problem(step(sent, "done", agent), 409, "illegal-quote-transition");
        assertThat(refused.path("from").asString()).isEqualTo("SENT");
        assertThat(refused.path("to").asString()).isEqualTo("DONE");
        assertThat(state(sent)).isEqualTo("SENT");
    }

    @Test
    void onlyALeadOrAnAdminInvoicesAndNeedsAReference() {
        long id = done();
        problem(invoice(id, agent, "FT 1"), 403, "forbidden");
        problem(invoice(id, ana, "FT 1"), 403, "forbidden");
        JsonNode blank = problem(invoice(id, lead, " "), 400, "validation");
        assertThat(blank.path("errors").get(0).path("field").asString()).isEqualTo("invoiceReference");
        assertThat(state(id)).isEqualTo("DONE");
        assertThat(ok(invoice(id, admin, "FT 2026/1")).path("state").asString()).isEqualTo("INVOICED");
    }

    @Test
    void staffCannotAcceptOrRejectOnTheCustomersBehalf() {
        long id = sent();
        for (String staff : List.of(agent, lead, admin)) {
            problem(step(id, "accept", staff), 403, "forbidden");
            problem(step(id, "reject", staff), 403, "forbidden");
        }
        assertThat(state(id)).isEqualTo("SENT");
    }

    @Test
    void customersDoNotDraftEditSendOrFinishWork() {
        problem(api.post("/api/v1/tickets/" + ticket + "/quotes", ana, terms("x", "1", 100, "2026-07-31")), 403, "forbidden");
        long id = accepted();
        problem(api.send("PATCH", "/api/v1/quotes/" + id, ana, "{\"amountCents\":1}", "application/json"), 403, "forbidden");
        problem(step(id, "send", ana), 403, "forbidden");
        problem(step(id, "done", ana), 403, "forbidden");
        assertThat(state(id)).isEqualTo("ACCEPTED");
    }

    @Nested
    class Revisions {

        @Test
        void sendingARevisionSupersedesTheSentQuoteAndAnEarlierDraft() {
            long first = sent();
            long second = draft(ticket, 52_000);
            long third = draft(ticket, 45_000);
            assertThat(ok(get(second, agent)).path("revision").asInt()).isEqualTo(2);
            assertThat(state(first)).as("a draft revision replaces nothing until it is sent").isEqualTo("SENT");

            CLOCK.set("2026-07-22T10:00:00Z");
            ok(step(third, "send", agent));

            JsonNode replaced = ok(get(first, agent));
            assertThat(replaced.path("state").asString()).isEqualTo("SUPERSEDED");
            assertThat(replaced.path("supersededBy").asLong()).isEqualTo(third);
            assertThat(replaced.path("supersededAt").asString()).isEqualTo("2026-07-22T10:00:00Z");
            assertThat(state(second)).isEqualTo("SUPERSEDED");
            assertThat(state(third)).isEqualTo("SENT");
            assertThat(quoteTimeline(ticket)).filteredOn(e -> e.path("kind").asString().equals("QUOTE_SUPERSEDED"))
                    .extracting(e -> e.path("before").asString() + "->" + e.path("after").asString() + " "
                            + e.path("detail").asString().substring(e.path("detail").asString().indexOf("replaced by")))
                    .containsExactly("SENT->SUPERSEDED replaced by quote " + third + " revision 3 (450.00 EUR)",
                            "DRAFT->SUPERSEDED replaced by quote " + third + " revision 3 (450.00 EUR)");
            JsonNode late = problem(step(first, "accept", ana), 409, "illegal-quote-transition");
            assertThat(late.path("from").asString()).isEqualTo("SUPERSEDED");
            assertThat(late.path("allowed")).isEmpty();
            assertThat(ok(step(third, "accept", ana)).path("state").asString()).isEqualTo("ACCEPTED");
        }

        @Test
        void anAcceptedQuoteIsNeverSuperseded() {
            long accepted = accepted();
            long revision = draft(ticket, 60_000);

            JsonNode refused = problem(step(revision, "send", agent), 409, "illegal-quote-transition");

            assertThat(refused.path("quoteId").asLong()).isEqualTo(accepted);
            assertThat(refused.path("from").asString()).isEqualTo("ACCEPTED");
            assertThat(refused.path("to").asString()).isEqualTo("SUPERSEDED");
            assertThat(refused.path("allowed").valueStream().map(JsonNode::asString).toList()).containsExactly("DONE");
            assertThat(state(accepted)).isEqualTo("ACCEPTED");
            assertThat(state(revision)).isEqualTo("DRAFT");
        }

        @Test
        void finishedWorkLeavesRoomForANewQuote() {
            long finished = done();
            long next = draft(ticket, 20_000);
            assertThat(ok(step(next, "send", agent)).path("revision").asInt()).isEqualTo(2);
            assertThat(state(finished)).isEqualTo("DONE");
        }
    }

    @Nested
    class Editing {

        @Test
        void changesADraftsTermsAndRecordsWhatChanged() {
            long id = draft();
            Answer edited = api.send("PATCH", "/api/v1/quotes/" + id, agent,
                    "{\"amountCents\":52000,\"validUntil\":\"2026-08-14\",\"version\":" + ok(get(id, agent)).path("version").asInt() + "}",
                    "application/json");
            JsonNode q = ok(edited);
            assertThat(q.path("amountCents").asLong()).isEqualTo(52_000);
            assertThat(q.path("estimatedHours").decimalValue()).as("kept").isEqualByComparingTo("6.5");
            assertThat(q.path("validUntil").asString()).isEqualTo("2026-08-14");
            assertThat(q.path("expiresAt").asString()).isEqualTo("2026-08-14T23:00:00Z");
            assertThat(quoteTimeline(ticket).getLast().path("detail").asString())
                    .isEqualTo("quote " + id + " revision 1: amount 480.00 -> 520.00 EUR; valid until 2026-07-31 -> 2026-08-14");
        }

        @Test
        void refusesAStaleVersion() {
            long id = draft();
            int version = ok(get(id, agent)).path("version").asInt();
            ok(api.send("PATCH", "/api/v1/quotes/" + id, agent, "{\"amountCents\":50000}", "application/json"));
            JsonNode stale = problem(api.send("PATCH", "/api/v1/quotes/" + id, agent,
                    "{\"amountCents\":51000,\"version\":" + version + "}", "application/json"), 409, "conflict");
            assertThat(stale.path("version").asInt()).isEqualTo(version + 1);
            assertThat(ok(get(id, agent)).path("amountCents").asLong()).isEqualTo(50_000);
        }

        @Test
        void onlyADraftCanBeEdited() {
            long id = sent();
            JsonNode refused = problem(api.send("PATCH", "/api/v1/quotes/" + id, agent, "{\"amountCents\":1}", "application/json"),
                    409, "quote-not-editable");
            assertThat(refused.path("state").asString()).isEqualTo("SENT");
            assertThat(ok(get(id, agent)).path("amountCents").asLong()).isEqualTo(48_000);
        }
    }

    @Nested
    class Refusals {

        @Test
        void namesEveryBadFieldOfADraft() {
            Map<String, Object> bad = new LinkedHashMap<>();
            bad.put("description", "  ");
            bad.put("estimatedHours", new java.math.BigDecimal("1.255"));
            bad.put("amountCents", 0);
            bad.put("validUntil", "2026-07-19");
            JsonNode refused = problem(draft(ticket, bad), 400, "validation");
            assertThat(refused.path("errors").valueStream().map(e -> e.path("field").asString() + " " + e.path("message").asString()))
                    .containsExactly("amountCents must be greater than 0", "description must not be blank",
                            "estimatedHours must have at most two decimals", "validUntil must be today (2026-07-20) or later");
            JsonNode missing = problem(draft(ticket, Map.of()), 400, "validation");
            assertThat(missing.path("errors").valueStream().map(e -> e.path("field").asString()))
                    .containsExactly("amountCents", "description", "estimatedHours", "validUntil");
            problem(draft(ticket, terms("x", "-1", 100, "2026-07-31")), 400, "validation");
            problem(draft(ticket, terms("x", "0", 100, "2026-07-31")), 400, "validation");
            assertThat(api.get("/api/v1/tickets/" + ticket + "/quotes", agent).json().size()).isZero();
        }

        @Test
        void aDraftValidUntilTodayIsAccepted() {
            Answer today = draft(ticket, terms("Consulta de registos", "0.25", 1, "2026-07-20"));
            assertThat(today.status()).as(today.body()).isEqualTo(201);
        }

        @Test
        void answersAnUnreadableAmountAsMalformed() {
            Answer fraction = api.send("POST", "/api/v1/tickets/" + ticket + "/quotes", agent,
                    "{\"description\":\"x\",\"estimatedHours\":1,\"amountCents\":12.5,\"validUntil\":\"2026-07-31\"}", "application/json");
            problem(fraction, 400, "malformed-request");
            problem(api.send("POST", "/api/v1/tickets/" + ticket + "/quotes", agent,
                    "{\"description\":\"x\",\"estimatedHours\":1,\"amountCents\":100,\"validUntil\":\"31/07/2026\"}", "application/json"),
                    400, "malformed-request");
        }

        @Test
        void quotesOnlyTechnicalServiceTickets() {
            Answer question = api.post("/api/v1/tickets", ana, Map.of("subject", "Como exporto?", "body", "?"));
            JsonNode refused = problem(draft(question.id(), terms("x", "1", 100, "2026-07-31")), 409, "not-technical-service");
            assertThat(refused.path("ticketType").asString()).isEqualTo("QUESTION");

            long id = draft();
            ok(api.send("PATCH", "/api/v1/tickets/" + ticket, agent, "{\"type\":\"INCIDENT\"}", "application/json"));
            problem(step(id, "send", agent), 409, "not-technical-service");
            assertThat(state(id)).isEqualTo("DRAFT");
        }

        @Test
        void aSentQuoteIsNotAcceptedOnceItsTicketIsBackInSupport() {
            long id = draft();
            ok(step(id, "send", agent));
            ok(api.send("PATCH", "/api/v1/tickets/" + ticket, agent, "{\"type\":\"INCIDENT\"}", "application/json"));
            problem(step(id, "accept", ana), 409, "not-technical-service");
            assertThat(state(id)).isEqualTo("SENT");
        }

        @Test
        void aDraftWhoseValidityPassedIsNotSent() {
            long id = draft();
            CLOCK.set("2026-07-31T23:00:00Z"); // 1 August in Lisbon
            JsonNode refused = problem(step(id, "send", agent), 409, "quote-validity-passed");
            assertThat(refused.path("validUntil").asString()).isEqualTo("2026-07-31");
            assertThat(state(id)).isEqualTo("DRAFT");
        }
    }

    /**
     * Every move the table refuses, made by someone whose role allows the step: the answer is the 409 with
     * from, to and what is allowed, and the quote stays as it was. (A customer cannot see a draft, so
     * accepting or rejecting one is 404 rather than 409; see the access tests.)
     */
    @Nested
    class IllegalTransitions {

        /** A step, the state it leads to, and who may take it. */
        record Step(String path, QuoteState target, String who) {
        }

        final List<Step> steps = List.of(
                new Step("send", QuoteState.SENT, "agent"),
                new Step("accept", QuoteState.ACCEPTED, "customer"),
                new Step("reject", QuoteState.REJECTED, "customer"),
                new Step("done", QuoteState.DONE, "agent"),
                new Step("invoice", QuoteState.INVOICED, "lead"));

        Answer take(long id, Step s) {
            return switch (s.who()) {
                case "customer" -> step(id, s.path(), ana);
                case "lead" -> invoice(id, lead, "FT 10");
                default -> step(id, s.path(), agent);
            };
        }

        long inState(QuoteState state) {
            return switch (state) {
                case DRAFT -> draft();
                case SENT -> sent();
                case ACCEPTED -> accepted();
                case DONE -> done();
                case INVOICED -> {
                    long id = done();
                    ok(invoice(id, lead, "FT 9"));
                    yield id;
                }
                case REJECTED -> {
                    long id = sent();
                    ok(step(id, "reject", ana));
                    yield id;
                }
                case SUPERSEDED -> {
                    long id = sent();
                    ok(step(draft(), "send", agent));
                    yield id;
                }
                case EXPIRED -> {
                    long id = sent();
                    CLOCK.set("2026-08-01T00:00:00Z");
                    assertThat(expiry.runOnce()).isPositive();
                    CLOCK.set("2026-07-20T10:00:00Z"); // back, so that later drafts are valid again
                    yield id;
                }
            };
        }

        @Test
        void refusesEveryMoveTheTableDoesNotAllow() {
            int refused = 0;
            for (QuoteState from : QuoteState.values()) {
                ticket = technicalTicket(ana);
                long id = inState(from);
                assertThat(state(id)).isEqualTo(from.name());
                for (Step s : steps) {
                    if (QuoteTransitions.allows(from, s.target()) || (from == QuoteState.DRAFT && s.who().equals("customer"))) {
                        continue;
                    }
                    JsonNode p = problem(take(id, s), 409, "illegal-quote-transition");
                    assertThat(p.path("from").asString()).as(from + " " + s.path()).isEqualTo(from.name());
                    assertThat(p.path("to").asString()).isEqualTo(s.target().name());
                    assertThat(p.path("allowed").valueStream().map(JsonNode::asString).toList())
                            .containsExactlyInAnyOrderElementsOf(QuoteTransitions.from(from).stream().map(Enum::name).toList());
                    assertThat(state(id)).isEqualTo(from.name());
                    refused++;
                }
            }
            // 8 states x 5 steps: 5 moves the table allows, 2 on a draft a customer cannot see, 33 refused
            assertThat(refused).isEqualTo(33);
        }
    }
}
