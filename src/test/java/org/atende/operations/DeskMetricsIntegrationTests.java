package org.atende.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.support.Api.Answer;
import org.atende.tickets.Channel;
import org.atende.tickets.OpenTicket;
import org.atende.tickets.Tickets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The desk's own meters as Prometheus scrapes them, over HTTP: the scrape needs its token; counters move
 * with what the desk does (tickets per channel, refusals, breaches per priority, webhook answers); the
 * gauges read the database (live clocks by state, the outbox's depth and oldest age). Gauges are read
 * again on every scrape here ({@code refresh-interval=PT0S}); that they are cached otherwise is
 * {@code CachedReadingUnitTests}'.
 */
class DeskMetricsIntegrationTests extends OperationsIntegrationSupport {

    @LocalServerPort
    int port;

    @Autowired
    Tickets tickets;

    Scrape scrape() {
        Scrape s = Scrape.of(port, TOKEN);
        assertThat(s.status).as(s.body).isEqualTo(200);
        return s;
    }

    @Test
    void answersTheScrapeOnlyToItsToken() {
        Scrape none = Scrape.of(port, null);
        Scrape wrong = Scrape.of(port, TOKEN + "x");
        Scrape anAdminsApiToken = Scrape.of(port, admin);

        assertThat(none.status).isEqualTo(401);
        assertThat(none.headers.firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"metrics\"");
        assertThat(none.body).doesNotContain("atende_");
        assertThat(wrong.status).isEqualTo(401);
        assertThat(anAdminsApiToken.status).isEqualTo(401);
        assertThat(scrape().body).contains("# TYPE atende_tickets_opened_total counter");
    }

    @Test
    void countsEveryTicketOpenedByItsChannel() {
        long organisation = createOrganisation();
        Scrape before = scrape();

        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/v1/tickets", admin, Map.of("organisationId", organisation, "subject", "Falha " + i,
                    "body", "Não abre")).status()).isEqualTo(201);
        }
        assertThat(api.post("/api/v1/tickets", admin, Map.of("organisationId", organisation, "channel", "WHATSAPP",
                "subject", "Por telefone", "body", "Ligou")).status()).isEqualTo(201);

        Scrape after = scrape();
        assertThat(after.valueOrZero("atende_tickets_opened_total", "channel", "api")
                - before.valueOrZero("atende_tickets_opened_total", "channel", "api")).isEqualTo(3);
        assertThat(after.valueOrZero("atende_tickets_opened_total", "channel", "whatsapp")
                - before.valueOrZero("atende_tickets_opened_total", "channel", "whatsapp")).isEqualTo(1);
        assertThat(after.value("atende_tickets_opened_total", "channel", "portal")).as("every channel is there from the start").isNotNull();
    }

    @Test
    void countsTheRefusalsOfAnExhaustedPlanAndNotTheirTickets() {
        Answer plan = api.post("/api/v1/plans", admin, Map.of("name", unique("Nada"), "slaPolicyId", slaPolicy(),
                "defaultPriority", "LOW", "monthlyTicketAllowance", 0, "overQuotaPolicy", "REFUSE"));
        Answer organisation = api.post("/api/v1/organisations", admin, Map.of("name", unique("Org"), "planId", plan.id(),
                "language", "PT", "emailDomains", java.util.List.of()));
        long contact = createContact(organisation.id(), unique("rita") + "@oficina.example");
        String customer = tokenFor(createUser("CUSTOMER", organisation.id(), contact), "APP"); // the vendor's app
        Scrape before = scrape();

        Answer refused = api.post("/api/v1/tickets", customer, Map.of("subject", "Mais um", "body", "Por favor"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        Scrape after = scrape();
        assertThat(after.valueOrZero("atende_quota_refusals_total", "channel", "app")
                - before.valueOrZero("atende_quota_refusals_total", "channel", "app")).isEqualTo(1);
        assertThat(after.valueOrZero("atende_tickets_opened_total", "channel", "app"))
                .isEqualTo(before.valueOrZero("atende_tickets_opened_total", "channel", "app"));
    }

    @Test
    void readsTheLiveClocksAndTheWaitingOutboxFromTheDatabase() {
        long organisation = createOrganisation();
        Scrape before = scrape();

        assertThat(api.post("/api/v1/tickets", admin, Map.of("organisationId", organisation, "subject", "Lento", "body", "Muito lento"))
                .status()).isEqualTo(201);
        jdbc.sql("""
                INSERT INTO outgoing_message (channel, purpose, recipient, body, external_id, automatic, state, attempts,
                    next_attempt_at, created_at)
                VALUES ('WHATSAPP', 'REPLY', '351912345678', 'Olá', ?, FALSE, 'QUEUED', 3, ?, ?)""")
                .params(unique("waiting"), Timestamp.from(Instant.now().plusSeconds(600)), Timestamp.from(Instant.now().minusSeconds(900))).update();

        Scrape after = scrape();
        assertThat(after.valueOrZero("atende_sla_clocks", "kind", "first_response", "state", "running")
                - before.valueOrZero("atende_sla_clocks", "kind", "first_response", "state", "running")).isEqualTo(1);
        assertThat(after.valueOrZero("atende_sla_clocks", "kind", "resolution", "state", "running")
                - before.valueOrZero("atende_sla_clocks", "kind", "resolution", "state", "running")).isEqualTo(1);
        assertThat(after.valueOrZero("atende_outbox_depth", "channel", "whatsapp")
                - before.valueOrZero("atende_outbox_depth", "channel", "whatsapp")).isEqualTo(1);
        assertThat(after.valueOrZero("atende_outbox_oldest_age_seconds", "channel", "whatsapp")).isBetween(900.0, 1200.0);
        assertThat(after.value("atende_outbox_oldest_age_seconds", "channel", "email")).as("nothing waits by e-mail").isZero();
    }

    @Test
    void countsBreachesByPriorityAsTheSweepMarksThemAndTimesTheSweep() {
        long organisation = createOrganisation();
        Actor actor = identity.actor(identity.userByEmail(ADMIN_EMAIL).orElseThrow().id()).orElseThrow();
        Scrape before = scrape();

        // received three weeks ago: both clocks are long past their targets when the sweep (every second here) sees them
        tickets.open(new OpenTicket(new OrganisationId(organisation), null, Channel.API, "Parado há semanas", "Ainda parado",
                null, null, null, Set.of(), Instant.now().minus(Duration.ofDays(21))), actor);

        Scrape after = eventually(() -> {
            Scrape s = scrape();
            return s.valueOrZero("atende_sla_breaches_total", "kind", "resolution", "priority", "medium")
                    > before.valueOrZero("atende_sla_breaches_total", "kind", "resolution", "priority", "medium") ? s : null;
        });
        assertThat(after.valueOrZero("atende_sla_breaches_total", "kind", "first_response", "priority", "medium")
                - before.valueOrZero("atende_sla_breaches_total", "kind", "first_response", "priority", "medium")).isEqualTo(1);
        assertThat(after.valueOrZero("atende_sla_breaches_total", "kind", "resolution", "priority", "medium")
                - before.valueOrZero("atende_sla_breaches_total", "kind", "resolution", "priority", "medium")).isEqualTo(1);
        assertThat(after.valueOrZero("atende_sla_breaches_total", "kind", "resolution", "priority", "urgent"))
                .isEqualTo(before.valueOrZero("atende_sla_breaches_total", "kind", "resolution", "priority", "urgent"));
        assertThat(after.valueOrZero("atende_sla_clocks", "kind", "resolution", "state", "breached")).isGreaterThanOrEqualTo(1);
        assertThat(after.valueOrZero("atende_sweep_duration_seconds_count", "sweep", "sla")).isGreaterThan(0);
    }

    @Test
    void timesHowLongAWebhookCallWaitsForItsAnswer() {
        Scrape before = scrape();

        Answer answer = api.send("POST", "/webhooks/whatsapp", null, "{}", "application/json");

        assertThat(answer.status()).isEqualTo(404); // the channel is not configured here: answered all the same
        Scrape after = scrape();
        assertThat(after.valueOrZero("atende_webhook_acknowledgement_seconds_count", "channel", "whatsapp", "outcome", "4xx")
                - before.valueOrZero("atende_webhook_acknowledgement_seconds_count", "channel", "whatsapp", "outcome", "4xx"))
                .isEqualTo(1);
        assertThat(after.body).contains("atende_webhook_acknowledgement_seconds_bucket{");
    }

    @Test
    void servesEverySeriesTheGrafanaDashboardReads() throws Exception {
        JsonNode dashboard = org.atende.support.Api.JSON.readTree(java.nio.file.Files.readString(
                java.nio.file.Path.of("deploy/grafana/atende.json")));
        java.util.Set<String> series = new java.util.TreeSet<>();
        java.util.regex.Matcher names = java.util.regex.Pattern.compile("atende_[a-z_]+").matcher(
                dashboard.findValues("expr").toString() + dashboard.findValues("definition"));
        while (names.find()) {
            series.add(names.group());
        }
        Scrape scrape = scrape();

        assertThat(series).hasSizeGreaterThan(10);
        assertThat(series).allSatisfy(name -> assertThat(scrape.body).as("the scrape serves %s", name)
                .containsPattern("(?m)^" + name + "[{ ]"));
    }

    private static Scrape eventually(Supplier<Scrape> attempt) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Scrape found = attempt.get();
            if (found != null) {
                return found;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("not seen within 20 s");
    }
}
