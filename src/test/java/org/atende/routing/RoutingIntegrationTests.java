package org.atende.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atende.routing.RoutingDesk.any;
import static org.atende.routing.RoutingDesk.languages;
import static org.atende.routing.RoutingDesk.types;
import static org.atende.routing.RoutingDesk.words;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.Availability;
import org.atende.identity.TeamId;
import org.atende.identity.UserId;
import org.atende.support.H2Database;
import org.atende.tickets.Channel;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketChanges;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketType;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.atende.tickets.TimelineEventView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** Routing on H2, one instance: every condition, both methods, availability, languages, the default team, hand-back. */
@SpringBootTest(properties = "atende.sla.sweep-enabled=false")
class RoutingIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        H2Database.register(registry);
        // a routing kept waiting for its team's row gives up after 2 s (the retry test holds the row)
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:atende-routing-" + java.util.UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=2000;DB_CLOSE_DELAY=-1");
    }

    @Autowired JdbcClient jdbc;
    @Autowired Tickets tickets;
    @Autowired RoutingRules rules;
    @Autowired Availabilities availabilities;
    @Autowired TransactionTemplate transactions;
    @Autowired org.atende.routing.internal.RoutingQueue queue;
    @Autowired javax.sql.DataSource dataSource;

    RoutingDesk desk;
    TeamId firstLine;
    TeamId engineering;
    Actor ines;
    Actor tiago;
    Actor bruno;
    long plan;
    OrganisationId padaria;
    Actor joana;

    @BeforeEach
    void desk() {
        desk = new RoutingDesk(jdbc, tickets, rules);
        firstLine = desk.team("Primeira linha");
        engineering = desk.team("Engenharia");
        ines = desk.agent("Inês", firstLine, "PT", "EN");
        tiago = desk.agent("Tiago", firstLine, "PT", "ES");
        bruno = desk.agent("Bruno", engineering, "PT");
        plan = desk.plan("MEDIUM");
        padaria = desk.organisation(plan, "PT");
        joana = desk.customer(padaria, "PT");
    }

    @Test
    void routesATechnicalServiceTicketToEngineeringByLeastOpenWorkWithOneTimelineLine() {
        RoutingRule rule = desk.rule("Engenharia — serviço técnico", types("TECHNICAL_SERVICE"), engineering, RoutingMethod.LEAST_OPEN_WORK);
        TicketView t = desk.now(desk.open(joana, Channel.PORTAL, "Recuperar faturas", "Apagámos 120 faturas.",
                TicketType.TECHNICAL_SERVICE, "restore_deleted_items", Set.of()));

        assertThat(t.teamId()).isEqualTo(engineering);
        assertThat(t.assigneeId()).isEqualTo(bruno.userId());
        List<TimelineEventView> lines = desk.timeline(t.id()).stream().filter(e -> e.kind().equals("ROUTED")).toList();
        assertThat(lines).singleElement().satisfies(e -> {
            assertThat(e.actorUserId()).isNull();
            assertThat(e.before()).isEqualTo("team=;assignee=");
            assertThat(e.after()).isEqualTo("team=" + engineering.value() + ";assignee=" + bruno.userId().value());
            assertThat(e.detail()).contains("method=LEAST_OPEN_WORK", "name=Engenharia — serviço técnico");
        });
        assertThat(desk.routed(t.id())).singleElement().satisfies(r -> {
            assertThat(r.ruleId()).isEqualTo(rule.id());
            assertThat(r.ruleName()).isEqualTo("Engenharia — serviço técnico");
            assertThat(r.outcome()).isEqualTo(RoutedLine.Outcome.ASSIGNED);
            assertThat(r.assignee()).isEqualTo(bruno.userId());
        });
        assertThat(jdbc.sql("SELECT assignee_id FROM report_ticket WHERE ticket_id = ?").param(t.id().value()).query(Long.class).single())
                .as("TicketAssigned published: reports file it under the agent").isEqualTo(bruno.userId().value());
    }

    @Test
    void triesRulesInOrderAndTheFirstActiveMatchWins() {
        TeamId spanish = desk.team("Espanhol");
        desk.agent("Lucía", spanish, "ES");
        RoutingRule words = desk.rule("Faturas", words("fatura"), engineering, RoutingMethod.NONE);
        RoutingRule everything = desk.rule("Tudo", any(), firstLine, RoutingMethod.NONE);
        assertThat(desk.now(desk.open(joana, "A fatura não sai", "…")).teamId()).isEqualTo(engineering);

        rules.move(everything.id(), -1);
        assertThat(rules.list()).extracting(RoutingRule::name).containsExactly("Tudo", "Faturas");
        assertThat(desk.now(desk.open(joana, "A fatura não sai", "…")).teamId()).isEqualTo(firstLine);

        rules.update(everything.id(), new RoutingRuleDraft("Tudo", false, null, any(),
                new RoutingRuleDraft.Action(firstLine.value(), "NONE")));
        assertThat(desk.now(desk.open(joana, "A fatura não sai", "…")).teamId()).as("inactive rules are skipped").isEqualTo(engineering);
        assertThat(rules.get(words.id()).orElseThrow().position()).isEqualTo(2);
    }

    @Nested
    class Conditions {

        @Test
        void channel() {
            desk.rule("WhatsApp", new RoutingRuleDraft.Conditions(List.of("whatsapp"), null, null, null, null, null, null, null, null),
                    engineering, RoutingMethod.NONE);
            assertThat(desk.now(desk.open(joana, Channel.WHATSAPP, "Olá", "Ajuda", null, null, Set.of())).teamId()).isEqualTo(engineering);
            assertThat(desk.now(desk.open(joana, Channel.EMAIL, "Olá", "Ajuda", null, null, Set.of())).teamId()).isNull();
        }

        @Test
        void organisationAndPlan() {
            long premium = desk.plan("HIGH");
            OrganisationId hotel = desk.organisation(premium, "ES");
            Actor carmen = desk.customer(hotel, "ES");
            desk.rule("Padaria", new RoutingRuleDraft.Conditions(null, padaria.value(), null, null, null, null, null, null, null),
                    engineering, RoutingMethod.NONE);
            desk.rule("Premium", new RoutingRuleDraft.Conditions(null, null, premium, null, null, null, null, null, null),
                    firstLine, RoutingMethod.NONE);
            assertThat(desk.now(desk.open(joana, "Olá", "…")).teamId()).isEqualTo(engineering);
            assertThat(desk.now(desk.open(carmen, "Hola", "…")).teamId()).isEqualTo(firstLine);
            assertThat(desk.now(desk.open(desk.customer(desk.organisation(plan, "PT"), "PT"), "Olá", "…")).teamId()).isNull();
        }

        @Test
        void typeAndCategory() {
            desk.rule("Atualizações em massa", new RoutingRuleDraft.Conditions(null, null, null, List.of("technical_service"),
                    List.of("Bulk_Update"), null, null, null, null), engineering, RoutingMethod.NONE);
            desk.rule("Incidentes", types("INCIDENT"), firstLine, RoutingMethod.NONE);
            assertThat(desk.now(desk.open(joana, Channel.PORTAL, "Preços", "1.200 artigos", TicketType.TECHNICAL_SERVICE, "bulk_update",
                    Set.of())).teamId()).isEqualTo(engineering);
            assertThat(desk.now(desk.open(joana, Channel.PORTAL, "Ficheiro", "CSV", TicketType.TECHNICAL_SERVICE, "file_load",
                    Set.of())).teamId()).as("another category").isNull();
            assertThat(desk.now(desk.open(joana, Channel.PORTAL, "Caiu", "Erro 500", TicketType.INCIDENT, null, Set.of())).teamId())
                    .isEqualTo(firstLine);
        }

        @Test
        void languageIsTheRequestersElseTheOrganisations() {
            desk.rule("Espanhol", languages("es"), engineering, RoutingMethod.NONE);
            OrganisationId hotel = desk.organisation(plan, "ES");
            Actor portugueseAtHotel = desk.customer(hotel, "PT");
            assertThat(desk.now(desk.open(desk.customer(padaria, "ES"), "Hola", "…")).teamId()).as("a Spanish contact").isEqualTo(engineering);
            assertThat(desk.now(desk.open(portugueseAtHotel, "Olá", "…")).teamId()).as("the contact's language first").isNull();
            assertThat(desk.now(desk.openWithoutRequester(hotel, "Sin contacto")).teamId()).as("no requester: the organisation's")
                    .isEqualTo(engineering);
        }

        @Test
        void priority() {
            desk.rule("Urgentes e altas", new RoutingRuleDraft.Conditions(null, null, null, null, null, null, List.of("HIGH", "URGENT"),
                    null, null), engineering, RoutingMethod.NONE);
            Actor vip = desk.customer(desk.organisation(desk.plan("HIGH"), "PT"), "PT");
            assertThat(desk.now(desk.open(vip, "Parado", "…")).teamId()).as("the plan's default priority, HIGH").isEqualTo(engineering);
            assertThat(desk.now(desk.open(joana, "Dúvida", "…")).teamId()).as("MEDIUM").isNull();
        }

        @Test
        void tagsAnyOfThem() {
            desk.rule("VIP ou migração", new RoutingRuleDraft.Conditions(null, null, null, null, null, null, null, List.of("VIP", "Migração 2026"),
                    null), engineering, RoutingMethod.NONE);
            assertThat(desk.now(desk.open(joana, Channel.PORTAL, "A", "…", null, null, Set.of("migração-2026", "outra"))).teamId())
                    .isEqualTo(engineering);
            assertThat(desk.now(desk.open(joana, Channel.PORTAL, "B", "…", null, null, Set.of("vip"))).teamId()).isEqualTo(engineering);
            assertThat(desk.now(desk.open(joana, Channel.PORTAL, "C", "…", null, null, Set.of("outra"))).teamId()).isNull();
        }

        @Test
        void anyWordOfSubjectOrBodyAccentsAndCaseAside() {
            desk.rule("Faturação", words("fatura", "nota de crédito", "FACTURA"), engineering, RoutingMethod.NONE);
            assertThat(desk.now(desk.open(joana, "A FATÚRA não sai", "…")).teamId()).isEqualTo(engineering);
            assertThat(desk.now(desk.open(joana, "Erro", "Falta a Nota de Credito de março.")).teamId()).isEqualTo(engineering);
            assertThat(desk.now(desk.open(joana, "¿La factura?", "…")).teamId()).isEqualTo(engineering);
            assertThat(desk.now(desk.open(joana, "Faturação lenta", "Relatórios de faturas")).teamId()).as("whole words only").isNull();
        }
    }

    @Nested
    class Methods {

        @Test
        void roundRobinGivesEachAvailableAgentTheirTurn() {
            Actor rui = desk.agent("Rui", firstLine, "PT");
            desk.rule("Tudo", any(), firstLine, RoutingMethod.ROUND_ROBIN);
            Map<UserId, Integer> got = new HashMap<>();
            for (int i = 0; i < 9; i++) {
                got.merge(desk.now(desk.open(joana, "Pedido " + i, "…")).assigneeId(), 1, Integer::sum);
            }
            assertThat(got).containsOnlyKeys(ines.userId(), tiago.userId(), rui.userId()).allSatisfy((a, n) -> assertThat(n).isEqualTo(3));
        }

        @Test
        void leastOpenWorkWeighsOpenTicketsByPriorityAndLeavesWaitingOnesOut() {
            desk.rule("Tudo", any(), firstLine, RoutingMethod.LEAST_OPEN_WORK);
            Actor vip = desk.customer(desk.organisation(desk.plan("URGENT"), "PT"), "PT");
            TicketView urgent = desk.open(vip, "Urgente", "…");           // Inês: 8
            assign(urgent, ines);
            for (int i = 0; i < 3; i++) {                                  // Tiago: 3 × MEDIUM = 6
                assign(desk.open(joana, "Média " + i, "…"), tiago);
            }
            TicketView waiting = desk.open(vip, "À espera", "…");          // waiting on the customer: not counted
            assign(waiting, tiago);
            tickets.update(waiting.id(), TicketChanges.status(TicketStatus.WAITING_ON_CUSTOMER), desk.admin);

            assertThat(desk.now(desk.open(joana, "Nova", "…")).assigneeId()).as("6 < 8").isEqualTo(tiago.userId());
            assertThat(desk.now(desk.open(joana, "Outra", "…")).assigneeId()).as("8 = 8: whose turn it is").isEqualTo(ines.userId());
            tickets.update(urgent.id(), TicketChanges.status(TicketStatus.RESOLVED), desk.admin);
            assertThat(desk.now(desk.open(joana, "Mais uma", "…")).assigneeId()).as("resolved work does not count: 2 < 8")
                    .isEqualTo(ines.userId());
        }

        @Test
        void noneLeavesTheTicketInTheTeamQueue() {
            desk.rule("Fila", any(), firstLine, RoutingMethod.NONE);
            TicketView t = desk.now(desk.open(joana, "Olá", "…"));
            assertThat(t.teamId()).isEqualTo(firstLine);
            assertThat(t.assigneeId()).isNull();
            assertThat(desk.routed(t.id())).singleElement().extracting(RoutedLine::outcome).isEqualTo(RoutedLine.Outcome.TEAM_QUEUE);
        }

        private void assign(TicketView t, Actor agent) {
            desk.settle();
            tickets.update(t.id(), new TicketChanges(null, null, null, null, agent.userId(), false, firstLine, null), desk.admin);
        }
    }

    @Nested
    class AvailabilityAndLanguages {

        @Test
        void awayAgentsGetNoTicketsAndNobodyAvailableLeavesItInTheTeamQueue() {
            desk.rule("Tudo", any(), firstLine, RoutingMethod.ROUND_ROBIN);
            desk.away(ines);
            for (int i = 0; i < 3; i++) {
                assertThat(desk.now(desk.open(joana, "Pedido " + i, "…")).assigneeId()).isEqualTo(tiago.userId());
            }
            desk.away(tiago);
            TicketView t = desk.now(desk.open(joana, "Ninguém", "…"));
            assertThat(t.teamId()).isEqualTo(firstLine);
            assertThat(t.assigneeId()).isNull();
            assertThat(desk.routed(t.id())).singleElement().extracting(RoutedLine::outcome).isEqualTo(RoutedLine.Outcome.NO_AVAILABLE_AGENT);

            availabilities.set(ines.userId(), Availability.AVAILABLE, false, ines);
            assertThat(desk.now(t).assigneeId()).as("coming back reassigns nothing").isNull();
            assertThat(desk.now(desk.open(joana, "De volta", "…")).assigneeId()).isEqualTo(ines.userId());
        }

        @Test
        void aSpanishTicketPrefersSpanishSpeakersAndFallsBackToAnyone() {
            desk.rule("Tudo", any(), firstLine, RoutingMethod.ROUND_ROBIN);
            Actor carmen = desk.customer(padaria, "ES");
            for (int i = 0; i < 3; i++) {
                TicketView t = desk.now(desk.open(carmen, "Hola " + i, "…"));
                assertThat(t.assigneeId()).as("Tiago speaks Spanish").isEqualTo(tiago.userId());
                assertThat(desk.routed(t.id())).singleElement().extracting(RoutedLine::language).isEqualTo(org.atende.customers.Language.ES);
            }
            desk.away(tiago);
            TicketView t = desk.now(desk.open(carmen, "Hola otra vez", "…"));
            assertThat(t.assigneeId()).as("no Spanish speaker available: anyone available").isEqualTo(ines.userId());
            assertThat(desk.routed(t.id())).singleElement().extracting(RoutedLine::language).isNull();
        }

        @Test
        void languagesAreSetAndReadBack() {
            availabilities.speaks(bruno.userId(), List.of(org.atende.customers.Language.EN, org.atende.customers.Language.ES), desk.admin);
            assertThat(availabilities.of(bruno.userId(), bruno).agent().languages())
                    .containsExactlyInAnyOrder(org.atende.customers.Language.EN, org.atende.customers.Language.ES);
        }
    }

    @Nested
    class HandBack {

        @Test
        void goingAwayHandsTheUnfinishedTicketsBackToTheTeamQueueWhenAsked() {
            desk.rule("Tudo", any(), firstLine, RoutingMethod.ROUND_ROBIN);
            desk.away(tiago);
            List<TicketView> hers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                hers.add(desk.now(desk.open(joana, "Pedido " + i, "…")));
            }
            tickets.update(hers.get(3).id(), TicketChanges.status(TicketStatus.RESOLVED), ines);
            assertThat(availabilities.of(ines.userId(), ines).unfinishedTickets()).isEqualTo(3);

            var kept = availabilities.set(ines.userId(), Availability.AWAY, false, ines);
            assertThat(kept.handedBack()).isZero();
            assertThat(desk.now(hers.getFirst()).assigneeId()).isEqualTo(ines.userId());

            var handed = availabilities.set(ines.userId(), Availability.AWAY, true, ines);
            assertThat(handed.handedBack()).isEqualTo(3);
            assertThat(handed.now().unfinishedTickets()).isZero();
            for (TicketView t : hers.subList(0, 3)) {
                TicketView now = desk.now(t);
                assertThat(now.assigneeId()).isNull();
                assertThat(now.teamId()).isEqualTo(firstLine);
                assertThat(desk.timeline(t.id())).filteredOn(e -> e.kind().equals("HANDED_BACK")).singleElement()
                        .satisfies(e -> assertThat(e.actorUserId()).isEqualTo(ines.userId()));
            }
            assertThat(desk.now(hers.get(3)).assigneeId()).as("resolved: kept").isEqualTo(ines.userId());
        }

        @Test
        void aTicketWithoutATeamGoesToTheAgentsTeam() {
            TicketView t = desk.now(desk.open(joana, "Sem equipa", "…"));
            tickets.update(t.id(), new TicketChanges(null, null, null, null, bruno.userId(), false, null, null), desk.admin);
            assertThat(availabilities.set(bruno.userId(), Availability.AWAY, true, desk.admin).handedBack()).isEqualTo(1);
            assertThat(desk.now(t).teamId()).isEqualTo(engineering);
        }
    }

    @Nested
    class DefaultTeam {

        @Test
        void aTicketNoRuleMatchesGoesToTheDefaultTeam() {
            desk.rule("Serviço técnico", types("TECHNICAL_SERVICE"), engineering, RoutingMethod.NONE);
            rules.changeSettings(new RoutingRuleDraft.Action(firstLine.value(), "ROUND_ROBIN"));
            TicketView t = desk.now(desk.open(joana, "Olá", "…"));
            assertThat(t.teamId()).isEqualTo(firstLine);
            assertThat(t.assigneeId()).isIn(ines.userId(), tiago.userId());
            assertThat(desk.routed(t.id())).singleElement().satisfies(r -> {
                assertThat(r.byDefault()).isTrue();
                assertThat(r.method()).isEqualTo(RoutingMethod.ROUND_ROBIN);
            });
        }

        @Test
        void withoutADefaultTeamItStaysUnroutedAndTheTimelineSaysNothing() {
            desk.rule("Serviço técnico", types("TECHNICAL_SERVICE"), engineering, RoutingMethod.NONE);
            TicketView t = desk.now(desk.open(joana, "Olá", "…"));
            assertThat(t.teamId()).isNull();
            assertThat(t.assigneeId()).isNull();
            assertThat(desk.routed(t.id())).isEmpty();
        }
    }

    @Nested
    class ByHandAndReclassification {

        @Test
        void neverOverridesAnAssignmentMadeBeforeRoutingRan() {
            desk.rule("Tudo", any(), firstLine, RoutingMethod.ROUND_ROBIN);
            TicketView t = transactions.execute(s -> {
                TicketView opened = desk.open(joana, "Agarrado", "…");
                tickets.update(opened.id(), new TicketChanges(null, null, null, null, bruno.userId(), false, null, null), desk.admin);
                return opened;
            });
            assertThat(desk.now(t).assigneeId()).isEqualTo(bruno.userId());
            assertThat(desk.now(t).teamId()).isNull();
            assertThat(desk.routed(t.id())).isEmpty();
        }

        @Test
        void reclassifiedAsTechnicalServiceItMovesToTheRulesTeam() {
            desk.rule("Engenharia — serviço técnico", types("TECHNICAL_SERVICE"), engineering, RoutingMethod.LEAST_OPEN_WORK);
            desk.rule("Tudo", any(), firstLine, RoutingMethod.ROUND_ROBIN);
            TicketView t = desk.now(desk.open(joana, "Recuperar registos", "…"));
            UserId first = t.assigneeId();
            assertThat(t.teamId()).isEqualTo(firstLine);

            tickets.update(t.id(), TicketChanges.priority(Priority.URGENT), desk.admin);
            assertThat(desk.now(t).teamId()).as("a priority change alone does not re-route").isEqualTo(firstLine);

            tickets.update(t.id(), new TicketChanges(null, TicketType.TECHNICAL_SERVICE, "log_query", null, null, false, null, null), desk.admin);
            TicketView moved = desk.now(t);
            assertThat(moved.teamId()).isEqualTo(engineering);
            assertThat(moved.assigneeId()).isEqualTo(bruno.userId());
            assertThat(desk.routed(t.id())).hasSize(2).last().satisfies(r -> {
                assertThat(r.teamBefore()).isEqualTo(firstLine);
                assertThat(r.assigneeBefore()).isEqualTo(first);
            });

            tickets.update(t.id(), new TicketChanges(null, TicketType.INCIDENT, null, null, null, false, null, null), desk.admin);
            assertThat(desk.now(t).teamId()).as("back to support: the catch-all rule's team").isEqualTo(firstLine);
        }

        @Test
        void aTypeChangeThatKeepsTheTeamChangesNothing() {
            desk.rule("Tudo", any(), firstLine, RoutingMethod.ROUND_ROBIN);
            TicketView t = desk.now(desk.open(joana, "Dúvida", "…"));
            tickets.update(t.id(), new TicketChanges(null, TicketType.INCIDENT, null, null, null, false, null, null), desk.admin);
            assertThat(desk.now(t).assigneeId()).isEqualTo(t.assigneeId());
            assertThat(desk.routed(t.id())).hasSize(1);
        }

        @Test
        void anOwnerChosenByHandStaysWhenTheTypeChanges() {
            desk.rule("Engenharia — serviço técnico", types("TECHNICAL_SERVICE"), engineering, RoutingMethod.LEAST_OPEN_WORK);
            desk.rule("Tudo", any(), firstLine, RoutingMethod.ROUND_ROBIN);
            TicketView t = desk.now(desk.open(joana, "Recuperar registos", "…"));
            Actor other = ines.userId().equals(t.assigneeId()) ? tiago : ines;
            tickets.update(t.id(), new TicketChanges(null, null, null, null, other.userId(), false, null, null), desk.admin);
            tickets.update(t.id(), new TicketChanges(null, TicketType.TECHNICAL_SERVICE, null, null, null, false, null, null), other);
            assertThat(desk.now(t).assigneeId()).isEqualTo(other.userId());
            assertThat(desk.now(t).teamId()).isEqualTo(firstLine);
        }
    }

    @Test
    void aTicketWhoseRoutingFailedWaitsInTheQueueAndIsRoutedOnALaterAttempt() throws Exception {
        desk.rule("Tudo", any(), firstLine, RoutingMethod.ROUND_ROBIN);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> transactions.executeWithoutResult(s -> {
            jdbc.sql("SELECT team_id FROM routing_cursor WHERE team_id = ? FOR UPDATE").param(firstLine.value()).query(Long.class).single();
            locked.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        holder.start();
        locked.await();
        TicketView t = desk.open(joana, "Bloqueado", "A equipa está ocupada.");
        java.time.Instant until = java.time.Instant.now().plusSeconds(20);
        while (jdbc.sql("SELECT COUNT(*) FROM routing_queue WHERE ticket_id = ? AND attempts > 0").param(t.id().value())
                .query(Long.class).single() == 0) {
            assertThat(java.time.Instant.now()).as("the routing failed").isBefore(until);
            RoutingDesk.sleep(50);
        }
        assertThat(jdbc.sql("SELECT last_error FROM routing_queue WHERE ticket_id = ?").param(t.id().value()).query(String.class).single())
                .as("why it waits").isNotBlank();
        release.countDown();
        holder.join();
        assertThat(tickets.lookup(t.id()).orElseThrow().assigneeId()).as("intake went through; routing did not").isNull();

        jdbc.sql("UPDATE routing_queue SET next_attempt_at = queued_at WHERE ticket_id = ?").param(t.id().value()).update();
        assertThat(queue.routeWaiting()).isEqualTo(1);
        TicketView routed = tickets.lookup(t.id()).orElseThrow();
        assertThat(routed.assigneeId()).isIn(ines.userId(), tiago.userId());
        assertThat(desk.routed(t.id())).hasSize(1);
        assertThat(queue.waiting()).isZero();
    }

    @Test
    void aTicketThatCannotBeRoutedHoldsUpNoOtherOfItsBatch() {
        desk.rule("Tudo", any(), firstLine, RoutingMethod.ROUND_ROBIN);
        List<TicketView> opened = new ArrayList<>();
        transactions.executeWithoutResult(s -> {
            for (int i = 0; i < 5; i++) {
                opened.add(desk.open(joana, "Pedido " + i, "Texto " + i));
            }
            // the third one's row holds a type the desk does not know: reading it fails, and so does its routing
            jdbc.sql("UPDATE ticket SET type = 'UNKNOWN' WHERE id = ?").param(opened.get(2).id().value()).update();
        });
        desk.settle();
        for (int i = 0; i < 5; i++) {
            long id = opened.get(i).id().value();
            Long assignee = jdbc.sql("SELECT assignee_id FROM ticket WHERE id = ?").param(id).query(Long.class).optional().orElse(null);
            if (i == 2) {
                assertThat(assignee).isNull();
                assertThat(jdbc.sql("SELECT attempts FROM routing_queue WHERE ticket_id = ?").param(id).query(Integer.class).single())
                        .as("it waits for another attempt").isPositive();
            } else {
                assertThat(assignee).as("ticket %d", i).isIn(ines.userId().value(), tiago.userId().value());
            }
        }
        // mended, it is routed at its next attempt
        jdbc.sql("UPDATE ticket SET type = 'QUESTION' WHERE id = ?").param(opened.get(2).id().value()).update();
        jdbc.sql("UPDATE routing_queue SET next_attempt_at = queued_at WHERE ticket_id = ?").param(opened.get(2).id().value()).update();
        assertThat(queue.routeWaiting()).isEqualTo(1);
        assertThat(tickets.lookup(opened.get(2).id()).orElseThrow().assigneeId()).isIn(ines.userId(), tiago.userId());
    }

    @Test
    void routingsPendingInThePublicationRegistryAtUpgradeAreTakenUpByTheQueue() {
        List<TicketView> opened = desk.pendingPublicationsMovedToTheQueue(joana, "h2",
                work -> transactions.executeWithoutResult(s -> {
                    work.run();
                    desk.rule("Tudo", any(), firstLine, RoutingMethod.ROUND_ROBIN);
                }), dataSource);
        desk.settle();
        assertThat(tickets.lookup(opened.get(0).id()).orElseThrow().assigneeId()).isIn(ines.userId(), tiago.userId());
        assertThat(tickets.lookup(opened.get(1).id()).orElseThrow().assigneeId()).isIn(ines.userId(), tiago.userId());
        assertThat(tickets.lookup(opened.get(2).id()).orElseThrow().assigneeId()).as("its routing had been done").isNull();
    }

    @Test
    void ticketsRoutedInOneBatchTakeTurnsAsIfRoutedOneAfterAnother() {
        desk.rule("Tudo", any(), firstLine, RoutingMethod.ROUND_ROBIN);
        List<TicketView> opened = new ArrayList<>();
        transactions.executeWithoutResult(s -> {
            for (int i = 0; i < 6; i++) {
                opened.add(desk.open(joana, "Pedido " + i, "Texto " + i));
            }
        });
        desk.settle();
        List<UserId> owners = opened.stream().map(t -> tickets.lookup(t.id()).orElseThrow().assigneeId()).toList();
        assertThat(owners).doesNotContainNull();
        for (int i = 1; i < owners.size(); i++) {
            assertThat(owners.get(i)).as("ticket %d goes to the other agent than ticket %d", i, i - 1).isNotEqualTo(owners.get(i - 1));
        }
        assertThat(jdbc.sql("SELECT assigned FROM routing_cursor WHERE team_id = ?").param(firstLine.value()).query(Long.class).single())
                .isEqualTo(6);
        assertThat(jdbc.sql("SELECT last_user_id FROM routing_cursor WHERE team_id = ?").param(firstLine.value()).query(Long.class).single())
                .isEqualTo(owners.getLast().value());
    }

    @Test
    void manyTicketsOpenedAtOnceAreSharedFairly() throws Exception {
        Actor rui = desk.agent("Rui", firstLine, "PT");
        desk.rule("Tudo", any(), firstLine, RoutingMethod.ROUND_ROBIN);
        int n = 31;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<TicketView>> opened = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < n; i++) {
                int k = i;
                opened.add(pool.submit((Callable<TicketView>) () -> {
                    start.await();
                    return desk.open(joana, "Ao mesmo tempo " + k, "…");
                }));
            }
            start.countDown();
            for (Future<TicketView> f : opened) {
                f.get();
            }
        }
        desk.settle();
        Map<Long, Long> perAgent = new HashMap<>();
        jdbc.sql("SELECT assignee_id, COUNT(*) FROM ticket WHERE subject LIKE 'Ao mesmo tempo %' GROUP BY assignee_id")
                .query((rs, i) -> perAgent.put(rs.getLong(1), rs.getLong(2))).list();
        assertThat(perAgent).containsOnlyKeys(ines.userId().value(), tiago.userId().value(), rui.userId().value());
        assertThat(perAgent.values()).allSatisfy(c -> assertThat(c).isBetween((long) n / 3, (long) n / 3 + 1));
        RoutingDesk.assertInTurn(desk.picksInLockOrder(firstLine), List.of(ines, tiago, rui));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM timeline_event e JOIN ticket t ON t.id = e.ticket_id WHERE t.subject LIKE 'Ao mesmo tempo %' "
                + "AND e.kind = 'ROUTED'").query(Long.class).single()).isEqualTo(n);
    }
}
